// Environments (issue 4, "Speed"), on PostgreSQL as the portal's database, with the real drivers
// (config, a PostgreSQL database with its own role on 127.0.0.1:5432, a commit to a git repository
// on disk): (1) request-to-ready of environments created one after another, (2) 100 concurrent
// creates with some requests sent again with the same Idempotency-Key: exactly the expected
// environments, databases and commits, (3) the list API's p95 over 10,000 stored environments
// with filters under concurrent clients. Everything the run makes is removed afterwards.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { CI_TOKEN, startPortal, waitUntilReady } from '../e2e/portal.mjs';
import { percentile } from './measure.mjs';

const SEQUENTIAL = Number(process.env.RUNWAY_BENCH_ENV_SEQUENTIAL ?? 20);
const CONCURRENT = Number(process.env.RUNWAY_BENCH_ENV_CONCURRENT ?? 100);
const RETRIED = Math.round(CONCURRENT / 5);
const STORED = Number(process.env.RUNWAY_BENCH_ENV_STORED ?? 10_000);
const LIST_CLIENTS = 10;
const LIST_REQUESTS = Number(
  process.env.RUNWAY_BENCH_ENV_LIST_REQUESTS ?? 1000,
);
const WAIT_MS = 5 * 60_000;
export const title = `environments (${SEQUENTIAL} sequential, ${CONCURRENT} concurrent, list of ${STORED})`;

const OWNER = 'group:default/platform-team';
const CONNECTION =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

/** The example `preview` class (config, postgres, gitops), under bench ids, without quota. */
function benchClasses() {
  const resources = [
    {
      name: 'config',
      type: 'config',
      parameters: {
        values: { LOG_LEVEL: 'info', ENVIRONMENT_KIND: 'preview' },
        secrets: ['SESSION_SECRET'],
      },
    },
    { name: 'db', type: 'postgres', parameters: { connectionLimit: 10 } },
    {
      name: 'namespace',
      type: 'gitops',
      parameters: { cpu: '1', memory: '2Gi', pods: 10 },
    },
  ];
  const preview = (id, quota) => ({
    id,
    ...(quota && { quota: { activePerTeam: quota } }),
    title: `Bench ${id}`,
    description: 'A copy of examples/environments preview for the bench.',
    ttl: { defaultHours: 168, maxHours: 720 },
    approval: { required: false },
    resources,
  });
  return {
    classes: [
      preview('bench-seq'),
      // With a quota, creates of one team and class take a lock (the example classes' path);
      // without one they do not.
      preview('bench-burst', 10_000),
      preview('bench-burst-noquota'),
    ],
  };
}

function api(baseUrl) {
  return async (method, url, body, headers = {}) => {
    const res = await fetch(`${baseUrl}/api/environments${url}`, {
      method,
      headers: {
        Authorization: `Bearer ${CI_TOKEN}`,
        ...(body && { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, json, headers: res.headers };
  };
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Polls GET /environments/:id until the status is one of `wanted`; fails on `failed`. */
async function waitFor(call, id, wanted, pollMs = 20) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const { status, json } = await call('GET', `/environments/${id}`);
    if (status !== 200)
      throw new Error(`GET ${id} answered ${status}: ${JSON.stringify(json)}`);
    if (wanted.includes(json.status)) return json;
    if (json.status === 'failed')
      throw new Error(
        `environment ${json.name} failed: ${
          json.failure ?? json.statusMessage
        }`,
      );
    await sleep(pollMs);
  }
  throw new Error(`environment ${id} was not ${wanted} in time`);
}

async function tearDown(call, ids, parallel = 10) {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        const { status, json } = await call(
          'POST',
          `/environments/${id}/teardown`,
          { reason: 'bench' },
        );
        if (status >= 300)
          throw new Error(
            `teardown answered ${status}: ${JSON.stringify(json)}`,
          );
        await waitFor(call, id, ['torn-down'], 100);
      }
    }),
  );
}

