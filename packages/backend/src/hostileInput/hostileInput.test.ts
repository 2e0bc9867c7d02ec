import { createHmac } from 'node:crypto';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import postgresDriver from '@internal/plugin-environments-backend-module-postgres';
import ownershipPlugin from '@internal/plugin-ownership-backend';
import { postgresConnectionForTests } from '@internal/testing';
import fc from 'fast-check';
import knexFactory from 'knex';
import { startAuthorizationBackend } from '../authorization/__testUtils__/authorizationBackend';
import {
  header,
  SERVICE,
} from '../authorization/__testUtils__/authorizationCases';
import { DriverServer, leakIn, snapshot } from './__testUtils__/invariants';
import {
  hostileValue,
  mutate,
  mutateText,
  ops,
  stringsOf,
  textOps,
} from './__testUtils__/mutations';
import { Fixtures, Target, TARGETS } from './__testUtils__/targets';

/**
 * Property-based: every Runway endpoint, webhook and MCP action gets its valid request changed
 * by fast-check (wrong types, missing and extra fields, deep nesting, huge and unicode strings,
 * injection strings, absurd numbers and dates). Never a 5xx; never SQL, a stack trace or a
 * server path in the response; a refused request leaves every row count of the stateful plugins
 * and the GitOps repository's commits as they were. RUNWAY_FUZZ_RUNS (default 6) sets the runs
 * per endpoint and database, RUNWAY_FUZZ_SEED replays a failure.
 */
jest.setTimeout(600_000);

const RUNS = Number(process.env.RUNWAY_FUZZ_RUNS ?? 6);
const SEED = process.env.RUNWAY_FUZZ_SEED
  ? Number(process.env.RUNWAY_FUZZ_SEED)
  : undefined;
const SECRET = 'hostile-input-webhook-secret-0123456789abcdef';
const TOKEN = 'hostile-input-bearer-token-0123456789';

const databases: Array<'sqlite' | 'postgres'> = postgresConnectionForTests()
  ? ['sqlite', 'postgres']
  : ['sqlite'];

/**
 * The environments' postgres driver on the test server, and a class whose environments get a
 * database and a role from it (the example classes' sandbox and reviewed stay as they are).
 */
function driverSettings(connection: string, namePrefix: string) {
  const url = new URL(connection);
  return {
    drivers: {
      postgres: {
        host: url.hostname,
        port: Number(url.port || 5432),
        user: decodeURIComponent(url.username || 'postgres'),
        ...(url.password && { password: decodeURIComponent(url.password) }),
        namePrefix,
      },
    },
    classes: [
      {
        id: 'sandbox',
        title: 'Sandbox',
        ttl: { defaultHours: 24, maxHours: 96 },
        resources: [
          {
            name: 'config',
            type: 'config',
            parameters: { values: { A: '1' } },
          },
        ],
      },
      {
        id: 'reviewed',
        title: 'Reviewed',
        ttl: { defaultHours: 24, maxHours: 96 },
        approval: { required: true },
        resources: [{ name: 'config', type: 'config' }],
      },
      {
        id: 'fuzz-db',
        title: 'With a database',
        ttl: { defaultHours: 24, maxHours: 96 },
        resources: [
          {
            name: 'config',
            type: 'config',
            parameters: { values: { A: '1' } },
          },
          { name: 'db', type: 'postgres', parameters: { connectionLimit: 2 } },
        ],
      },
    ],
  };
}

type Backend = Awaited<ReturnType<typeof startAuthorizationBackend>>;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

type State = () => Promise<Record<string, number>>;

/** Waits until nothing runs in the background any more (counts equal 0.4 s apart). */
async function quiet(state: State) {
  let last = JSON.stringify(await state());
  for (let i = 0; i < 100; i++) {
    await sleep(400);
    const now = JSON.stringify(await state());
    if (now === last) return JSON.parse(now) as Record<string, number>;
    last = now;
  }
  throw new Error('the backend never went quiet');
}

function proofHeaders(target: Target, body: string): Record<string, string> {
  switch (target.proof) {
    case 'hub':
      return {
        'X-Hub-Signature-256': `sha256=${createHmac('sha256', SECRET)
          .update(body)
          .digest('hex')}`,
        'X-GitHub-Event': target.name.includes('deployment_status')
          ? 'deployment_status'
          : 'pull_request',
        'X-GitHub-Delivery': `fuzz-${Math.random()}`,
      };
    case 'pagerduty':
      return {
        'X-PagerDuty-Signature': `v1=${createHmac('sha256', SECRET)
          .update(body)
          .digest('hex')}`,
      };
    case 'opsgenie':
    case 'alertmanager':
      return { Authorization: `Bearer ${TOKEN}` };
    default:
      return {};
  }
}

