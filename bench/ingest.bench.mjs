// Real delivery data in, at size (issue 15's goals):
// (a) one JUnit report of 100,000 test cases, produced by a real runner (Node's own test runner,
//     `node --test --test-reporter=junit`, as the corpus's 12,000-case report was), uploaded to
//     POST /api/delivery/test-runs/junit on SQLite and on PostgreSQL: the time from the first
//     byte sent to the answer, and how much the backend's resident memory grew meanwhile
//     (goal: 3 s or less, 150 MB or less);
// (b) signed GitHub webhook deliveries into PostgreSQL (pull_request and deployment_status, built
//     from the real payloads in plugins/delivery-backend/src/__fixtures__/github with ids, times
//     and repositories changed), sent by wrk over 32 connections to one backend, then to two
//     replicas on the same database: deliveries per second (goal: 1,000 or more) and the
//     backends' CPU per delivery.
// The delivery plugin runs in a child backend (deliveryBackend.mjs). Sizes: RUNWAY_BENCH_JUNIT_CASES
// (default 100,000), RUNWAY_BENCH_WEBHOOKS (default 20,000).
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { dropDatabases } from './postgres.mjs';
import { CI_TOKEN, root } from '../e2e/portal.mjs';
import { startDeliveryBackend } from './deliveryBackend.mjs';
import { cpuSeconds, memoryMiB } from './measure.mjs';

const CASES = Number(process.env.RUNWAY_BENCH_JUNIT_CASES ?? 100_000);
const WEBHOOKS = Number(process.env.RUNWAY_BENCH_WEBHOOKS ?? 20_000);
const SERVICES = 1000;
const CLIENTS = 32;
const UPLOADS = 5;
const SECRET = 'bench-webhook-secret';
export const title = `ingest (${CASES.toLocaleString(
  'en-US',
)}-case JUnit, ${WEBHOOKS.toLocaleString('en-US')} GitHub webhooks)`;

const fixtures = path.join(root, 'plugins/delivery-backend/src/__fixtures__');

function entities() {
  const out = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'platform-team', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
  ];
  for (let i = 0; i < SERVICES; i++)
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `service-${i}`,
        namespace: 'default',
        annotations: {
          'github.com/project-slug': `skyline/service-${i}`,
          'runway.dev/deploy-path': 'dev,staging,prod',
        },
      },
      spec: { type: 'service', owner: 'platform-team' },
      relations: [
        { type: 'ownedBy', targetRef: 'group:default/platform-team' },
      ],
    });
  return out;
}

/** A report of CASES tests from Node's own runner (kept under bench/output between runs). */
function junitReport() {
  const out = path.join(root, 'bench/output', `node-test-junit-${CASES}.xml`);
  if (fs.existsSync(out)) return out;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runway-junit-'));
  const source = path.join(dir, 'big.test.mjs');
  const suites = Math.ceil(CASES / 100);
  fs.writeFileSync(
    source,
    `import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
for (let s = 0; s < ${suites}; s++) {
  describe(\`booking module \${s}\`, () => {
    for (let t = 0; t < 100 && s * 100 + t < ${CASES}; t++) {
      const n = s * 100 + t;
      it(\`prices itinerary \${n} with \${n % 7} stops\`, n % 200 === 13 ? { skip: 'not here' } : {}, () => {
        if (n % 150 === 7) assert.equal(n % 10, 0, \`itinerary \${n} priced wrong\`);
      });
    }
  });
}
`,
  );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // The runner exits 1: the report has failing tests on purpose.
  spawnSync(
    process.execPath,
    [
      '--test',
      '--test-reporter=junit',
      `--test-reporter-destination=${out}`,
      source,
    ],
    { stdio: 'ignore' },
  );
  if (!fs.existsSync(out))
    throw new Error(`node --test wrote no report to ${out}`);
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  if (!kb)
    throw new Error(`the bench backend (pid ${pid}) is no longer running`);
  return Number(kb) / 1024;
}