async function withAdmin(fn) {
  const admin = new pg.Client({ connectionString: `${CONNECTION}/postgres` });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

const countDatabases = like =>
  withAdmin(async admin => {
    const { rows } = await admin.query(
      'select count(*)::int as n from pg_database where datname like $1',
      [like],
    );
    return rows[0].n;
  });

function git(repo, ...args) {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
}
const commitCount = repo => {
  try {
    return git(repo, 'log', '--oneline').trim().split('\n').filter(Boolean)
      .length;
  } catch {
    return 0; // no commit yet
  }
};

const ms = v => v.toFixed(0);

async function sequential(call, tag) {
  const latencies = [];
  const ids = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const start = performance.now();
    const { status, json } = await call('POST', '/environments', {
      name: `${tag}-s${i}`,
      className: 'bench-seq',
      owner: OWNER,
    });
    if (status !== 202)
      throw new Error(`create answered ${status}: ${JSON.stringify(json)}`);
    ids.push(json.id);
    await waitFor(call, json.id, ['ready']);
    latencies.push(performance.now() - start);
  }
  const teardownStart = performance.now();
  await tearDown(call, ids, 1);
  const teardownEach = (performance.now() - teardownStart) / ids.length;
  const sorted = [...latencies].sort((a, b) => a - b);
  return [
    {
      metric: 'create to ready, p50',
      value: ms(percentile(sorted, 50)),
      unit: 'ms',
      note: `${SEQUENTIAL} environments one after another (config, PostgreSQL database and role, GitOps commit), POST then GET every 20 ms until ready`,
    },
    {
      metric: 'create to ready, p95',
      value: ms(percentile(sorted, 95)),
      unit: 'ms',
      note: `goal <= 3000 ms; max ${ms(sorted[sorted.length - 1])} ms`,
    },
    {
      metric: 'teardown to torn-down, mean',
      value: ms(teardownEach),
      unit: 'ms',
      note: `the same ${SEQUENTIAL}, one after another (database and role dropped, removal committed)`,
    },
  ];
}

