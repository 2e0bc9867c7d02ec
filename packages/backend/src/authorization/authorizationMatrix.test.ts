import { mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { startAuthorizationBackend } from './__testUtils__/authorizationBackend';

jest.setTimeout(240_000);

/**
 * Roles x actions x allow/deny across every mutating endpoint of Runway's plugins (and the
 * catalog's unregister, which Runway's policy also decides), against the real backend: the real
 * permission backend running Runway's policy, real plugins, real databases, the example
 * organisation. A denied action must leave the plugin's rows exactly as they were.
 */
const users = {
  owner: 'user:default/maria.silva', // payments-team, which owns payments-api
  other: 'user:default/daniel.kim', // search-team
  platform: 'user:default/alex.moreno', // platform-team
};
type Role = keyof typeof users | 'service';
const ROLES: Role[] = ['owner', 'other', 'platform', 'service'];
const SERVICE = 'component:default/payments-api';

type Request = {
  method: 'post' | 'delete' | 'get';
  path: string;
  body?: object | string;
  type?: string;
};
type Case = {
  action: string;
  allowed: Role[];
  request: (role: Role) => Request;
  /** The rows the action would change; a denied request must leave them equal. */
  state?: () => Promise<unknown>;
  /** Roles not tried (e.g. a service principal for a user-only flow). */
  skip?: Role[];
  /** Makes what the action acts on, before the roles try it. */
  setup?: () => Promise<void>;
};

const header = (role: Role) =>
  role === 'service'
    ? mockCredentials.service.header()
    : mockCredentials.user.header(users[role]);

let backend: Awaited<ReturnType<typeof startAuthorizationBackend>>;
const db = (pluginId: string): Knex => backend.db.forPlugin(pluginId);

async function send(role: Role, r: Request) {
  let req = backend.api[r.method](r.path).set('Authorization', header(role));
  if (r.type) req = req.set('Content-Type', r.type);
  return r.body === undefined ? req : req.send(r.body);
}

async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
) {
  for (let i = 0; i < 600; i++) {
    const value = await check();
    if (value) return value;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function as(role: Role, r: Request, expected: number[]) {
  const res = await send(role, r);
  if (!expected.includes(res.status)) {
    throw new Error(
      `${role} ${r.method.toUpperCase()} ${r.path}: ${
        res.status
      } ${JSON.stringify(res.body)}`,
    );
  }
  return res.body;
}

async function deployAndWait(version: string, environment: string) {
  const deploy = await as(
    'platform',
    {
      method: 'post',
      path: '/api/delivery/deploys',
      body: { service: SERVICE, environment, version },
    },
    [202],
  );
  return eventually(`${version} on ${environment}`, async () => {
    const res = await send('platform', {
      method: 'get',
      path: `/api/delivery/deploys/${deploy.id}`,
    });
    return ['succeeded', 'failed'].includes(res.body.status)
      ? res.body
      : undefined;
  });
}

const fixtures = {
  environment: '',
  pendingApprove: '',
  pendingReject: '',
  exemption: '',
  checks: [] as string[],
  queuedDeploy: '',
  catalogUid: '',
};

beforeAll(async () => {
  backend = await startAuthorizationBackend();
  await eventually('the example organisation in the catalog', async () => {
    const res = await send('service', {
      method: 'get',
      path: '/api/catalog/entities/by-name/component/default/payments-sdk',
    });
    const maria = await send('service', {
      method: 'get',
      path: '/api/catalog/entities/by-name/user/default/maria.silva',
    });
    return res.status === 200 && maria.status === 200 ? res.body : undefined;
  }).then(entity => {
    fixtures.catalogUid = entity.metadata.uid;
  });

  const created = await as(
    'platform',
    {
      method: 'post',
      path: '/api/environments/environments',
      body: {
        className: 'sandbox',
        owner: 'group:default/payments-team',
        name: 'matrix-env',
      },
    },
    [202],
  );
  fixtures.environment = created.id;
  for (const name of ['matrix-approve', 'matrix-reject']) {
    const pending = await as(
      'platform',
      {
        method: 'post',
        path: '/api/environments/environments',
        body: {
          className: 'reviewed',
          owner: 'group:default/payments-team',
          name,
        },
      },
      [202],
    );
    if (name === 'matrix-approve') fixtures.pendingApprove = pending.id;
    else fixtures.pendingReject = pending.id;
  }
  await eventually('the environment ready', async () => {
    const res = await send('platform', {
      method: 'get',
      path: `/api/environments/environments/${created.id}`,
    });
    return res.body.status === 'ready' || undefined;
  });

  const checks = await as(
    'platform',
    { method: 'get', path: '/api/readiness/checks' },
    [200],
  );
  fixtures.checks = (checks.checks ?? checks).map((c: { id: string }) => c.id);
  const exemption = await as(
    'platform',
    {
      method: 'post',
      path: '/api/readiness/exemptions',
      body: {
        entityRef: SERVICE,
        checkId: fixtures.checks[0],
        reason: 'fixture for the authorization matrix',
        expiresAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
      },
    },
    [201, 200],
  );
  fixtures.exemption = exemption.id;

  await deployAndWait('1.0.0', 'dev');
  await deployAndWait('1.0.0', 'staging');
  await deployAndWait('1.1.0', 'staging');
});

afterAll(async () => {
  await backend?.stop();
});

const count =
  (pluginId: string, table: string, where: object = {}) =>
  async () =>
    (await db(pluginId)(table).where(where).count({ n: '*' }))[0].n;
const row =
  (pluginId: string, table: string, where: () => object) => async () =>
    db(pluginId)(table).where(where()).first();

const junit = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites><testsuite name="matrix" tests="1" failures="0" time="1.5"><testcase classname="a" name="b" time="1.5"/></testsuite></testsuites>`;

const cases: Case[] = [
  {
    action: 'readiness: push facts',
    allowed: ['platform', 'service'],
    request: () => ({
      method: 'post',
      path: '/api/readiness/facts',
      body: {
        facts: [
          { entityRef: SERVICE, name: 'ci.test.coveragePercent', value: 91 },
        ],
      },
    }),
    state: async () =>
      JSON.stringify(
        await db('readiness')('readiness_fact_sets').where({
          entity_ref: SERVICE,
        }),
      ),
  },
  {
    action: 'readiness: create an exemption',
    allowed: ['owner', 'platform'],
    skip: ['service'],
    request: role => ({
      method: 'post',
      path: '/api/readiness/exemptions',
      body: {
        entityRef: SERVICE,
        checkId: fixtures.checks[role === 'owner' ? 1 : 2],
        reason: `exempted by ${role} in the matrix`,
        expiresAt: new Date(Date.now() + 86400_000).toISOString(),
      },
    }),
    state: count('readiness', 'readiness_exemptions', { entity_ref: SERVICE }),
  },
  {
    action: 'readiness: revoke an exemption',
    allowed: ['owner', 'platform'],
    skip: ['service'],
    request: () => ({
      method: 'delete',
      path: `/api/readiness/exemptions/${fixtures.exemption}`,
    }),
    state: row('readiness', 'readiness_exemptions', () => ({
      id: fixtures.exemption,
    })),
  },
  {
    action: 'readiness: re-evaluate a service',
    allowed: ['owner', 'other', 'platform', 'service'],
    request: () => ({
      method: 'post',
      path: '/api/readiness/evaluate',
      body: { entityRef: SERVICE },
    }),
  },
  {
    action: 'environments: request an environment for payments-team',
    allowed: ['owner', 'platform', 'service'],
    request: role => ({
      method: 'post',
      path: '/api/environments/environments',
      body: {
        className: 'sandbox',
        owner: 'group:default/payments-team',
        name: `matrix-${role}`,
      },
    }),
    state: count('environments', 'environments', {
      owner: 'group:default/payments-team',
    }),
  },
  {
    action: 'environments: extend',
    allowed: ['owner', 'platform', 'service'],
    request: () => ({
      method: 'post',
      path: `/api/environments/environments/${fixtures.environment}/extend`,
      body: { hours: 1 },
    }),
    state: row('environments', 'environments', () => ({
      id: fixtures.environment,
    })),
  },
  {
    action: 'environments: approve',
    allowed: ['platform', 'service'],
    request: () => ({
      method: 'post',
      path: `/api/environments/environments/${fixtures.pendingApprove}/approve`,
      body: {},
    }),
    state: row('environments', 'environments', () => ({
      id: fixtures.pendingApprove,
    })),
  },
  {
    action: 'environments: reject',
    allowed: ['platform', 'service'],
    request: () => ({
      method: 'post',
      path: `/api/environments/environments/${fixtures.pendingReject}/reject`,
      body: { reason: 'not this week' },
    }),
    state: row('environments', 'environments', () => ({
      id: fixtures.pendingReject,
    })),
  },
  {
    action: 'environments: reload classes',
    allowed: ['platform', 'service'],
    request: () => ({
      method: 'post',
      path: '/api/environments/classes/reload',
    }),
  },
  {
    action: 'environments: tear down',
    allowed: ['owner', 'platform', 'service'],
    request: () => ({
      method: 'post',
      path: `/api/environments/environments/${fixtures.environment}/teardown`,
      body: { reason: 'matrix' },
    }),
    state: row('environments', 'environments', () => ({
      id: fixtures.environment,
    })),
  },
  {
    action: 'delivery: deploy',
    allowed: ['owner', 'platform', 'service'],
    request: role => ({
      method: 'post',
      path: '/api/delivery/deploys',
      body: {
        service: SERVICE,
        environment: 'dev',
        version: `2.0.${ROLES.indexOf(role)}`,
      },
    }),
    state: count('delivery', 'delivery_deployments', { service_ref: SERVICE }),
  },
  {
    action: 'delivery: promote dev -> staging',
    allowed: ['owner', 'platform', 'service'],
    request: () => ({
      method: 'post',
      path: '/api/delivery/deploys/promote',
      body: { service: SERVICE, from: 'dev' },
    }),
    state: count('delivery', 'delivery_deployments', { service_ref: SERVICE }),
  },
  {
    action: 'delivery: roll back staging',
    allowed: ['owner', 'platform', 'service'],
    request: () => ({
      method: 'post',
      path: '/api/delivery/deploys/rollback',
      body: { service: SERVICE, environment: 'staging' },
    }),
    state: count('delivery', 'delivery_deployments', { service_ref: SERVICE }),
  },
  {
    // Overriding a freeze and approving a held production deploy are a platform engineer's
    // judgement: delivery requires a member of the platform team, never a service token.
    action: 'delivery: deploy to production inside a freeze, overriding it',
    allowed: ['platform'],
    request: () => ({
      method: 'post',
      path: '/api/delivery/deploys',
      body: {
        service: SERVICE,
        environment: 'prod',
        version: '1.0.0',
        freezeOverride: { reason: 'matrix: hotfix during the freeze' },
      },
    }),
    state: count('delivery', 'delivery_deployments', {
      service_ref: SERVICE,
      environment: 'prod',
    }),
  },
  {
    action: 'delivery: approve a held deploy',
    allowed: ['platform'],
    setup: holdAProductionDeploy,
    request: () => ({
      method: 'post',
      path: `/api/delivery/deploys/${fixtures.queuedDeploy}/approve`,
    }),
    state: row('delivery', 'delivery_deployments', () => ({
      id: fixtures.queuedDeploy,
    })),
  },
  {
    action: 'delivery: send events',
    allowed: ['platform', 'service'],
    request: role => ({
      method: 'post',
      path: '/api/delivery/events',
      body: {
        events: [
          {
            type: 'pull_request',
            service: SERVICE,
            repository: 'skyline-travel/payments-api',
            number: 100 + ROLES.indexOf(role),
            action: 'opened',
            openedAt: new Date().toISOString(),
          },
        ],
      },
    }),
    state: count('delivery', 'delivery_pull_requests'),
  },
  {
    action: 'delivery: upload a JUnit report',
    allowed: ['platform', 'service'],
    request: role => ({
      method: 'post',
      path: `/api/delivery/test-runs/junit?service=${encodeURIComponent(
        SERVICE,
      )}&runId=matrix-${role}`,
      body: junit,
      type: 'application/xml',
    }),
    state: count('delivery', 'delivery_test_runs'),
  },
  {
    action: 'catalog: unregister an entity (payments-sdk)',
    allowed: ['owner', 'platform', 'service'],
    request: () => ({
      method: 'delete',
      path: `/api/catalog/entities/by-uid/${fixtures.catalogUid}`,
    }),
    state: count('catalog', 'refresh_state', {
      entity_ref: 'component:default/payments-sdk',
    }),
  },
  {
    action: 'audit: read the audit trail',
    allowed: ['platform', 'service'],
    request: () => ({ method: 'get', path: '/api/audit/events?limit=5' }),
  },
];

/** A production deploy held by the readiness gate, for the approval case. */
async function holdAProductionDeploy() {
  // Requested by another platform engineer (nobody approves their own deploy), for another
  // payments-team service (payments-api already has one waiting in prod, and there is one
  // deploy at a time per service and environment).
  const held = await backend.api
    .post('/api/delivery/deploys')
    .set(
      'Authorization',
      mockCredentials.user.header('user:default/priya.nair'),
    )
    .send({
      service: 'component:default/payment-processor',
      environment: 'prod',
      version: '1.1.0',
      freezeOverride: { reason: 'matrix: held for approval' },
    });
  if (held.body.status !== 'awaiting-approval') {
    throw new Error(
      `expected a held deploy, got ${held.status} ${JSON.stringify(held.body)}`,
    );
  }
  fixtures.queuedDeploy = held.body.id;
}

describe('authorization matrix', () => {
  it.each(cases.map(c => [c.action, c] as const))('%s', async (_, c) => {
    await c.setup?.();
    const roles = ROLES.filter(r => !c.skip?.includes(r));
    // Denied roles first, so each is checked against rows no allowed request has touched.
    const ordered = [
      ...roles.filter(r => !c.allowed.includes(r)),
      ...roles.filter(r => c.allowed.includes(r)),
    ];
    const outcome: Record<string, string> = {};
    const messages: Record<string, string> = {};
    const changedByDenied: Role[] = [];
    let changedByAllowed = false;
    for (const role of ordered) {
      const before = JSON.stringify(await c.state?.());
      const res = await send(role, c.request(role));
      const changed = JSON.stringify(await c.state?.()) !== before;
      if (res.status === 401 || res.status >= 500) {
        throw new Error(
          `${c.action} as ${role}: ${res.status} ${JSON.stringify(res.body)}`,
        );
      }
      outcome[role] = res.status === 403 ? 'deny' : 'allow';
      messages[role] = `${res.status} ${res.body?.error?.message ?? ''}`;
      if (res.status === 403 && changed) changedByDenied.push(role);
      if (res.status !== 403 && changed) changedByAllowed = true;
    }
    const expected = Object.fromEntries(
      roles.map(r => [r, c.allowed.includes(r) ? 'allow' : 'deny']),
    );
    // The messages say why each role got what it got, next to an expectation that fails.
    expect({ outcome, messages }).toEqual({ outcome: expected, messages });
    // A denied request changed nothing in the plugin's rows ...
    expect({ changedByDenied, messages }).toEqual({
      changedByDenied: [],
      messages,
    });
    // ... and the probe does see the action's effect, so "nothing changed" means something.
    expect({ changedByAllowed, messages }).toEqual({
      changedByAllowed: c.state !== undefined,
      messages,
    });
  });
});

describe('an owner, whose permissions are conditional on ownership', () => {
  it('gets a 404 naming an unknown target, not a 403', async () => {
    const missing = 'component:default/no-such-service';
    const exemption = await send('owner', {
      method: 'post',
      path: '/api/readiness/exemptions',
      body: {
        entityRef: missing,
        checkId: fixtures.checks[0],
        reason: 'no such service',
        expiresAt: new Date(Date.now() + 86400_000).toISOString(),
      },
    });
    const deploy = await send('owner', {
      method: 'post',
      path: '/api/delivery/deploys',
      body: { service: missing, environment: 'dev', version: '1.0.0' },
    });
    const extend = await send('owner', {
      method: 'post',
      path: '/api/environments/environments/no-such-environment/extend',
      body: { hours: 1 },
    });
    expect(
      [exemption, deploy, extend].map(r => [r.status, r.body.error?.message]),
    ).toEqual([
      [404, `entityRef: no catalog entity ${missing}`],
      [404, `Unknown service: ${missing} is not in the catalog`],
      [404, 'environment "no-such-environment" not found'],
    ]);
  });
});
