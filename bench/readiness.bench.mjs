// Readiness at scale: 10,000 catalog components evaluated end to end (catalog facts -> checks ->
// scores -> stored results with history) through POST /api/readiness/evaluate, on SQLite and on
// PostgreSQL, with the backend's peak RSS; then the overview API's p95 under 20 concurrent clients;
// then the same entities and equivalent checks through Tech Insights' json-rules-engine checker
// on the facts Runway stored (bench/techInsights.mjs), and the ratio of the two times.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  CI_TOKEN,
  guestToken,
  PRODUCTION_NODE_FLAGS,
  startPortal,
  waitUntilReady,
} from '../e2e/portal.mjs';
import { cpuPercent, memoryMiB, percentile } from './measure.mjs';
import { dropDatabases } from './postgres.mjs';
import { runTechInsights, databaseClient } from './techInsights.mjs';

const ENTITIES = Number(process.env.RUNWAY_BENCH_ENTITIES ?? 10_000);
export const title = `readiness (${ENTITIES} components)`;
const TEAMS = 40;
const OVERVIEW_CLIENTS = 20;
const OVERVIEW_REQUESTS = 2000;
const FILE_SIZE = 100;

function catalogFile(dir) {
  const docs = [];
  for (let t = 0; t < TEAMS; t++) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${t}` },
      spec: { type: 'team', children: [] },
    });
    for (let u = 0; u < (t % 5) + 1; u++) {
      docs.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: `user-${t}-${u}` },
        spec: { memberOf: [`team-${t}`] },
      });
    }
  }
  for (let i = 0; i < ENTITIES; i++) {
    const annotations = {};
    if (i % 2) annotations['pagerduty.com/service-id'] = `P${i}`;
    if (i % 3) annotations['github.com/project-slug'] = `skyline/s${i}`;
    if (i % 4) annotations['grafana/dashboard-selector'] = `tags @> 's${i}'`;
    if (i % 5) annotations['runway.dev/deploy-path'] = 'dev,staging,prod';
    if (i % 7) annotations['sonarqube.org/project-key'] = `s${i}`;
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `service-${i}`,
        annotations,
        links: i % 2 ? [{ url: 'https://rb', type: 'runbook' }] : [],
      },
      spec: {
        type: i % 10 ? 'service' : 'library',
        lifecycle: 'production',
        owner: `group:team-${i % TEAMS}`,
        system: 'bench',
      },
    });
  }
  // As an organisation's catalog comes: many files (one per repository), not one huge one.
  const files = [];
  for (let i = 0; i < docs.length; i += FILE_SIZE) {
    const file = path.join(dir, `catalog-${files.length}.json`);
    // JSON is YAML: one document per line-separated `---`.
    fs.writeFileSync(
      file,
      docs
        .slice(i, i + FILE_SIZE)
        .map(d => JSON.stringify(d))
        .join('\n---\n'),
    );
    files.push(file);
  }
  return files;
}

/** Starts a new peak: Linux resets VmHWM to the current RSS when 5 is written to clear_refs. */
function resetPeakRss(pid) {
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

async function evaluateAll(baseUrl) {
  const start = performance.now();
  const res = await fetch(`${baseUrl}/api/readiness/evaluate`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${CI_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: '{}',
  });
  const summary = await res.json();
  if (!res.ok)
    throw new Error(
      `evaluate answered ${res.status}: ${JSON.stringify(summary)}`,
    );
  return { summary, seconds: (performance.now() - start) / 1000 };
}

async function waitForComponents(baseUrl, token, count) {
  const deadline = Date.now() + 30 * 60_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${baseUrl}/api/catalog/entity-facets?facet=kind`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const facets = (await res.json()).facets.kind ?? [];
    const n = facets.find(f => f.value === 'Component')?.count ?? 0;
    if (n >= count) return;
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new Error('the catalog did not load the bench entities in 30 minutes');
}

/**
 * Waits until the catalog has finished taking in the new entities: its first processing pass
 * and stitching keep a core busy for minutes after the last one shows up in the API. Settled is
 * the backend under half a core over 10 s (its periodic re-processing goes on; it is measured
 * and reported). Gives up after 5 minutes and measures anyway.
 */
