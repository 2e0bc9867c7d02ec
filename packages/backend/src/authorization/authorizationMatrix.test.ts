import { Knex } from 'knex';
import { startAuthorizationBackend } from './__testUtils__/authorizationBackend';
import {
  authorizationCases,
  fixtures,
  header,
  Request,
  Role,
  ROLES,
  SERVICE,
} from './__testUtils__/authorizationCases';

jest.setTimeout(240_000);

/**
 * Roles x actions x allow/deny across every mutating endpoint of Runway's plugins (and the
 * catalog's unregister, which Runway's policy also decides), against the real backend: the real
 * permission backend running Runway's policy, real plugins, real databases, the example
 * organisation. A denied action must leave the plugin's rows exactly as they were.
 */

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
  // Requested by the owner: nobody approves their own request, the platform team included.
  for (const name of ['matrix-approve', 'matrix-reject']) {
    const pending = await as(
      'owner',
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

const cases = authorizationCases({ api: () => backend.api, db });

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
