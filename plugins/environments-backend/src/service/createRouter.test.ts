import { createTestDatabases } from '@internal/testing';
import {
  ana,
  ben,
  create,
  createReady,
  pat,
  payments,
  setupRouter,
} from '../__testUtils__/routerSetup';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const setup = (options: { deny?: string[] } = {}) =>
  setupRouter(databases, options);

describe('createRouter', () => {
  it('creates (202), provisions in the background, and shows secrets only to owners', async () => {
    const { api, h } = await setup();
    const res = await api
      .post('/environments')
      .set('Authorization', ana)
      .send(
        create({
          name: 'pr-1',
          component: 'component:default/payments-api',
          parameters: {
            db: { size: 50 },
            config: { values: { FEATURE: 'x' } },
          },
        }),
      );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      name: 'pr-1',
      status: 'requested',
      owner: payments,
      createdBy: 'user:default/ana',
    });
    await h.engine.idle();

    const mine = await api
      .get(`/environments/${res.body.id}`)
      .set('Authorization', ana);
    expect(mine.status).toBe(200);
    expect(mine.body.status).toBe('ready');
    expect(mine.body.viewer).toEqual({ isOwner: true, isPlatformTeam: false });
    expect(mine.body.resources[0].outputs).toEqual({
      LOG_LEVEL: 'info',
      FEATURE: 'x',
    });
    expect(mine.body.resources[1].secrets).toEqual({ password: 'pw-pr-1/db' });
    expect(JSON.stringify(mine.body)).not.toContain('Encrypted');

    const theirs = await api
      .get(`/environments/${res.body.id}`)
      .set('Authorization', ben);
    expect(theirs.status).toBe(200);
    expect(JSON.stringify(theirs.body)).not.toContain('pw-pr-1');

    const list = await api
      .get('/environments?scope=team&status=ready')
      .set('Authorization', ana);
    expect(list.body.totalCount).toBe(1);
    expect(list.body.items[0].resources[1]).toEqual({
      name: 'db',
      type: 'test',
      status: 'ready',
    });
    expect(JSON.stringify(list.body)).not.toContain('pw-');
    const bensTeam = await api
      .get('/environments?scope=team')
      .set('Authorization', ben);
    expect(bensTeam.body.totalCount).toBe(0);
  });

  it('answers 401 to requests without credentials and writes nothing', async () => {
    const { api, rows } = await setup();
    const before = await rows();
    expect((await api.get('/environments')).status).toBe(401);
    expect((await api.post('/environments').send(create())).status).toBe(401);
    expect((await api.get('/classes')).status).toBe(401);
    expect(await rows()).toEqual(before);
  });

  it.each([
    [{ name: 'Not_A_Label' }, 'name'],
    [{ name: 'x'.repeat(41) }, 'name'],
    [{ className: 'nope' }, 'className: unknown environment class "nope"'],
    [{ owner: 'payments' }, 'owner'],
    [{ component: 'group:default/x' }, 'component'],
    [{ ttlHours: 100 }, 'ttlHours: class "preview" allows at most 72 hours'],
    [{ ttlHours: -1 }, 'ttlHours'],
    [{ extra: 1 }, 'extra'],
    [
      { parameters: { cache: {} } },
      'parameters.cache: class "preview" has no resource "cache"',
    ],
    [
      { parameters: { app: { size: 1 } } },
      'parameters.app.size: may not be set',
    ],
    [{ parameters: { db: { size: 900 } } }, 'parameters.db.size'],
    [{ parameters: { db: { size: 'big' } } }, 'parameters.db.size'],
  ])('answers 400 naming the field for %j', async (patch, message) => {
    const { api, rows } = await setup();
    const before = await rows();
    const res = await api
      .post('/environments')
      .set('Authorization', ana)
      .send(create(patch));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect(await rows()).toEqual(before);
  });

  it('answers 400 to malformed JSON, bad queries and a bad idempotency key', async () => {
    const { api } = await setup();
    const json = await api
      .post('/environments')
      .set('Authorization', ana)
      .set('Content-Type', 'application/json')
      .send('{"className": ');
    expect(json.status).toBe(400);
    const query = await api
      .get('/environments?status=bogus')
      .set('Authorization', ana);
    expect(query.status).toBe(400);
    expect(query.body.error.message).toContain('status');
    const after = await api
      .get('/environments/x/events?after=-1')
      .set('Authorization', ana);
    expect(after.status).toBe(400);
    const key = await api
      .post('/environments')
      .set('Authorization', ana)
      .set('Idempotency-Key', 'has spaces')
      .send(create());
    expect(key.status).toBe(400);
    expect(key.body.error.message).toContain('Idempotency-Key');
  });

  it('answers 403 when the policy denies or the caller is not in the owning group, and writes nothing', async () => {
    const denied = await setup({ deny: ['environments.environment.create'] });
    const before = await denied.rows();
    const res = await denied.api
      .post('/environments')
      .set('Authorization', ana)
      .send(create());
    expect(res.status).toBe(403);
    expect(await denied.rows()).toEqual(before);

    const { api, rows } = await setup();
    const empty = await rows();
    const stranger = await api
      .post('/environments')
      .set('Authorization', ben)
      .send(create());
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.message).toContain(
      'user:default/ben is not a member of group:default/payments-team',
    );
    expect(await rows()).toEqual(empty);
  });

  it('lets only owners and the platform team extend or tear down', async () => {
    const { api, h, rows } = await setup();
    const id = await createReady(api, h, 'pr-2');
    const before = await rows();
    for (const path of ['extend', 'teardown']) {
      const res = await api
        .post(`/environments/${id}/${path}`)
        .set('Authorization', ben)
        .send(path === 'extend' ? { hours: 1 } : {});
      expect(res.status).toBe(403);
    }
    expect(await rows()).toEqual(before);

    const byPlatform = await api
      .post(`/environments/${id}/extend`)
      .set('Authorization', pat)
      .send({ hours: 2 });
    expect(byPlatform.status).toBe(200);
    const teardown = await api
      .post(`/environments/${id}/teardown`)
      .set('Authorization', ana)
      .send({ reason: 'merged' });
    expect(teardown.status).toBe(202);
    expect(teardown.body.status).toBe('tearing-down');
    await h.engine.idle();
    const gone = await api.get(`/environments/${id}`).set('Authorization', ana);
    expect(gone.body.status).toBe('torn-down');
    expect(h.driver.existing.size).toBe(0);
    const audit = await api
      .get(`/environments/${id}/audit`)
      .set('Authorization', ana);
    expect(
      audit.body.records.find((r: any) => r.action === 'teardown'),
    ).toMatchObject({ actor: 'user:default/ana', message: 'merged' });
    const again = await api
      .post(`/environments/${id}/teardown`)
      .set('Authorization', ana)
      .send({});
    expect(again.status).toBe(409);
  });

  it('answers 404 for an unknown environment or class', async () => {
    const { api } = await setup();
    for (const [method, path] of [
      ['get', '/environments/nope'],
      ['get', '/environments/nope/events'],
      ['get', '/environments/nope/audit'],
      ['post', '/environments/nope/extend'],
      ['post', '/environments/nope/teardown'],
      ['get', '/classes/nope'],
    ] as const) {
      const res = await api[method](path)
        .set('Authorization', pat)
        .send(method === 'post' && path.endsWith('extend') ? { hours: 1 } : {});
      expect([path, res.status]).toEqual([path, 404]);
    }
  });

  it('answers 409 over quota, naming the quota and the count, and writes nothing', async () => {
    const { api, h, rows } = await setup();
    for (const name of ['q1', 'q2', 'q3']) await createReady(api, h, name);
    const before = await rows();
    const res = await api
      .post('/environments')
      .set('Authorization', ana)
      .send(create({ name: 'q4' }));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      'Quota reached: group:default/payments-team has 3 active "preview" environments and the class quota (quota.activePerTeam) is 3',
    );
    expect(await rows()).toEqual(before);
  });

  it('answers 409 when an extension passes the class maximum, naming the limit', async () => {
    const { api, h, rows } = await setup();
    const id = await createReady(api, h, 'pr-3');
    const ok = await api
      .post(`/environments/${id}/extend`)
      .set('Authorization', ana)
      .send({ hours: 48 });
    expect(ok.status).toBe(200);
    expect(ok.body.expiresAt).toBe(
      new Date(h.clock.time.getTime() + 72 * 3600_000).toISOString(),
    );
    const before = await rows();
    const over = await api
      .post(`/environments/${id}/extend`)
      .set('Authorization', ana)
      .send({ hours: 1 });
    expect(over.status).toBe(409);
    expect(over.body.error.message).toContain(
      'past the class "preview" maximum of 72 hours from creation (ttl.maxHours)',
    );
    expect(await rows()).toEqual(before);
    const bad = await api
      .post(`/environments/${id}/extend`)
      .set('Authorization', ana)
      .send({ hours: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('hours');
    for (const hours of [5e-324, 0.5, 0, -1]) {
      const tiny = await api
        .post(`/environments/${id}/extend`)
        .set('Authorization', ana)
        .send({ hours });
      expect({ hours, status: tiny.status }).toEqual({ hours, status: 400 });
      expect(tiny.body.error.message).toMatch(/hours/);
    }
    expect(await rows()).toEqual(before);
  });
});