async function waitUntilSettled(pid) {
  const deadline = Date.now() + 5 * 60_000;
  let cpu = await cpuPercent(pid);
  while (cpu >= 50 && Date.now() < deadline) cpu = await cpuPercent(pid);
  return cpu;
}

async function overviewP95(baseUrl, token) {
  const latencies = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: OVERVIEW_CLIENTS }, async (_, c) => {
      while (next++ < OVERVIEW_REQUESTS) {
        const sort = ['name', 'level', 'ownership', 'observability'][next % 4];
        const owner =
          next % 2 ? `&owner=group:default/team-${(next + c) % TEAMS}` : '';
        const start = performance.now();
        const res = await fetch(
          `${baseUrl}/api/readiness/overview?limit=50&offset=${
            (next % 20) * 50
          }&sort=${sort}${owner}`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`overview answered ${res.status}`);
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return percentile(latencies, 95);
}

/** Rows and a stderr report for the Tech Insights pass, against Runway's evaluation time. */
function techInsightsRows(label, ti, runwaySeconds) {
  const { agree, agreeOn, disagree, compared, disagreements } = ti.agreement;
  const memory = ti.memoryCatalogAgreement;
  process.stderr.write(
    [
      `${label}: Tech Insights ran ${ti.translated} of ${
        ti.checks
      } checks for ${ti.entities} entities in ${ti.seconds.toFixed(1)} s (${
        ti.catalogLookups
      } catalog lookups for entity filters, ${
        ti.queries
      } queries to its database); fact load ${ti.loadSeconds.toFixed(1)} s`,
      ...ti.untranslated.map(u => `  not translated: ${u.id}: ${u.reason}`),
      `  ${ti.withWarn} translated checks have a warn level, which Tech Insights cannot express: their warn counts as a failure`,
      `  agreement on pass / fail-or-warn / no result: ${agree} of ${compared} (entity, check) results (${agreeOn.pass} pass, ${agreeOn.fail} fail or warn, ${agreeOn['no result']} no result: missing data or not applicable), ${disagree} disagree`,
      `  with the catalog in memory: ${ti.memoryCatalogSeconds.toFixed(1)} s, ${
        memory.agree
      } of ${memory.compared} agree`,
      ...[...disagreements].map(([k, n]) => `  disagree ${n}x: ${k}`),
      ...ti.problems.slice(0, 5).map(p => `  Tech Insights logged ${p}`),
      '',
    ].join('\n'),
  );
  return [
    {
      metric: `${label}: Tech Insights jsonfc, same checks`,
      value: ti.seconds.toFixed(1),
      unit: 's',
      note: `${ti.translated}/${ti.checks} checks translated, ${
        ti.entities
      } entities, runChecks 100 at a time; facts from its own ${label} store (loaded in ${ti.loadSeconds.toFixed(
        1,
      )} s, not counted), entity filters via the catalog API`,
    },
    {
      metric: `${label}: Runway faster by`,
      value: (ti.seconds / runwaySeconds).toFixed(1),
      unit: 'x',
      note: 'goal 20x; Runway: facts, checks, scores, stored results with history; Tech Insights: checks only, nothing stored',
    },
    {
      metric: `${label}: Tech Insights, catalog in memory`,
      value: ti.memoryCatalogSeconds.toFixed(1),
      unit: 's',
      note: `no catalog call per entity: entities for the filters fetched in bulk beforehand (not counted); Runway faster by ${(
        ti.memoryCatalogSeconds / runwaySeconds
      ).toFixed(1)}x`,
    },
    {
      metric: `${label}: engines agree`,
      value: `${agree}/${compared}`,
      unit: 'results',
      note: disagree
        ? `${disagree} disagree (see the log above)`
        : 'every (entity, translated check): pass, fail or warn, no result',
    },
  ];
}

async function runOn(label, database, dir, stores) {
  const files = catalogFile(dir);
  const configFile = path.join(dir, `bench-${label}.yaml`);
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      catalog: {
        locations: files.map(target => ({ type: 'file', target })),
        rules: [
          {
            allow: [
              'Component',
              'Group',
              'User',
              'System',
              'API',
              'Resource',
              'Location',
            ],
          },
        ],
      },
      readiness: {
        exampleFactsFile: null,
        startupEvaluationDelaySeconds: 86400,
      },
      ...(database && { backend: { database } }),
    }),
  );
  // The database is always named here (never startPortal's own SQLite folder) so that the
  // Tech Insights pass can read the facts Runway stored.
  const portal = await startPortal({ configs: [configFile], sqlite: false });
  const runway = databaseClient(stores.runway);
  let techInsights;
  try {
    await waitUntilReady(portal, 300_000);
    const token = await guestToken(portal.baseUrl);
    await waitForComponents(portal.baseUrl, token, ENTITIES);
    const settledCpu = await waitUntilSettled(portal.pid);
    const peakLoading = memoryMiB(portal.pid, 'VmHWM');
    const rssBefore = memoryMiB(portal.pid);
    resetPeakRss(portal.pid);
    const { summary, seconds } = await evaluateAll(portal.baseUrl);
    const rss = memoryMiB(portal.pid, 'VmHWM');
    const rerun = await evaluateAll(portal.baseUrl);
    // What else the backend is doing meanwhile (the catalog re-processes its entities on its
    // interval, as in production): the overview is measured with it, not in a quiet backend.
    const backgroundCpu = await cpuPercent(portal.pid);
    const p95 = await overviewP95(portal.baseUrl, token);
    await stores.createTechInsights?.();
    techInsights = databaseClient(stores.techInsights);
    const ti = await runTechInsights({
      runway,
      techInsights,
      catalog: { baseUrl: portal.baseUrl, token: CI_TOKEN },
    });
    return [
      {
        metric: `${label}: evaluate all, first run`,
        value: seconds.toFixed(1),
        unit: 's',
        note: `${summary.entities} entities, ${summary.resultChanges} results stored; the catalog's intake settled first (backend at ${settledCpu}% of a core in the 10 s before)`,
      },
      {
        metric: `${label}: evaluate all, re-run`,
        value: rerun.seconds.toFixed(1),
        unit: 's',
        note: `nothing changed: ${rerun.summary.resultChanges} results written`,
      },
      {
        metric: `${label}: backend peak RSS while evaluating`,
        value: rss,
        unit: 'MiB',
        note: `${rssBefore} MiB when it began; ${peakLoading} MiB peak earlier, loading the catalog; node ${PRODUCTION_NODE_FLAGS.join(
          ' ',
        )}`,
      },
      {
        metric: `${label}: overview p95`,
        value: p95.toFixed(0),
        unit: 'ms',
        note: `${OVERVIEW_CLIENTS} clients, ${OVERVIEW_REQUESTS} requests, page of 50; the backend used ${backgroundCpu}% of a core in the 10 s before (catalog processing in the background)`,
      },
      ...techInsightsRows(label, ti, seconds),
    ];
  } finally {
    await runway.destroy();
    await techInsights?.destroy();
    await portal.stop();
  }
}

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runway-bench-'));
  const connection =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
    'postgresql://postgres@127.0.0.1:5432';
  const prefix = `runway_bench_${process.pid}_`;
  const sqlite = path.join(dir, 'sqlite');
  try {
    const rows = await runOn(
      'SQLite',
      { client: 'better-sqlite3', connection: { directory: sqlite } },
      dir,
      {
        runway: {
          client: 'better-sqlite3',
          connection: {
            filename: path.join(sqlite, 'readiness.sqlite'),
            options: { readonly: true },
          },
        },
        techInsights: {
          client: 'better-sqlite3',
          connection: { filename: path.join(dir, 'tech-insights.sqlite') },
        },
      },
    );
    const techInsightsDb = `${prefix}tech_insights`;
    rows.push(
      ...(await runOn('PostgreSQL', { client: 'pg', connection, prefix }, dir, {
        runway: {
          client: 'pg',
          connection: `${connection}/${prefix}readiness`,
        },
        techInsights: {
          client: 'pg',
          connection: `${connection}/${techInsightsDb}`,
        },
        async createTechInsights() {
          const admin = new pg.Client({
            connectionString: `${connection}/postgres`,
          });
          await admin.connect();
          await admin.query(`create database "${techInsightsDb}"`);
          await admin.end();
        },
      })),
    );
    return rows;
  } finally {
    // Every database the bench backend created: its plugins' own.
    await dropDatabases(connection, prefix);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
