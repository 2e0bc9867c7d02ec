// Two replicas on one PostgreSQL, killed: two production backends (the built portal) share one
// PostgreSQL server behind a small round-robin proxy on loopback, as the README tells operators
// to run them. A mixed workload runs through the proxy (environment creates and teardowns with
// real databases, roles and GitOps commits; deploys that commit to a GitOps repository; fact
// pushes; signed GitHub webhooks), each client retrying on a failed connection with the same
// idempotency key or delivery id, as real clients do. Meanwhile one replica at a time is killed
// with SIGKILL at a random moment and started again. Afterwards the invariants are checked from
// the databases, the PostgreSQL server and the git repositories. Used by e2e/replicas.test.mjs
// (a short form in `make e2e` and .ci/run) and bench/replicas.bench.mjs (20 kills, `make bench`).
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { CI_TOKEN, root, startPortal, waitUntilReady } from './portal.mjs';
import { startProxy } from './replicaProxy.mjs';

const CONNECTION =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';
const SECRET = `replicas-webhook-secret-${process.pid}`;
/** Readiness evaluates everything every 15 s here, so a run of minutes holds many intervals. */
const EVALUATION_SECONDS = 15;
/** Log lines arrive through a pipe: a run's end is known to within this. */
const LOG_SLACK_MS = 1000;
/**
 * A replica killed during an evaluation keeps its lock until this timeout, and nobody evaluates
 * meanwhile (the scheduler's contract). Short here, so that a kill shows as one longer gap.
 */
const EVALUATION_TIMEOUT_SECONDS = 60;
/**
 * The longest two evaluations may lie apart: an interval, a killed holder's timeout, the
 * scheduler's 5 s poll and the evaluation itself on a loaded machine (up to 25 s seen).
 */
const LONGEST_GAP = EVALUATION_SECONDS + EVALUATION_TIMEOUT_SECONDS + 30;
const DEPLOY_SERVICES = ['payments-api', 'booking-service'];
const PR_REPOSITORY = 'skyline-travel/booking-service';
const sleep = ms => new Promise(r => setTimeout(r, ms));

function git(repo, ...args) {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
}

/** Environment class with a config resource, a PostgreSQL database and role, a GitOps folder. */
function classFile(dir) {
  const file = path.join(dir, 'classes.yaml');
  fs.writeFileSync(
    file,
    JSON.stringify({
      classes: [
        {
          id: 'replica-preview',
          title: 'Replica preview',
          description:
            'The replica harness: a config, a database, a GitOps folder.',
          ttl: { defaultHours: 24, maxHours: 48 },
          approval: { required: false },
          resources: [
            {
              name: 'config',
              type: 'config',
              parameters: { values: { A: '1' } },
            },
            {
              name: 'db',
              type: 'postgres',
              parameters: { connectionLimit: 5 },
            },
            {
              name: 'ns',
              type: 'gitops',
              parameters: { cpu: '1', memory: '1Gi', pods: 5 },
            },
          ],
        },
      ],
    }),
  );
  return file;
}

/** A client of the proxy: JSON in and out, a failed connection or 502/503 retried. */
function client(baseUrl) {
  return async function call(method, url, body, headers = {}, attempts = 40) {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(`${baseUrl}${url}`, {
          method,
          headers: {
            Authorization: `Bearer ${CI_TOKEN}`,
            ...(body !== undefined && { 'Content-Type': 'application/json' }),
            ...headers,
          },
          ...(body !== undefined && {
            body: typeof body === 'string' ? body : JSON.stringify(body),
          }),
        });
        const text = await res.text();
        if ((res.status === 502 || res.status === 503) && attempt < attempts) {
          await sleep(250);
          continue;
        }
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = text;
        }
        return { status: res.status, json };
      } catch (error) {
        if (attempt >= attempts) throw error;
        await sleep(250);
      }
    }
  };
}