async function burst(call, tag, gitops, dbPrefix, className, letter) {
  const label = `${CONCURRENT} concurrent creates, ${
    className === 'bench-burst' ? 'quota' : 'no quota'
  }`;
  const commitsBefore = commitCount(gitops);
  const requests = [];
  for (let i = 0; i < CONCURRENT; i++) {
    const body = {
      name: `${tag}-${letter}${i}`,
      className,
      owner: OWNER,
    };
    const key = `${tag}-${letter}-key-${i}`;
    requests.push({ body, key });
    // Some clients send the same request twice at once (a retry racing the original).
    if (i < RETRIED) requests.push({ body, key });
  }
  const start = performance.now();
  const answers = await Promise.all(
    requests.map(({ body, key }) =>
      call('POST', '/environments', body, { 'Idempotency-Key': key }),
    ),
  );
  const answerSeconds = (performance.now() - start) / 1000;
  // Later retries, after the originals answered: each must replay the same environment.
  const late = await Promise.all(
    requests
      .filter((_, i) => i % 2 === 0)
      .slice(0, RETRIED)
      .map(({ body, key }) =>
        call('POST', '/environments', body, { 'Idempotency-Key': key }),
      ),
  );
  const all = [...answers, ...late];
  const byStatus = {};
  for (const a of all) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  const replayed = all.filter(
    a => a.headers.get('idempotent-replayed') === 'true',
  ).length;
  const idsByKey = new Map();
  let mismatched = 0;
  for (let i = 0; i < answers.length; i++) {
    const id = answers[i].json?.id;
    const key = requests[i].key;
    if (idsByKey.has(key) && idsByKey.get(key) !== id) mismatched++;
    if (id) idsByKey.set(key, id);
  }
  const ids = [...new Set(all.map(a => a.json?.id).filter(Boolean))];
  let failed = 0;
  const reasons = new Map();
  const readyStart = performance.now();
  // Connections to the server while they provision (its max_connections is shared by all).
  const connections = await withAdmin(async admin => {
    const max = Number(
      (await admin.query('show max_connections')).rows[0].max_connections,
    );
    return { max, peak: 0 };
  });
  const sampler = new pg.Client({ connectionString: `${CONNECTION}/postgres` });
  await sampler.connect();
  let sampling = true;
  const sampled = (async () => {
    while (sampling) {
      const { rows } = await sampler.query(
        'select count(*)::int as n from pg_stat_activity',
      );
      connections.peak = Math.max(connections.peak, rows[0].n);
      await sleep(50);
    }
  })();
  await Promise.all(
    ids.map(id =>
      waitFor(call, id, ['ready'], 200).catch(e => {
        failed++;
        const reason = e.message.replace(/^environment \S+ /, '');
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }),
    ),
  );
  sampling = false;
  await sampled;
  await sampler.end();
  const allReadySeconds =
    answerSeconds + (performance.now() - readyStart) / 1000;
  const listed = (
    await call('GET', `/environments?className=${className}&limit=1`)
  ).json.totalCount;
  const readyListed = (
    await call(
      'GET',
      `/environments?className=${className}&status=ready&limit=1`,
    )
  ).json.totalCount;
  const databases = await countDatabases(`${dbPrefix}${tag}_${letter}%`);
  const commits = commitCount(gitops) - commitsBefore;
  // Commits per environment folder: each burst environment in exactly one commit.
  const log = git(gitops, 'log', '--format=tformat:@@', '--name-only');
  const perEnv = new Map();
  for (const commit of log.split('@@').slice(1)) {
    const names = new Set(
      [...commit.matchAll(new RegExp(`${tag}-${letter}\\d+`, 'g'))].map(
        m => m[0],
      ),
    );
    for (const n of names) perEnv.set(n, (perEnv.get(n) ?? 0) + 1);
  }
  const twice = [...perEnv.values()].filter(n => n > 1).length;

  process.stderr.write(
    `${label}: ${all.length} requests answered ${JSON.stringify(
      byStatus,
    )}, ${replayed} replayed, ${
      ids.length
    } distinct ids, ${failed} failed, ${listed} listed (${readyListed} ready), ${databases} databases, ${commits} commits (${
      perEnv.size
    } environments committed, ${twice} more than once)\n`,
  );
  for (const [reason, n] of reasons)
    process.stderr.write(`${label}: ${n} environments ${reason}\n`);
  for (const a of all.filter(a => a.status >= 300).slice(0, 3))
    process.stderr.write(`${label}: ${a.status} ${JSON.stringify(a.json)}\n`);

  const teardownStart = performance.now();
  await tearDown(call, ids, 20);
  const teardownSeconds = (performance.now() - teardownStart) / 1000;
  const databasesAfter = await countDatabases(`${dbPrefix}${tag}_${letter}%`);
  const ok =
    ids.length === CONCURRENT &&
    listed === CONCURRENT &&
    readyListed === CONCURRENT &&
    databases === CONCURRENT &&
    commits === CONCURRENT &&
    twice === 0 &&
    mismatched === 0 &&
    failed === 0 &&
    all.every(a => a.status === 200 || a.status === 202);
  return [
    {
      metric: `${label}: environments`,
      value: `${listed}/${CONCURRENT}`,
      unit: 'environments',
      note: `${
        requests.length
      } concurrent POSTs (${RETRIED} keys sent twice at once) + ${
        late.length
      } later retries: ${Object.entries(byStatus)
        .map(([s, n]) => `${n}x ${s}`)
        .join(', ')}; ${replayed} marked Idempotent-Replayed; ${
        ids.length
      } distinct ids; ${readyListed} ready, ${failed} failed${
        reasons.size ? ` (${[...reasons.keys()][0].slice(0, 120)})` : ''
      }; ${ok ? 'as expected' : 'NOT as expected'}`,
    },
    {
      metric: `${label}: databases`,
      value: `${databases}/${CONCURRENT}`,
      unit: 'databases',
      note: `pg_database rows with the run's prefix; ${databasesAfter} left after teardown`,
    },
    {
      metric: `${label}: commits`,
      value: `${commits}/${CONCURRENT}`,
      unit: 'commits',
      note: `new commits in the GitOps repository (git log --oneline); ${twice} environments in more than one commit`,
    },
    {
      metric: `${label}: all settled`,
      value: allReadySeconds.toFixed(1),
      unit: 's',
      note: `first POST to the last one ready or failed; peak ${
        connections.peak
      } of max_connections ${
        connections.max
      } PostgreSQL connections meanwhile (all answered in ${answerSeconds.toFixed(
        1,
      )} s); teardown of all, 20 at a time: ${teardownSeconds.toFixed(1)} s`,
    },
  ];
}