/** The request the fuzzer made: where, what and with which body. */
type Sent = { path: string; body?: string; type?: string; strings: string[] };

type ChangeInput = typeof changeInput extends fc.Arbitrary<infer T> ? T : never;

const changeInput = fc.record({
  changes: ops,
  text: textOps,
  param: hostileValue,
  which: fc.constantFrom('body', 'param', 'type'),
});

/** Lone surrogates (a cut emoji, a binary string) as U+FFFD: a URL cannot carry them. */
const wellFormed = (text: string) =>
  text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );

function build(target: Target, fx: Fixtures, input: ChangeInput): Sent {
  let urlPath = target.path(fx);
  const strings: string[] = [];
  if (target.pathParams && input.which === 'param') {
    const value = String(
      typeof input.param === 'string'
        ? input.param
        : JSON.stringify(input.param),
    ).slice(0, 5000);
    const parts = urlPath.split('/');
    parts[
      parts.length -
        (/(events|audit|extend|approve|reject|teardown|callback)$/.test(urlPath)
          ? 2
          : 1)
    ] = encodeURIComponent(wellFormed(value));
    urlPath = parts.join('/');
    strings.push(value);
  }
  if (target.query) {
    const query = mutate(target.query(fx), input.changes);
    strings.push(...stringsOf(query));
    const params = new URLSearchParams();
    if (query && typeof query === 'object' && !Array.isArray(query))
      for (const [k, v] of Object.entries(query))
        for (const one of Array.isArray(v) ? v : [v])
          params.append(
            k,
            typeof one === 'string' ? one : JSON.stringify(one) ?? '',
          );
    else params.append('q', JSON.stringify(query) ?? '');
    urlPath += `${urlPath.includes('?') ? '&' : '?'}${params}`;
    return { path: urlPath, strings };
  }
  if (target.text !== undefined) {
    const text =
      input.which === 'body' || input.which === 'param'
        ? mutateText(target.text, input.text)
        : target.text;
    strings.push(...input.text.map(t => t.insert));
    return {
      path: urlPath,
      body: text,
      type: input.which === 'type' ? 'text/plain' : 'application/xml',
      strings,
    };
  }
  if (target.body) {
    const seed = target.body(fx);
    const value =
      input.which === 'param' && target.pathParams
        ? seed
        : mutate(seed, input.changes);
    strings.push(...stringsOf(value));
    return {
      path: urlPath,
      body: JSON.stringify(value) ?? 'null',
      type:
        input.which === 'type' && !target.proof
          ? 'text/plain'
          : 'application/json',
      strings,
    };
  }
  return { path: urlPath, strings };
}

async function send(backend: Backend, target: Target, sent: Sent) {
  let req = backend.api[target.method](sent.path);
  if (target.as !== 'none')
    req = req.set('Authorization', header(target.as ?? 'platform'));
  for (const [k, v] of Object.entries(proofHeaders(target, sent.body ?? '')))
    req = req.set(k, v);
  if (sent.body !== undefined)
    req = req
      .set('Content-Type', sent.type ?? 'application/json')
      .send(sent.body);
  return req;
}

