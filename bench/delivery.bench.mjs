// Delivery at scale, on PostgreSQL: (a) ingest through the batch API (POST /api/delivery/events,
// batches of 500 mixed events from 4 concurrent clients, 1,000 catalog services) in events/s;
// (b) DORA for the whole organisation (GET /api/delivery/metrics/dora, a 365-day window) over
// 1,000,000 production deployment rows, plus a team and a service, and the full metrics.
//
// The delivery plugin is started in-process in a child backend (createBackend with the
// delivery plugin from source through the Backstage CLI's TypeScript transform, the permission
// backend with Runway's policy, and an in-memory catalog of the bench services): the
// portal's production build does not include the plugin until it is wired into
// packages/backend. The 1M rows are inserted with SQL (generate_series), the daily rollups
// rebuilt from them as their migration does, then VACUUM ANALYZE, as autovacuum would after a
// bulk load.
//
// (c) deploy request -> GitOps commit: deploys through the gitops driver (delivery-backend-module-gitops)
// into a bare remote, timed until the commit is visible there.
//
// Sizes: RUNWAY_BENCH_DEPLOYMENTS (default 1,000,000), RUNWAY_BENCH_INGEST_EVENTS (default 50,000),
// RUNWAY_BENCH_GITOPS_DEPLOYS (default 50).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { dropDatabases } from './postgres.mjs';
import { CI_TOKEN } from '../e2e/portal.mjs';
import { startDeliveryBackend } from './deliveryBackend.mjs';
import { percentile } from './measure.mjs';

const DEPLOYMENTS = Number(process.env.RUNWAY_BENCH_DEPLOYMENTS ?? 1_000_000);
const INGEST_EVENTS = Number(process.env.RUNWAY_BENCH_INGEST_EVENTS ?? 50_000);
const SERVICES = 1000;
const TEAMS = 40;
const BATCH = 500;
const CLIENTS = 4;
const TIMED_REQUESTS = 10;
export const title = `delivery (${DEPLOYMENTS.toLocaleString(
  'en-US',
)} deployments)`;