const TEAMS = Array.from(
  { length: 20 },
  (_, i) => `group:default/bench-team-${i}`,
);
const CLASSES = ['preview', 'sandbox', 'bench-seq', 'bench-burst'];

async function insertStored(pluginDb, tag) {
  const db = new pg.Client({ connectionString: `${CONNECTION}/${pluginDb}` });
  await db.connect();
  const start = performance.now();
  const now = Date.now();
  try {
    await db.query('begin');
    const BATCH = 500;
    for (let b = 0; b < STORED; b += BATCH) {
      const envs = [];
      const resources = [];
      for (let i = b; i < Math.min(b + BATCH, STORED); i++) {
        const id = randomUUID();
        const ready = i % 3 !== 0; // two thirds ready, one third torn-down
        const name = `${tag}-l${i}`;
        const created = new Date(now - (i + 1) * 60_000);
        // Ready ones expire 2 to 30 days out (no expiry notices, nothing for the reaper).
        const expires = ready
          ? new Date(now + (2 + (i % 29)) * 86_400_000)
          : new Date(now - (i % 30) * 86_400_000);
        envs.push([
          id,
          name,
          ready ? name : null,
          CLASSES[i % CLASSES.length],
          TEAMS[i % TEAMS.length],
          `component:default/service-${i % 200}`,
          ready ? 'ready' : 'torn-down',
          'user:default/guest',
          created,
          created,
          expires,
        ]);
        for (const [position, [rname, type]] of [
          ['config', 'config'],
          ['db', 'postgres'],
          ['namespace', 'gitops'],
        ].entries()) {
          resources.push([
            id,
            rname,
            position,
            type,
            ready ? 'ready' : 'torn-down',
            JSON.stringify({ note: 'bench' }),
            JSON.stringify(ready ? { name: `${name}_${rname}` } : {}),
            created,
          ]);
        }
      }
      const values = (rows, width) =>
        rows
          .map(
            (_, r) =>
              `(${Array.from(
                { length: width },
                (__, c) => `$${r * width + c + 1}`,
              ).join(',')})`,
          )
          .join(',');
      await db.query(
        `insert into environments (id, name, active_name, class_name, owner, component, status, created_by, created_at, updated_at, expires_at) values ${values(
          envs,
          11,
        )}`,
        envs.flat(),
      );
      await db.query(
        `insert into environment_resources (environment_id, name, position, type, status, parameters, outputs, updated_at) values ${values(
          resources,
          8,
        )}`,
        resources.flat(),
      );
    }
    await db.query('commit');
    await db.query('analyze environments');
    await db.query('analyze environment_resources');
  } finally {
    await db.end();
  }
  return (performance.now() - start) / 1000;
}

function listQuery(n) {
  const days = d =>
    encodeURIComponent(new Date(Date.now() + d * 86_400_000).toISOString());
  const team = TEAMS[n % TEAMS.length];
  const queries = [
    `owner=${team}`,
    `owner=${team}&status=ready`,
    `className=${CLASSES[n % CLASSES.length]}&status=ready`,
    `status=ready&expiringBefore=${days(7)}`,
    `owner=${team},${TEAMS[(n + 1) % TEAMS.length]}&className=preview,sandbox`,
    `status=torn-down&limit=50&offset=${(n % 10) * 50}`,
    `limit=100&offset=${(n % 50) * 100}`,
    `className=preview&status=ready,torn-down&expiringBefore=${days(
      14,
    )}&offset=${(n % 5) * 100}`,
  ];
  return `/environments?${queries[n % queries.length]}`;
}