/** Everything the workload was told it had: what must still be there afterwards. */
function newLedger() {
  return {
    environments: new Map(), // key -> id
    teardowns: new Set(), // ids whose teardown was accepted
    deploys: new Map(), // key -> id
    facts: [], // values of accepted pushes
    prs: new Set(), // numbers of accepted webhooks
    refused: {},
    why: {},
    endTeardowns: new Map(), // id -> teardowns the settling at the end asked for
  };
}

function refused(ledger, what, res) {
  const key = `${what} ${res.status}`;
  ledger.refused[key] = (ledger.refused[key] ?? 0) + 1;
  // The first answer of each kind, to say why in the report.
  ledger.why[key] ??= JSON.stringify(res.json).slice(0, 300);
}

/** The workload: four clients until `stop()` says so. */
function startWorkload(call, ledger, tag) {
  let running = true;
  const prTemplate = JSON.parse(
    fs.readFileSync(
      path.join(
        root,
        'plugins/delivery-backend/src/__fixtures__/github/pull_request.opened.json',
      ),
      'utf8',
    ),
  );

  const environments = async () => {
    for (let n = 0; running; n++) {
      const key = `${tag}-e${n}`;
      const res = await call(
        'POST',
        '/api/environments/environments',
        {
          className: 'replica-preview',
          owner: 'group:default/platform-team',
          name: key,
        },
        { 'Idempotency-Key': key },
      );
      if (res.status === 202 || res.status === 200)
        ledger.environments.set(key, res.json.id);
      else refused(ledger, 'environment create', res);
      // Keep about four alive: tear down the oldest that is not torn down yet.
      const alive = [...ledger.environments.values()].filter(
        id => !ledger.teardowns.has(id),
      );
      if (alive.length > 4) {
        const id = alive[0];
        const down = await call(
          'POST',
          `/api/environments/environments/${id}/teardown`,
          {
            reason: 'replica harness',
          },
        );
        if (down.status < 300) ledger.teardowns.add(id);
        else refused(ledger, 'environment teardown', down);
      }
      await sleep(300);
    }
  };

  const deploys = async () => {
    for (let n = 0; running; n++) {
      const service = DEPLOY_SERVICES[n % DEPLOY_SERVICES.length];
      const key = `${tag}-d${n}`;
      const res = await call('POST', '/api/delivery/deploys', {
        service: `component:default/${service}`,
        environment: 'dev',
        version: `2.${n}.0`,
        idempotencyKey: key,
      });
      if (res.status === 202 || res.status === 200)
        ledger.deploys.set(key, res.json.id);
      else refused(ledger, 'deploy', res); // 409 while one is in progress is expected
      await sleep(400);
    }
  };

  const facts = async () => {
    for (let n = 1; running; n++) {
      const value = n % 100;
      const res = await call('POST', '/api/readiness/facts', {
        facts: [
          {
            entityRef: 'component:default/payments-api',
            name: 'ci.test.coveragePercent',
            value,
            observedAt: new Date().toISOString(),
          },
        ],
      });
      if (res.status < 300) ledger.facts.push(value);
      else refused(ledger, 'facts', res);
      await sleep(500);
    }
  };

  const webhooks = async () => {
    for (let n = 1; running; n++) {
      const number = 9000 + n;
      const payload = structuredClone(prTemplate);
      payload.number = number;
      payload.pull_request.number = number;
      // Its times now: delivery refuses events from before delivery.retentionDays.
      const now = new Date().toISOString();
      for (const [k, v] of Object.entries(payload.pull_request))
        if (k.endsWith('_at') && v) payload.pull_request[k] = now;
      payload.repository.full_name = PR_REPOSITORY;
      payload.repository.name = PR_REPOSITORY.split('/')[1];
      payload.repository.owner.login = PR_REPOSITORY.split('/')[0];
      const body = JSON.stringify(payload);
      const res = await call('POST', '/api/delivery/webhooks/github', body, {
        'X-GitHub-Event': 'pull_request',
        'X-GitHub-Delivery': `${tag}-pr-${number}`,
        'X-Hub-Signature-256': `sha256=${createHmac('sha256', SECRET)
          .update(body)
          .digest('hex')}`,
      });
      if (res.status < 300) ledger.prs.add(number);
      else refused(ledger, 'webhook', res);
      await sleep(500);
    }
  };

  const all = Promise.all([environments(), deploys(), facts(), webhooks()]);
  return {
    async stop() {
      running = false;
      await all;
    },
  };
}

