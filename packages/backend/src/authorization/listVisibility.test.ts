import { mockCredentials } from '@backstage/backend-test-utils';
import { startAuthorizationBackend } from './__testUtils__/authorizationBackend';

jest.setTimeout(240_000);

/**
 * With `permission.runway.visibility: owners`, a list holds only the rows the caller may read:
 * the policy's conditional decision becomes a where clause in the plugin's database, so pages
 * and totals never show (or count) another team's rows.
 */
let backend: Awaited<ReturnType<typeof startAuthorizationBackend>>;
const as = (user: string) => mockCredentials.user.header(user);
const payments = 'user:default/maria.silva';
const search = 'user:default/daniel.kim';
const platform = 'user:default/alex.moreno';

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

beforeAll(async () => {
  backend = await startAuthorizationBackend({ visibility: 'owners' });
  await eventually('the example organisation in the catalog', async () => {
    const res = await backend.api
      .get('/api/catalog/entities/by-name/user/default/daniel.kim')
      .set('Authorization', mockCredentials.service.header());
    return res.status === 200 || undefined;
  });
  for (const [user, owner, name] of [
    [payments, 'group:default/payments-team', 'payments-preview'],
    [search, 'group:default/search-team', 'search-preview'],
  ]) {
    const res = await backend.api
      .post('/api/environments/environments')
      .set('Authorization', as(user))
      .send({ className: 'sandbox', owner, name });
    if (res.status !== 202) {
      throw new Error(
        `creating ${name}: ${res.status} ${JSON.stringify(res.body)}`,
      );
    }
  }
  // Readiness evaluated an empty catalog at start; evaluate what the catalog holds now.
  await eventually("both teams' services in the catalog", async () => {
    const res = await backend.api
      .get('/api/catalog/entities/by-name/component/default/search-api')
      .set('Authorization', mockCredentials.service.header());
    return res.status === 200 || undefined;
  });
  const evaluated = await backend.api
    .post('/api/readiness/evaluate')
    .set('Authorization', as(platform))
    .send({});
  if (evaluated.status >= 300) {
    throw new Error(
      `evaluate: ${evaluated.status} ${JSON.stringify(evaluated.body)}`,
    );
  }
  await eventually('scorecards of both teams', async () => {
    const res = await backend.api
      .get('/api/readiness/overview?limit=500')
      .set('Authorization', as(platform));
    const owners = new Set(res.body.rows?.map((r: any) => r.owner));
    return (
      (owners.has('group:default/payments-team') &&
        owners.has('group:default/search-team')) ||
      undefined
    );
  });
});

afterAll(async () => {
  await backend?.stop();
});

describe('lists under visibility: owners', () => {
  it('show each team its own environments, and the platform team all of them', async () => {
    const names = async (user: string) => {
      const res = await backend.api
        .get('/api/environments/environments?limit=100')
        .set('Authorization', as(user));
      expect(res.status).toBe(200);
      return {
        names: res.body.items.map((e: any) => e.name).sort(),
        total: res.body.totalCount,
      };
    };
    expect(await names(payments)).toEqual({
      names: ['payments-preview'],
      total: 1,
    });
    expect(await names(search)).toEqual({
      names: ['search-preview'],
      total: 1,
    });
    expect(await names(platform)).toEqual({
      names: ['payments-preview', 'search-preview'],
      total: 2,
    });
  });

  it('show each team only its own scorecards in the readiness overview and rollups', async () => {
    const overview = async (user: string) => {
      const res = await backend.api
        .get('/api/readiness/overview?limit=500')
        .set('Authorization', as(user));
      expect(res.status).toBe(200);
      return {
        owners: [...new Set(res.body.rows.map((r: any) => r.owner))],
        total: res.body.total,
        rows: res.body.rows.length,
      };
    };
    const mine = await overview(search);
    expect(mine.owners).toEqual(['group:default/search-team']);
    expect(mine.total).toBe(mine.rows);
    const all = await overview(platform);
    expect(all.owners.length).toBeGreaterThan(2);
    expect(all.total).toBeGreaterThan(mine.total);

    const rollups = await backend.api
      .get('/api/readiness/rollups?groupBy=owner')
      .set('Authorization', as(payments));
    expect(rollups.body.rollups.map((r: any) => r.owner)).toEqual([
      'group:default/payments-team',
    ]);
  });

  it('still answers a single scorecard only to its owners', async () => {
    const path = '/api/readiness/scorecards/component/default/payments-api';
    const theirs = await backend.api.get(path).set('Authorization', as(search));
    const mine = await backend.api.get(path).set('Authorization', as(payments));
    expect([theirs.status, mine.status]).toEqual([403, 200]);
  });
});