describe.each(databases)('hostile input on %s', database => {
  let backend: Backend;
  // With PostgreSQL, environments get real databases and roles from the postgres driver, and
  // a refused request must leave those on the server as they were too.
  const pg = postgresConnectionForTests();
  const server: DriverServer | undefined = pg
    ? {
        admin: knexFactory({
          client: 'pg',
          connection: `${pg.replace(/\/$/, '')}/postgres`,
          pool: { min: 0, max: 1 },
        }),
        namePrefix: `fz${process.pid}${database[0]}_`.slice(0, 20),
      }
    : undefined;
  const state: State = () =>
    snapshot(backend.db.forPlugin, backend.gitops, server);
  const fx: Fixtures = {
    className: server ? 'fuzz-db' : 'sandbox',
    environment: '',
    deploy: '',
    exemption: '',
    checkId: '',
  };
  const tally = { requests: 0, refused: 0, accepted: 0 };

  beforeAll(async () => {
    backend = await startAuthorizationBackend({
      database,
      features: [
        actionsRegistryServiceFactory,
        ownershipPlugin,
        ...(server ? [postgresDriver] : []),
      ],
      config: {
        readiness: { startupEvaluationDelaySeconds: 0 },
        ...(server && { environments: driverSettings(pg!, server.namePrefix) }),
        delivery: {
          webhooks: {
            secret: SECRET,
            pagerduty: { secret: SECRET },
            opsgenie: { token: TOKEN },
            alertmanager: { token: TOKEN },
          },
        },
      },
    });
    const as = header('platform');
    // The example organisation loaded: deploys need the service in the catalog.
    for (let i = 0; i < 300; i++) {
      const service = await backend.api
        .get('/api/catalog/entities/by-name/component/default/payments-api')
        .set('Authorization', as);
      if (service.status === 200) break;
      await sleep(200);
    }
    // The platform engineer's claims name the platform team once the catalog has stitched
    // their membership (relations come after the entities): until then this is a 403.
    let env: Awaited<ReturnType<typeof backend.api.post>> | undefined;
    for (let i = 0; ; i++) {
      env = await backend.api
        .post('/api/environments/environments')
        .set('Authorization', as)
        .set('Idempotency-Key', 'fuzz-fixture')
        .send({
          className: fx.className,
          owner: 'group:default/payments-team',
          name: 'fuzz-fixture',
        });
      if (env.status === 202 || i > 300) break;
      await sleep(200);
    }
    fixture('an environment', env, 202);
    fx.environment = env.body.id;
    const deploy = await backend.api
      .post('/api/delivery/deploys')
      .set('Authorization', as)
      .send({ service: SERVICE, environment: 'dev', version: '1.0.0' });
    fixture('a deploy', deploy, 202);
    fx.deploy = deploy.body.id;
    const checks = await backend.api
      .get('/api/readiness/checks')
      .set('Authorization', as);
    fx.checkId = checks.body.checks[0].id;
    const exemption = await backend.api
      .post('/api/readiness/exemptions')
      .set('Authorization', as)
      .send({
        entityRef: SERVICE,
        checkId: checks.body.checks[1].id,
        reason: 'fixture of the fuzz test',
        expiresAt: new Date(Date.now() + 86400_000).toISOString(),
      });
    fixture('an exemption', exemption, 201);
    fx.exemption = exemption.body.id;
    const settled = await quiet(state);
    // The fixture environment has its database and role: the driver really runs here.
    if (server && !(settled['postgres.roles'] >= 1))
      throw new Error(
        `The postgres driver made no role for the fixture environment: ${JSON.stringify(
          settled,
        )}`,
      );
  });

  afterAll(async () => {
    await backend?.stop();
    if (server) {
      const like = `${server.namePrefix}%`;
      const { rows: dbs } = await server.admin.raw(
        'select datname from pg_database where datname like ?',
        [like],
      );
      for (const { datname } of dbs)
        await server.admin.raw('drop database if exists ?? with (force)', [
          datname,
        ]);
      const { rows: roles } = await server.admin.raw(
        'select rolname from pg_roles where rolname like ?',
        [like],
      );
      for (const { rolname } of roles)
        await server.admin.raw('drop role if exists ??', [rolname]);
      await server.admin.destroy();
    }
    // eslint-disable-next-line no-console
    console.log(
      `hostile input on ${database}: ${tally.requests} requests, ${tally.refused} refused with 4xx, ${tally.accepted} accepted`,
    );
  });

  it.each(TARGETS.map(t => [t.name, t] as const))(
    '%s',
    async (_name, target) => {
      let before = await state();
      await fc.assert(
        fc.asyncProperty(changeInput, async input => {
          const sent = build(target, fx, input);
          const res = await send(backend, target, sent);
          tally.requests += 1;
          const where = `${target.method.toUpperCase()} ${sent.path.slice(
            0,
            300,
          )} ${sent.body?.slice(0, 300) ?? ''}`;
          expect({
            where,
            status: res.status < 500 ? 'not 5xx' : res.status,
            body: res.status < 500 ? '' : res.text.slice(0, 500),
          }).toEqual({ where, status: 'not 5xx', body: '' });
          expect({ where, leak: leakIn(res.text, sent.strings) }).toEqual({
            where,
            leak: undefined,
          });
          // A refused request changed nothing; after an accepted one, the new state counts.
          const refused = res.status >= 400;
          const after = await state();
          expect({
            where,
            changed: refused ? diff(before, after) : {},
          }).toEqual({ where, changed: {} });
          tally[refused ? 'refused' : 'accepted'] += 1;
          if (!refused && target.method !== 'get') before = await quiet(state);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
  );
});

/** Setup that did not work stops the test, saying which request failed. */
function fixture(
  what: string,
  res: { status: number; text: string },
  status: number,
) {
  if (res.status !== status)
    throw new Error(
      `Could not make ${what}: ${res.status} ${res.text.slice(0, 300)}`,
    );
}

function diff(a: Record<string, number>, b: Record<string, number>) {
  const out: Record<string, string> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
    if (a[key] !== b[key]) out[key] = `${a[key]} -> ${b[key]}`;
  return out;
}