function entities() {
  const out = [];
  for (let t = 0; t < TEAMS; t++) {
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${t}`, namespace: 'default' },
      spec: { type: 'team', children: [] },
    });
  }
  for (let i = 0; i < SERVICES; i++) {
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `service-${i}`,
        namespace: 'default',
        annotations: { 'github.com/project-slug': `skyline/service-${i}` },
      },
      spec: { type: 'service', owner: `team-${i % TEAMS}` },
      relations: [
        { type: 'ownedBy', targetRef: `group:default/team-${i % TEAMS}` },
      ],
    });
  }
  return out;
}

const GITOPS_DEPLOYS = Number(process.env.RUNWAY_BENCH_GITOPS_DEPLOYS ?? 50);

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

/** A bare repository with one commit on main: the GitOps remote Argo CD or Flux would read. */
function gitopsRemote(dir) {
  const remote = path.join(dir, 'gitops.git');
  if (!fs.existsSync(remote)) {
    git('init', '--quiet', '--bare', '--initial-branch=main', remote);
    const seed = path.join(dir, 'gitops-seed');
    git('init', '--quiet', '--initial-branch=main', seed);
    fs.writeFileSync(path.join(seed, 'README.md'), '# GitOps\n');
    git('-C', seed, 'add', 'README.md');
    git(
      '-C',
      seed,
      '-c',
      'user.name=bench',
      '-c',
      'user.email=bench@localhost',
      'commit',
      '--quiet',
      '-m',
      'seed',
    );
    git('-C', seed, 'push', '--quiet', remote, 'main');
  }
  return remote;
}

/**
 * Deploy request -> commit visible in the remote: GITOPS_DEPLOYS deploys of one service to dev,
 * one after another with different versions, through POST /api/delivery/deploys; the clock
 * stops when the remote's main has a commit carrying the deploy's id.
 */
async function gitopsDeploys(baseUrl, dir) {
  const remote = gitopsRemote(dir);
  const times = [];
  for (let i = 0; i <= GITOPS_DEPLOYS; i++) {
    const start = performance.now();
    const res = await fetch(`${baseUrl}/api/delivery/deploys`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${CI_TOKEN}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        service: 'service-1',
        environment: 'dev',
        version: `2.0.${i}`,
      }),
    });
    const body = await res.json();
    if (!res.ok)
      throw new Error(`deploy answered ${res.status}: ${JSON.stringify(body)}`);
    for (;;) {
      const log = git('--git-dir', remote, 'log', '-1', '--format=%b', 'main');
      if (log.includes(`Runway-Deploy-Id: ${body.id}`)) break;
      if (performance.now() - start > 60_000)
        throw new Error(`deploy ${body.id} made no commit in 60 s`);
      await new Promise(r => setTimeout(r, 10));
    }
    // The first deploy warms up (clone, catalog cache) and is not counted.
    if (i > 0) times.push(performance.now() - start);
    // One active deploy per service and environment: wait for it to finish.
    for (;;) {
      const d = await (
        await fetch(`${baseUrl}/api/delivery/deploys/${body.id}`, {
          headers: { Authorization: `Bearer ${CI_TOKEN}` },
        })
      ).json();
      if (d.status === 'succeeded') break;
      if (d.status === 'failed')
        throw new Error(`deploy ${body.id} failed: ${d.message}`);
      await new Promise(r => setTimeout(r, 10));
    }
  }
  times.sort((a, b) => a - b);
  const commits = Number(
    git('--git-dir', remote, 'rev-list', '--count', 'main'),
  );
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1],
    commits,
  };
}

async function startBackend(dir, connection, prefix) {
  return startDeliveryBackend({
    dir,
    entities: entities(),
    database: { client: 'pg', connection, prefix },
    // Runway deploys go through the gitops driver into a bare remote (file://).
    delivery: {
      environments: ['dev', 'staging', 'prod'].map((name, i) => ({
        name,
        tier: ['development', 'staging', 'production'][i],
        driver: 'gitops',
      })),
      drivers: {
        gitops: {
          url: `file://${gitopsRemote(dir)}`,
          workDirectory: path.join(dir, 'gitops-work'),
        },
      },
    },
  });
}

function event(i, day0) {
  const service = `component:default/service-${i % SERVICES}`;
  const at = new Date(day0 + (i % 100_000) * 60_000).toISOString();
  const kind = i % 20;
  if (kind < 14)
    return {
      type: 'deployment',
      deliveryId: `bench-${i}`,
      id: `bench-dep-${i}`,
      service,
      environment: i % 3 ? 'prod' : 'staging',
      version: `1.0.${i}`,
      status: i % 25 ? 'succeeded' : 'failed',
      finishedAt: at,
      firstCommitAt: new Date(
        Date.parse(at) - (i % 97) * 3600_000,
      ).toISOString(),
      pullRequests: [
        { repository: `skyline/service-${i % SERVICES}`, number: i + 1 },
      ],
    };
  if (kind < 17)
    return {
      type: 'pull_request',
      deliveryId: `bench-${i}`,
      service,
      repository: `skyline/service-${i % SERVICES}`,
      number: i + 1,
      action: 'merged',
      openedAt: at,
      mergedAt: new Date(Date.parse(at) + 7200_000).toISOString(),
      additions: i % 300,
      deletions: i % 70,
    };
  if (kind < 19)
    return {
      type: 'test_run',
      deliveryId: `bench-${i}`,
      id: `run-${i}`,
      service,
      finishedAt: at,
      durationSeconds: 60 + (i % 600),
      tests: 200,
      failures: i % 9 ? 0 : 1,
      flakyTests: i % 7 ? 0 : 1,
    };
  return {
    type: 'incident',
    deliveryId: `bench-${i}`,
    id: `inc-${i}`,
    service,
    status: 'resolved',
    openedAt: at,
    resolvedAt: new Date(Date.parse(at) + (i % 300) * 60_000).toISOString(),
    causedByDeploymentId: `bench-dep-${i - 5}`,
  };
}