async function withPg(database, fn) {
  const db = new pg.Client({ connectionString: `${CONNECTION}/${database}` });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

const rows = (database, sql, params = []) =>
  withPg(database, async db => (await db.query(sql, params)).rows);

/** Waits until every accepted environment and deploy rests; tears down what is still up. */
async function settle(call, ledger, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const status = async id =>
    (await call('GET', `/api/environments/environments/${id}`)).json.status;
  for (const id of ledger.environments.values()) {
    for (;;) {
      const s = await status(id);
      if (s === 'torn-down') break;
      if (s === 'ready' || s === 'failed') {
        // A failed environment is torn down too (what it made must go), as its owner would:
        // "tear down again to retry", up to three times.
        const tries = ledger.endTeardowns.get(id) ?? 0;
        if (tries >= 3) break;
        const down = await call(
          'POST',
          `/api/environments/environments/${id}/teardown`,
          { reason: 'replica harness: end of run' },
        );
        ledger.endTeardowns.set(id, tries + 1);
        if (down.status < 300) ledger.teardowns.add(id);
        else refused(ledger, `end-of-run teardown of a ${s} environment`, down);
      }
      if (Date.now() > deadline) break;
      await sleep(300);
    }
  }
  for (const id of ledger.deploys.values()) {
    for (;;) {
      const s = (await call('GET', `/api/delivery/deploys/${id}`)).json.status;
      if (
        [
          'succeeded',
          'failed',
          'rolled-back',
          'cancelled',
          'rejected',
        ].includes(s) ||
        Date.now() > deadline
      )
        break;
      await sleep(300);
    }
  }
}

/** Readiness runs, from the log lines each replica printed, stamped when they arrived. */
function evaluationRuns(evaluations) {
  return [...evaluations].sort((a, b) => a.t - b.t);
}

async function invariants({
  evaluations,
  workloadStarted,
  workloadEnded,
  ledger,
  prefix,
  namePrefix,
  envGitops,
  deployGitops,
  seconds,
}) {
  const results = [];
  const check = (name, ok, detail) => results.push({ name, ok, detail });
  const envDb = `${prefix}environments`;
  const deliveryDb = `${prefix}delivery`;
  const readinessDb = `${prefix}readiness`;

  // Environments: each accepted create is there once, at rest, torn down.
  const envRows = await rows(
    envDb,
    'select id, name, status, failure, status_message from environments where name like $1',
    [`${ledger.tag}-e%`],
  );
  const byId = new Map(envRows.map(r => [r.id, r]));
  const lostEnvs = [...ledger.environments.values()].filter(
    id => !byId.has(id),
  );
  check(
    'no accepted environment lost',
    lostEnvs.length === 0,
    `${ledger.environments.size} accepted, ${lostEnvs.length} missing`,
  );
  const names = envRows.map(r => r.name);
  check(
    'no duplicate environment',
    new Set(names).size === names.length &&
      envRows.length === ledger.environments.size,
    `${envRows.length} rows for ${ledger.environments.size} idempotency keys`,
  );
  const notDown = envRows.filter(r => r.status !== 'torn-down');
  check(
    'every environment reached a final state (torn down at the end)',
    notDown.length === 0,
    notDown.length
      ? notDown
          .map(
            r =>
              `${r.name}: ${r.status} (${(
                r.failure ??
                r.status_message ??
                ''
              ).slice(0, 200)})`,
          )
          .join('; ')
      : `${envRows.length} torn down`,
  );
  // Not an invariant, but worth reading: environments that failed on the way (and were torn
  // down again, as their owner is told to).
  const [{ n: failedOnTheWay }] = await rows(
    envDb,
    "select count(distinct environment_id)::int as n from environment_events where message like '%failed%'",
  );
  results.push({
    name: 'environments that failed on the way and were torn down again',
    ok: true,
    info: true,
    detail: `${failedOnTheWay} of ${envRows.length}`,
  });

  // The PostgreSQL server: no database or role the driver made is left.
  const orphans = await withPg('postgres', async db => ({
    databases: (
      await db.query(
        'select datname from pg_database where starts_with(datname, $1)',
        [namePrefix],
      )
    ).rows.length,
    roles: (
      await db.query(
        'select rolname from pg_roles where starts_with(rolname, $1)',
        [namePrefix],
      )
    ).rows.length,
  }));
  check(
    'no orphaned database or role',
    orphans.databases === 0 && orphans.roles === 0,
    `${orphans.databases} databases, ${orphans.roles} roles with prefix ${namePrefix}`,
  );

  // The environments' GitOps repository: one provision and one teardown commit per environment
  // that got that far, and no folder left.
  const log = git(envGitops, 'log', '--format=%s', 'main')
    .split('\n')
    .filter(Boolean);
  const perName = new Map();
  for (const subject of log) {
    const m = /^environment (\S+): (provision|teardown) /.exec(subject);
    if (!m) continue;
    const c = perName.get(m[1]) ?? { provision: 0, teardown: 0 };
    c[m[2]] += 1;
    perName.set(m[1], c);
  }
  // Environments the GitOps repository never saw, and what their events say (failed before
  // their GitOps step, and then torn down).
  const uncommitted = envRows.filter(r => !perName.has(r.name));
  const uncommittedWhy = [];
  for (const r of uncommitted.slice(0, 5)) {
    const events = await rows(
      envDb,
      'select message from environment_events where environment_id = $1 order by id',
      [r.id],
    );
    uncommittedWhy.push(
      `${r.name}: ${events.map(e => e.message.slice(0, 160)).join(' / ')}`,
    );
  }
  check(
    'every environment reached its GitOps step',
    uncommitted.length === 0,
    uncommitted.length
      ? `${uncommitted.length} never committed: ${uncommittedWhy.join('; ')}`
      : `${envRows.length} of ${envRows.length}`,
  );
  const twice = [...perName].filter(
    ([, c]) => c.provision > 1 || c.teardown > 1,
  );
  const unmatched = [...perName].filter(([, c]) => c.provision !== c.teardown);
  const left = git(envGitops, 'ls-tree', '--name-only', 'main', 'envs/')
    .split('\n')
    .filter(Boolean).length;
  check(
    'no duplicate or orphaned GitOps commit, no folder left',
    twice.length === 0 && unmatched.length === 0 && left === 0,
    `${log.length} commits for ${perName.size} environments; ${twice.length} with a step committed twice, ${unmatched.length} provisioned and not torn down, ${left} folders left`,
  );

  // Deploys: each accepted one is there once and finished.
  const deployRows = await rows(
    deliveryDb,
    'select id, request_key, status from delivery_deployments where request_key like $1',
    [`${ledger.tag}-d%`],
  );
  const deployIds = new Set(deployRows.map(r => r.id));
  const lostDeploys = [...ledger.deploys.values()].filter(
    id => !deployIds.has(id),
  );
  check(
    'no accepted deploy lost',
    lostDeploys.length === 0,
    `${ledger.deploys.size} accepted, ${lostDeploys.length} missing`,
  );
  const keys = deployRows.map(r => r.request_key);
  check(
    'no duplicate deploy',
    new Set(keys).size === keys.length,
    `${deployRows.length} rows for ${new Set(keys).size} keys`,
  );
  const unfinished = deployRows.filter(
    r =>
      !['succeeded', 'failed', 'rolled-back', 'cancelled', 'rejected'].includes(
        r.status,
      ),
  );
  const failedDeploys = deployRows.filter(r => r.status === 'failed').length;
  check(
    'every deploy reached a final state',
    unfinished.length === 0,
    `${
      deployRows.length - unfinished.length
    } final (${failedDeploys} failed), ${unfinished.length} not: ${unfinished
      .map(r => r.status)
      .join(', ')}`,
  );
  const deployCommits =
    git(deployGitops, 'log', '--format=%b', 'main').match(
      /Runway-Deploy-Id: \S+/g,
    ) ?? [];
  const perDeploy = new Map();
  for (const t of deployCommits) perDeploy.set(t, (perDeploy.get(t) ?? 0) + 1);
  const doubled = [...perDeploy.values()].filter(n => n > 1).length;
  check(
    'no deploy committed twice',
    doubled === 0,
    `${perDeploy.size} deploy commits, ${doubled} deploys with more than one`,
  );

  // Facts and webhooks: each accepted one is stored, once.
  const history = await rows(
    readinessDb,
    "select value from readiness_fact_history where entity_ref = 'component:default/payments-api' and name = 'ci.test.coveragePercent'",
  );
  // The history holds earlier values; the latest is in the entity's fact set.
  const sets = await rows(
    readinessDb,
    "select facts from readiness_fact_sets where entity_ref = 'component:default/payments-api'",
  );
  const latest = sets
    .map(r => JSON.parse(r.facts)['ci.test.coveragePercent']?.value)
    .filter(v => v !== undefined);
  const stored = new Set([
    ...history.map(r => Number(JSON.parse(r.value))),
    ...latest,
  ]);
  const lostFacts = ledger.facts.filter(v => !stored.has(v));
  check(
    'no accepted fact push lost',
    lostFacts.length === 0,
    `${ledger.facts.length} accepted, ${lostFacts.length} values missing from the history`,
  );
  const prs = await rows(
    deliveryDb,
    'select number from delivery_pull_requests where repository = $1 and number > 9000',
    [PR_REPOSITORY],
  );
  const prNumbers = prs.map(r => r.number);
  const lostPrs = [...ledger.prs].filter(n => !prNumbers.includes(n));
  check(
    'no accepted webhook lost or stored twice',
    lostPrs.length === 0 && new Set(prNumbers).size === prNumbers.length,
    `${ledger.prs.size} accepted, ${lostPrs.length} missing, ${prNumbers.length} rows`,
  );

  // The scheduled full evaluation: once per interval across both replicas, never twice at once,
  // and never stalled longer than a killed holder's timeout (from the workload's start to its end).
  const runs = evaluationRuns(evaluations);
  // Each run from its start (its log line less its duration) to its end: never two at once.
  // A line without its duration counts against the check rather than passing it.
  const overlaps = runs
    .slice(1)
    .filter(
      (r, i) =>
        !(r.seconds >= 0) || r.t - r.seconds * 1000 < runs[i].t - LOG_SLACK_MS,
    ).length;
  const inside = runs
    .map(r => r.t)
    .filter(t => t >= workloadStarted && t <= workloadEnded);
  const posts = [workloadStarted, ...inside, workloadEnded];
  const spans = posts.slice(1).map((t, i) => (t - posts[i]) / 1000);
  const longest = Math.max(...spans);
  const expected = Math.floor(seconds / EVALUATION_SECONDS);
  check(
    'the scheduled evaluation ran once per interval across the replicas',
    overlaps === 0 && longest <= LONGEST_GAP && runs.length <= expected + 2,
    `${runs.length} runs in ${seconds.toFixed(
      0,
    )} s (interval ${EVALUATION_SECONDS} s, at most ${
      expected + 2
    }), on replicas ${[...new Set(runs.map(r => r.replica))].join(
      ' and ',
    )}; ${overlaps} started before the previous one ended; longest run ${Math.max(
      ...runs.map(r => r.seconds).filter(Number.isFinite),
      0,
    ).toFixed(
      1,
    )} s; longest without one while the workload ran ${longest.toFixed(
      1,
    )} s (at most ${LONGEST_GAP} s: interval, a killed holder's timeout, poll and run)`,
  );
  return results;
}

/**
 * Runs the trials: `kills` SIGKILLs of a random replica at a random moment, each followed by a
 * restart. Resolves to { trials, invariants, ledger, seconds }; `log` gets a line per event.
 */
export async function runReplicaTrials({ kills, log = () => {} }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runway-replicas-'));
  const tag = `rep${process.pid.toString(36)}`;
  const prefix = `runway_rep_${process.pid}_`;
  const namePrefix = `rrep${process.pid}_`.slice(0, 20);
  // The GitOps repositories as production has them: remotes (bare, here on disk) that each
  // replica clones into its own work directory.
  const envGitops = path.join(dir, 'gitops-environments.git');
  const deployGitops = path.join(dir, 'gitops-deploys.git');
  for (const repo of [envGitops, deployGitops])
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', repo]);
  const configFile = path.join(dir, 'replicas.yaml');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      // Small pools: two replicas of about twenty plugins each share the server's 100
      // connections with the environments' own databases.
      backend: {
        database: {
          client: 'pg',
          connection: CONNECTION,
          prefix,
          knexConfig: { pool: { min: 0, max: 3 } },
        },
      },
      environments: {
        classFiles: [classFile(dir)],
        resumeIntervalSeconds: 5,
        drivers: {
          gitops: { localPath: null, url: `file://${envGitops}` },
          postgres: { namePrefix },
        },
      },
      delivery: {
        webhooks: { secret: SECRET },
        resumeIntervalMinutes: 0.25,
        resumeRunningAfterSeconds: 20,
        drivers: { gitops: { localPath: null, url: `file://${deployGitops}` } },
      },
      readiness: {
        evaluationIntervalMinutes: EVALUATION_SECONDS / 60,
        startupEvaluationDelaySeconds: 5,
        evaluationTimeoutMinutes: EVALUATION_TIMEOUT_SECONDS / 60,
      },
    }),
  );

  const replicas = [];
  const outputs = new Map(); // replica label -> everything it printed, across restarts
  const evaluations = []; // { replica, t }: each full readiness evaluation as it was logged
  const start = async label => {
    // Each replica its own clones, kept across its restarts (a container's disk).
    const work = path.join(dir, `work-${label}`);
    const portal = await startPortal({
      configs: [configFile],
      sqlite: false,
      config: {
        environments: {
          drivers: { gitops: { workDirectory: path.join(work, 'env') } },
        },
        delivery: {
          drivers: { gitops: { workDirectory: path.join(work, 'deploy') } },
        },
      },
      onOutput: text => {
        for (const line of text.split('\n'))
          if (line.includes('Readiness evaluated'))
            evaluations.push({
              replica: label,
              t: Date.now(),
              seconds: Number(/ in ([\d.]+) s/.exec(line)?.[1] ?? NaN),
            });
      },
    });
    await waitUntilReady(portal, 300_000);
    return { label, portal };
  };
  const keep = r =>
    outputs.set(r.label, (outputs.get(r.label) ?? '') + r.portal.output());

  const ledger = { ...newLedger(), tag };
  const trials = [];
  let proxy;
  let workload;
  const began = Date.now();
  try {
    // The first replica migrates the databases; the second starts on them.
    replicas.push(await start('A'));
    replicas.push(await start('B'));
    proxy = await startProxy(() =>
      replicas.filter(r => r.up !== false).map(r => r.portal.baseUrl),
    );
    log(`replicas A and B up behind ${proxy.url}`);
    const call = client(proxy.url);
    for (let i = 0; ; i++) {
      const res = await call(
        'GET',
        '/api/catalog/entities/by-name/component/default/booking-service',
      );
      if (res.status === 200) break;
      if (i > 600) throw new Error('the example organisation never loaded');
      await sleep(200);
    }
    workload = startWorkload(call, ledger, tag);
    const workloadStarted = Date.now();
    for (let trial = 1; trial <= kills; trial++) {
      await sleep(1000 + Math.random() * 4000);
      const victim = replicas[Math.floor(Math.random() * replicas.length)];
      const t0 = Date.now();
      victim.up = false;
      process.kill(victim.portal.pid, 'SIGKILL');
      await victim.portal.exited;
      keep(victim);
      await victim.portal.stop(); // removes its data folder; the process is gone already
      const restarted = await start(victim.label);
      replicas[replicas.indexOf(victim)] = restarted;
      const entry = {
        trial,
        replica: victim.label,
        killedAt: new Date(t0).toISOString(),
        backInSeconds: (Date.now() - t0) / 1000,
        accepted:
          ledger.environments.size +
          ledger.deploys.size +
          ledger.facts.length +
          ledger.prs.size,
      };
      trials.push(entry);
      log(
        `trial ${trial}: killed ${
          entry.replica
        }, back in ${entry.backInSeconds.toFixed(1)} s; ${
          entry.accepted
        } requests accepted so far`,
      );
    }
    await workload.stop();
    workload = undefined;
    const workloadEnded = Date.now();
    log('workload stopped; waiting for every environment and deploy to rest');
    await settle(call, ledger, 180_000);
    // Teardowns asked for at the end finish too.
    await settle(call, ledger, 120_000);
    const seconds = (Date.now() - began) / 1000;
    for (const r of replicas) keep(r);
    const logs = path.join(root, 'e2e/output');
    fs.mkdirSync(logs, { recursive: true });
    for (const [label, text] of outputs)
      fs.writeFileSync(path.join(logs, `replica-${label}.log`), text);
    const results = await invariants({
      evaluations,
      workloadStarted,
      workloadEnded,
      ledger,
      prefix,
      namePrefix,
      envGitops,
      deployGitops,
      seconds,
    });
    return { trials, invariants: results, ledger, seconds };
  } finally {
    await workload?.stop().catch(() => {});
    await proxy?.close();
    for (const r of replicas) await r.portal.stop();
    await withPg('postgres', async db => {
      const { rows: dbs } = await db.query(
        'select datname from pg_database where starts_with(datname, $1) or starts_with(datname, $2)',
        [prefix, namePrefix],
      );
      for (const { datname } of dbs)
        await db.query(`drop database if exists "${datname}" with (force)`);
      const { rows: roles } = await db.query(
        'select rolname from pg_roles where starts_with(rolname, $1)',
        [namePrefix],
      );
      for (const { rolname } of roles)
        await db.query(`drop role if exists "${rolname}"`);
    }).catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The report: the trials and every invariant, as text. */
export function report({ trials, invariants: results, ledger, seconds }) {
  const lines = [
    `${trials.length} SIGKILLs in ${seconds.toFixed(0)} s; accepted: ${
      ledger.environments.size
    } environment creates, ${ledger.teardowns.size} teardowns, ${
      ledger.deploys.size
    } deploys, ${ledger.facts.length} fact pushes, ${
      ledger.prs.size
    } webhooks; refused (expected: a teardown before ready, a deploy while one runs): ${JSON.stringify(
      ledger.refused,
    )}`,
    ...Object.entries(ledger.why).map(([k, v]) => `  first ${k}: ${v}`),
    ...trials.map(
      t =>
        `  trial ${t.trial}: killed replica ${t.replica} at ${
          t.killedAt
        }, serving again after ${t.backInSeconds.toFixed(1)} s`,
    ),
    ...results.map(
      r =>
        `  ${r.info ? 'note  ' : r.ok ? 'held  ' : 'BROKEN'} ${r.name}: ${
          r.detail
        }`,
    ),
  ];
  return lines.join('\n');
}