/** One upload of the report, streamed from the file; the child's RSS sampled every 20 ms. */
async function uploadJunit(backend, file, runId) {
  const baseline = rssMb(backend.pid);
  let peak = baseline;
  let gone;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(backend.pid));
    } catch (e) {
      gone = e;
    }
  }, 20);
  const start = performance.now();
  const url = new URL(
    `/api/delivery/test-runs/junit?service=service-1&runId=${runId}`,
    backend.baseUrl,
  );
  const body = await new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${CI_TOKEN}`,
          'Content-Type': 'application/xml',
        },
      },
      res => {
        let text = '';
        res.on('data', d => (text += d));
        res.on('end', () =>
          res.statusCode === 202
            ? resolve(JSON.parse(text))
            : reject(
                new Error(
                  `JUnit upload answered ${res.statusCode}: ${text.slice(
                    0,
                    300,
                  )}`,
                ),
              ),
        );
      },
    );
    req.on('error', reject);
    fs.createReadStream(file).pipe(req);
  });
  const ms = performance.now() - start;
  clearInterval(sampler);
  if (gone) throw gone;
  peak = Math.max(peak, rssMb(backend.pid));
  return { ms, growth: peak - baseline, run: body.run };
}

async function junit(backend, file) {
  // A small report first (catalog cache, database connections), not counted.
  const warm = path.join(os.tmpdir(), `runway-junit-warm-${process.pid}.xml`);
  fs.writeFileSync(
    warm,
    '<testsuite name="warm"><testcase name="up"/></testsuite>',
  );
  await uploadJunit(backend, warm, 'warm-up');
  fs.rmSync(warm);
  const before = rssMb(backend.pid);
  const runs = [];
  for (let i = 0; i < UPLOADS; i++)
    runs.push(await uploadJunit(backend, file, `big-${i}`));
  const after = rssMb(backend.pid);
  runs.sort((a, b) => a.ms - b.ms);
  return {
    median: runs[Math.floor(UPLOADS / 2)],
    worstGrowth: Math.max(...runs.map(r => r.growth)),
    overall: after - before,
  };
}

/** Signed deliveries: PR opened and deployment success, from the real payloads. */
/** The deliveries of one measured round (`round` keeps ids, numbers and deploys apart). */
function deliveries(round) {
  const pr = JSON.parse(
    fs.readFileSync(
      path.join(fixtures, 'github/pull_request.opened.json'),
      'utf8',
    ),
  );
  const status = JSON.parse(
    fs.readFileSync(
      path.join(fixtures, 'github/deployment_status.created.success.json'),
      'utf8',
    ),
  );
  const now = Date.now();
  const iso = t => new Date(t).toISOString().replace(/\.\d+Z$/, 'Z');
  const out = [];
  for (let n = 0; n < WEBHOOKS; n++) {
    const i = round * WEBHOOKS + n;
    const repo = `skyline/service-${i % SERVICES}`;
    const at = now - (WEBHOOKS - n) * 1000;
    let event;
    let payload;
    if (i % 2) {
      event = 'pull_request';
      payload = structuredClone(pr);
      payload.number = i;
      payload.pull_request.number = i;
      payload.pull_request.created_at = iso(at);
      payload.pull_request.updated_at = iso(at);
    } else {
      event = 'deployment_status';
      payload = structuredClone(status);
      payload.deployment.id = 1_000_000 + i;
      payload.deployment.created_at = iso(at - 60_000);
      payload.deployment_status.created_at = iso(at);
    }
    payload.repository.full_name = repo;
    const body = JSON.stringify(payload);
    out.push({
      event,
      body,
      id: `bench-${process.pid}-${i}`,
      signature: `sha256=${createHmac('sha256', SECRET)
        .update(body)
        .digest('hex')}`,
    });
  }
  return out;
}

/** A signed delivery sent by Node, for the warm-up and the redelivery check. */
function sendOne(backend, d) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL('/api/delivery/webhooks/github', backend.baseUrl),
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-GitHub-Event': d.event,
          'X-GitHub-Delivery': d.id,
          'X-Hub-Signature-256': d.signature,
        },
      },
      res => {
        let text = '';
        res.on('data', c => (text += c));
        res.on('end', () =>
          res.statusCode === 202
            ? resolve(JSON.parse(text))
            : reject(
                new Error(
                  `webhook answered ${res.statusCode}: ${text.slice(0, 300)}`,
                ),
              ),
        );
      },
    );
    req.on('error', reject);
    req.end(d.body);
  });
}

/**
 * One measured round: WEBHOOKS deliveries spread over `backends` (replicas on one database),
 * CLIENTS connections in all. Resolves to the rate, the backends' CPU per delivery and a
 * redelivery's answer.
 */
async function webhooks(backends, round) {
  const all = deliveries(round);
  // Warm-up: deliveries for 200 services on each replica (catalog cache), not counted.
  for (const backend of backends)
    for (let i = 0; i < 200; i++)
      await sendOne(backend, {
        ...all[i],
        id: `${all[i].id}-warm-${backend.pid}`,
      });
  const cpuBefore = backends.map(b => cpuSeconds(b.pid));
  const measured = await wrk(
    backends.map((backend, k) => ({
      backend,
      deliveries: all.filter((_, i) => i % backends.length === k),
    })),
  );
  // The backends' CPU time per delivery: steadier between runs than the rate, which moves
  // with whatever else the two cores are doing.
  const cpuMs =
    (backends.reduce((sum, b, k) => sum + cpuSeconds(b.pid) - cpuBefore[k], 0) *
      1000) /
    all.length;
  const replay = await sendOne(backends[0], all[1]);
  return { ...measured, cpuMs, replay };
}

/**
 * Sends every delivery once with wrk (C, from Debian's packages), one wrk per target, CLIENTS
 * connections and two threads in all: a load generator in Node took more than half a core at
 * these rates, and on two cores that was taken from the backend and PostgreSQL. Timed from the
 * moment every thread has read its deliveries (wrk starts sending then) to the moment every
 * thread has had all of its deliveries answered; wrk runs until its duration or SIGINT, which
 * it gets then. Resolves to the rate, the time and the records accepted.
 */
async function wrk(targets) {
  const threads = Math.max(1, 2 / targets.length);
  const total = targets.length * threads;
  const clients = CLIENTS / targets.length;
  let readyLines = 0;
  let doneLines = 0;
  let start;
  let end;
  const children = [];
  const runs = targets.map(async ({ backend, deliveries: list }, k) => {
    const file = path.join(
      os.tmpdir(),
      `runway-webhooks-${process.pid}-${k}.tsv`,
    );
    fs.writeFileSync(
      file,
      list
        .map(d => `${d.event}\t${d.id}\t${d.signature}\t${d.body}\n`)
        .join(''),
    );
    try {
      const child = spawn(
        'wrk',
        [
          ...['-t', String(threads), '-c', String(clients)],
          ...['-d', '600s', '--timeout', '60s'],
          ...['-s', path.join(root, 'bench/webhookLoad.lua')],
          new URL('/api/delivery/webhooks/github', backend.baseUrl).href,
          ...['--', file, String(threads)],
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      children.push(child);
      let out = '';
      const seen = { ready: 0, done: 0 };
      // Counted over all it printed: a line may come split across two chunks.
      child.stdout.on('data', d => {
        out += d;
        const ready = (out.match(/^READY /gm) ?? []).length;
        const doneNow = (out.match(/^DONE /gm) ?? []).length;
        readyLines += ready - seen.ready;
        doneLines += doneNow - seen.done;
        Object.assign(seen, { ready, done: doneNow });
        if (start === undefined && readyLines === total)
          start = performance.now();
        if (end === undefined && doneLines === total) {
          end = performance.now();
          for (const c of children) c.kill('SIGINT');
        }
      });
      child.stderr.on('data', d => (out += d));
      const code = await new Promise(resolve => child.on('exit', resolve));
      const result = /RESULT (\d+) (\d+) (\d+)/.exec(out);
      if (code !== 0 || !result)
        throw new Error(`wrk exited with ${code}:\n${out.slice(-2000)}`);
      const [ok, failed, accepted] = result.slice(1).map(Number);
      if (failed > 0 || ok !== list.length)
        throw new Error(
          `of ${
            list.length
          } deliveries ${ok} were accepted and ${failed} refused:\n${out.slice(
            -2000,
          )}`,
        );
      return { ok, accepted, out };
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
  const results = await Promise.all(runs);
  if (start === undefined || end === undefined)
    throw new Error(
      `wrk ended before every thread was done:\n${results
        .map(r => r.out)
        .join('\n')}`,
    );
  const ok = results.reduce((sum, r) => sum + r.ok, 0);
  const seconds = (end - start) / 1000;
  return {
    rate: ok / seconds,
    seconds,
    accepted: results.reduce((sum, r) => sum + r.accepted, 0),
  };
}

function webhookRow(replicas, w) {
  return {
    metric: `signed GitHub webhook deliveries, PostgreSQL, ${replicas}`,
    value: Math.round(w.rate),
    unit: 'deliveries/s',
    note: `goal >= 1,000; ${WEBHOOKS} deliveries (pull_request opened, deployment_status success) for ${SERVICES} repositories from ${CLIENTS} connections (wrk) in ${w.seconds.toFixed(
      1,
    )} s; the backends' CPU ${w.cpuMs.toFixed(2)} ms per delivery; ${
      w.accepted
    } records accepted; a redelivery: ${w.replay.accepted} accepted, ${
      w.replay.duplicates
    } duplicate`,
  };
}

export async function run() {
  const file = junitReport();
  const bytes = fs.statSync(file).size;
  const connection =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
    'postgresql://postgres@127.0.0.1:5432';
  const prefix = `runway_bench_ingest_${process.pid}_`;
  const rows = [];
  const delivery = { webhooks: { github: { secret: SECRET } } };
  try {
    for (const db of ['SQLite', 'PostgreSQL']) {
      const dir = fs.mkdtempSync(
        path.join(os.tmpdir(), 'runway-ingest-bench-'),
      );
      let backend;
      let replica;
      const replicaDir = path.join(dir, 'replica');
      try {
        backend = await startDeliveryBackend({
          dir,
          entities: entities(),
          delivery,
          database:
            db === 'SQLite'
              ? {
                  client: 'better-sqlite3',
                  connection: { directory: path.join(dir, 'sqlite') },
                }
              : { client: 'pg', connection, prefix },
        });
        const j = await junit(backend, file);
        rows.push({
          metric: `JUnit report of ${CASES.toLocaleString(
            'en-US',
          )} cases, ${db}`,
          value: `${(j.median.ms / 1000).toFixed(2)} s / ${Math.round(
            j.worstGrowth,
          )} MB`,
          unit: `median of ${UPLOADS} / RSS growth`,
          note: `goal <= 3 s and <= 150 MB; ${(bytes / 1_048_576).toFixed(
            1,
          )} MB of XML from Node's test runner, streamed; stored ${
            j.median.run.tests
          } tests, ${j.median.run.failures} failed, ${
            j.median.run.skipped
          } skipped; RSS growth: the most one upload added (peak during it minus before it); after all ${UPLOADS} uploads the backend held ${Math.round(
            j.overall,
          )} MB more than before the first (V8 keeps its grown heap)`,
        });
        if (db === 'PostgreSQL') {
          // One replica, then two on the same database (production runs two: issue 17).
          const one = await webhooks([backend], 0);
          rows.push(webhookRow('one replica', one));
          replica = await startDeliveryBackend({
            dir: fs.mkdirSync(replicaDir, { recursive: true }) ?? replicaDir,
            entities: entities(),
            delivery,
            database: { client: 'pg', connection, prefix },
          });
          const two = await webhooks([backend, replica], 1);
          rows.push(webhookRow('two replicas', two));
        }
      } catch (e) {
        process.stderr.write(
          `bench backend output:\n${backend?.output().slice(-3000)}\n`,
        );
        throw e;
      } finally {
        await replica?.stop();
        await backend?.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    // Every database the bench backends created (their plugins' own), a failed run's too.
    await dropDatabases(connection, prefix);
  }
  return rows;
}