async function post(baseUrl, body) {
  const res = await fetch(`${baseUrl}/api/delivery/events`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${CI_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body,
  });
  const text = await res.text();
  if (res.status !== 202)
    throw new Error(`ingest answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

async function ingest(baseUrl) {
  const day0 = Date.now() - 200 * 86_400_000;
  const batches = [];
  for (let i = 0; i < INGEST_EVENTS; i += BATCH) {
    const events = [];
    for (let j = i; j < Math.min(INGEST_EVENTS, i + BATCH); j++)
      events.push(event(j, day0));
    batches.push(JSON.stringify({ events }));
  }
  // One warm-up batch (catalog cache, connection pool), not counted, replayed later.
  await post(baseUrl, batches[0]);
  let next = 1;
  let accepted = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < batches.length) {
        const body = batches[next++];
        const result = await post(baseUrl, body);
        accepted += result.accepted;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const replay = await post(baseUrl, batches[1] ?? batches[0]);
  return { seconds, accepted, replay };
}

async function seed(client) {
  // Every row is a finished production deployment inside the last 365 days: the worst case
  // for the organisation's window. 5% failed, 2% rolled back, 3% incident-linked, 10% rework.
  await client.query(`
    insert into delivery_deployments (id, service_ref, environment, is_production, version,
      status, status_rank, change_type, source, self_service, requested_at, finished_at,
      lead_time_seconds, lead_time_bucket, caused_incident)
    select 'seed-' || g, 'component:default/service-' || (g % ${SERVICES}), 'prod', true,
      'v' || g,
      case when g % 20 = 0 then 'failed' when g % 50 = 1 then 'rolled-back' else 'succeeded' end,
      case when g % 50 = 1 then 4 else 3 end,
      case when g % 10 = 0 then 'fix' else 'planned' end,
      'external', g % 4 <> 0,
      now() - ((g % 525000) * interval '1 minute') - interval '1 hour',
      now() - ((g % 525000) * interval '1 minute'),
      (g::bigint * 7919) % 604800,
      floor(log(2, ((g::bigint * 7919) % 604800) + 1) * 8),
      g % 33 = 0
    from generate_series(1, ${DEPLOYMENTS}) g`);
  // The daily rollups the ingest path keeps, rebuilt for the inserted rows as the migration
  // that introduced them does.
  const day = 'floor(extract(epoch from finished_at) / 86400)::integer';
  await client.query(
    'truncate delivery_deployment_days, delivery_lead_time_days',
  );
  await client.query(`
    insert into delivery_deployment_days
      (service_ref, day, finished, live, failed, rework, self_service)
    select service_ref, ${day}, count(*),
      sum(case when status in ('succeeded', 'rolled-back') then 1 else 0 end),
      sum(case when status in ('failed', 'rolled-back') or caused_incident then 1 else 0 end),
      sum(case when change_type in ('fix', 'rollback') then 1 else 0 end),
      sum(case when self_service then 1 else 0 end)
    from delivery_deployments where is_production and finished_at is not null
    group by service_ref, ${day}`);
  await client.query(`
    insert into delivery_lead_time_days (day, bucket, deployments)
    select ${day}, lead_time_bucket, count(*) from delivery_deployments
    where is_production and finished_at is not null and lead_time_bucket is not null
    group by ${day}, lead_time_bucket`);
  await client.query('vacuum analyze');
}

async function timed(baseUrl, url) {
  const get = async () => {
    const start = performance.now();
    const res = await fetch(`${baseUrl}${url}`, {
      headers: { Authorization: `Bearer ${CI_TOKEN}` },
    });
    const body = await res.json();
    if (!res.ok)
      throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body)}`);
    return { ms: performance.now() - start, body };
  };
  await get();
  await get();
  const times = [];
  let body;
  for (let i = 0; i < TIMED_REQUESTS; i++) {
    const r = await get();
    times.push(r.ms);
    body = r.body;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), max: times[times.length - 1], body };
}

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runway-delivery-bench-'));
  const connection =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
    'postgresql://postgres@127.0.0.1:5432';
  const prefix = `runway_bench_${process.pid}_`;
  const database = `${prefix}delivery`;
  let backend;
  let client;
  try {
    backend = await startBackend(dir, connection, prefix);
    const gitops = await gitopsDeploys(backend.baseUrl, dir);
    const { seconds, accepted, replay } = await ingest(backend.baseUrl);

    client = new pg.Client({ connectionString: `${connection}/${database}` });
    await client.connect();
    await client.query('truncate delivery_deployments');
    const seedStart = performance.now();
    await seed(client);
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const to = new Date();
    const from = new Date(to.getTime() - 365 * 86_400_000);
    const w = `from=${from.toISOString()}&to=${to.toISOString()}`;
    const org = await timed(backend.baseUrl, `/api/delivery/metrics/dora?${w}`);
    const team = await timed(
      backend.baseUrl,
      `/api/delivery/metrics/dora?${w}&team=group:default/team-1`,
    );
    const one = await timed(
      backend.baseUrl,
      `/api/delivery/metrics/dora?${w}&service=component:default/service-1`,
    );
    const full = await timed(backend.baseUrl, `/api/delivery/metrics?${w}`);
    const d = org.body.dora;
    return [
      {
        metric: 'deploy request to GitOps commit (gitops driver, bare remote)',
        value: `${(gitops.p50 / 1000).toFixed(2)} / ${(
          gitops.p95 / 1000
        ).toFixed(2)}`,
        unit: 's p50 / p95',
        note: `goal <= 2 s; ${GITOPS_DEPLOYS} sequential deploys of different versions through POST /deploys, clock stops when the remote's main carries the deploy id; max ${(
          gitops.max / 1000
        ).toFixed(2)} s; ${gitops.commits - 1} commits for ${
          GITOPS_DEPLOYS + 1
        } deploys (incl. warm-up) and the seed`,
      },
      {
        metric: 'ingest through POST /events (PostgreSQL)',
        value: Math.round(accepted / seconds),
        unit: 'events/s',
        note: `goal >= 2,000; ${accepted} events (70% deployments with a PR link, 15% PRs, 10% test runs, 5% incidents) in batches of ${BATCH} from ${CLIENTS} clients in ${seconds.toFixed(
          1,
        )} s; a replayed batch: ${replay.accepted} accepted, ${
          replay.duplicates
        } duplicates`,
      },
      {
        metric: `DORA, organisation, ${DEPLOYMENTS.toLocaleString(
          'en-US',
        )} rows`,
        value: org.p50.toFixed(0),
        unit: 'ms p50',
        note: `goal <= 300 ms; max ${org.max.toFixed(
          0,
        )} ms of ${TIMED_REQUESTS}; 365-day window, ${
          d.deploymentFrequency.deployments
        } live, CFR ${(d.changeFailureRate.rate * 100).toFixed(
          1,
        )}%, lead time p50 ${d.leadTime.p50Hours.toFixed(1)} h${
          d.leadTime.approximate ? ' (histogram)' : ''
        }; rows inserted in ${seedSeconds.toFixed(1)} s`,
      },
      {
        metric: 'DORA, one team (25 services)',
        value: team.p50.toFixed(0),
        unit: 'ms p50',
        note: `max ${team.max.toFixed(0)} ms`,
      },
      {
        metric: 'DORA, one service',
        value: one.p50.toFixed(0),
        unit: 'ms p50',
        note: `max ${one.max.toFixed(0)} ms`,
      },
      {
        metric: 'all metrics (DORA + flow + stages), organisation',
        value: full.p50.toFixed(0),
        unit: 'ms p50',
        note: `max ${full.max.toFixed(
          0,
        )} ms; flow waits read deployment rows outside the covering index`,
      },
    ];
  } finally {
    await client?.end();
    await backend?.stop();
    // Every database the bench backend created: its plugins' own.
    await dropDatabases(connection, prefix);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