async function listing(call, pluginDb, tag) {
  const insertSeconds = await insertStored(pluginDb, tag);
  const total = (await call('GET', '/environments?limit=1')).json.totalCount;
  // Warm-up (connection pool, query plans), not counted.
  for (let i = 0; i < 16; i++) await call('GET', listQuery(i));
  const latencies = [];
  let next = 0;
  let items = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: LIST_CLIENTS }, async () => {
      while (next < LIST_REQUESTS) {
        const n = next++;
        const t = performance.now();
        const { status, json } = await call('GET', listQuery(n));
        latencies.push(performance.now() - t);
        if (status !== 200)
          throw new Error(`list answered ${status}: ${JSON.stringify(json)}`);
        items += json.items.length;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return [
    {
      metric: `list ${total} environments, p50`,
      value: ms(percentile(latencies, 50)),
      unit: 'ms',
      note: `${STORED} rows (and ${
        STORED * 3
      } resources) inserted into the plugin's tables in ${insertSeconds.toFixed(
        1,
      )} s: 2/3 ready, 1/3 torn-down, ${TEAMS.length} owners, ${
        CLASSES.length
      } classes`,
    },
    {
      metric: `list ${total} environments, p95`,
      value: ms(percentile(latencies, 95)),
      unit: 'ms',
      note: `goal <= 150 ms; ${LIST_CLIENTS} clients, ${LIST_REQUESTS} GETs in ${seconds.toFixed(
        1,
      )} s (${(LIST_REQUESTS / seconds).toFixed(
        0,
      )}/s), filters owner/className/status/expiringBefore and pages of 50-100 (${(
        items / LIST_REQUESTS
      ).toFixed(0)} items per answer on average); max ${ms(
        latencies[latencies.length - 1],
      )} ms`,
    },
  ];
}

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runway-bench-env-'));
  const tag = `r${process.pid.toString(36)}`;
  const prefix = `runway_bench_env_${process.pid}_`;
  // The driver's prefix of every database and role (at most 20 characters).
  const namePrefix = `benv${process.pid}_`.slice(0, 20);
  const gitops = path.join(dir, 'gitops');
  execFileSync('git', ['init', '-q', '-b', 'main', gitops]);
  const classFile = path.join(dir, 'classes.yaml');
  // JSON is YAML.
  fs.writeFileSync(classFile, JSON.stringify(benchClasses()));
  const configFile = path.join(dir, 'bench-environments.yaml');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      backend: { database: { client: 'pg', connection: CONNECTION, prefix } },
      environments: {
        classFiles: [classFile],
        drivers: {
          gitops: { localPath: gitops },
          postgres: { namePrefix },
        },
      },
    }),
  );
  let portal;
  try {
    portal = await startPortal({ configs: [configFile], sqlite: false });
    await waitUntilReady(portal, 300_000);
    const call = api(portal.baseUrl);
    const load = os.loadavg().map(l => l.toFixed(2));
    const rows = [
      ...(await sequential(call, tag)),
      ...(await burst(call, tag, gitops, namePrefix, 'bench-burst', 'q')),
      ...(await burst(
        call,
        tag,
        gitops,
        namePrefix,
        'bench-burst-noquota',
        'n',
      )),
      ...(await listing(call, `${prefix}environments`, tag)),
    ];
    rows.push({
      metric: 'machine load',
      value: load[0],
      unit: 'loadavg',
      note: `1/5/15-minute load ${load.join(' ')} when the bench began, ${os
        .loadavg()
        .map(l => l.toFixed(2))
        .join(' ')} at the end, ${
        os.cpus().length
      } CPUs; portal on PostgreSQL (${CONNECTION})`,
    });
    return rows;
  } catch (error) {
    if (portal) process.stderr.write(portal.output().slice(-4000));
    throw error;
  } finally {
    await portal?.stop();
    await withAdmin(async admin => {
      const { rows: dbs } = await admin.query(
        'select datname from pg_database where starts_with(datname, $1) or starts_with(datname, $2)',
        [prefix, namePrefix],
      );
      for (const { datname } of dbs)
        await admin.query(`drop database if exists "${datname}" with (force)`);
      const { rows: roles } = await admin.query(
        'select rolname from pg_roles where starts_with(rolname, $1)',
        [namePrefix],
      );
      for (const { rolname } of roles)
        await admin.query(`drop role if exists "${rolname}"`);
    });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
