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

describe('createRouter: retries, approvals, logs and classes', () => {
  it('returns the same environment for a retried Idempotency-Key (200), and 409 for another body', async () => {
    const { api, h } = await setup();
    const first = await api
      .post('/environments')
      .set('Authorization', ana)
      .set('Idempotency-Key', 'pr-77-attempt')
      .send(create({ name: 'pr-77' }));
    expect(first.status).toBe(202);
    const retry = await api
      .post('/environments')
      .set('Authorization', ana)
      .set('Idempotency-Key', 'pr-77-attempt')
      .send(create({ name: 'pr-77' }));
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    const other = await api
      .post('/environments')
      .set('Authorization', ana)
      .set('Idempotency-Key', 'pr-77-attempt')
      .send(create({ name: 'pr-78' }));
    expect(other.status).toBe(409);
    await h.engine.idle();
    expect(await h.knex('environments').select('id')).toHaveLength(1);
    // Without a key, a second create of the same name is a conflict on the name.
    const sameName = await api
      .post('/environments')
      .set('Authorization', ana)
      .send(create({ name: 'pr-77' }));
    expect(sameName.status).toBe(409);
    expect(sameName.body.error.message).toContain('name "pr-77" is in use');
  });

  it('sends classes requiring approval to the platform team, who approve or reject with a reason', async () => {
    const { api, h, rows } = await setup();
    const requested = await api
      .post('/environments')
      .set('Authorization', ana)
      .send({ className: 'sandbox', owner: payments, name: 'sb-1' });
    expect(requested.status).toBe(202);
    expect(requested.body.status).toBe('awaiting-approval');
    await h.engine.idle();
    expect(h.driver.calls).toEqual([]);
    const id = requested.body.id;

    const before = await rows();
    const byOwner = await api
      .post(`/environments/${id}/approve`)
      .set('Authorization', ana)
      .send({});
    expect(byOwner.status).toBe(403);
    expect(byOwner.body.error.message).toContain(
      'only members of group:default/platform-team may approve',
    );
    const noReason = await api
      .post(`/environments/${id}/reject`)
      .set('Authorization', pat)
      .send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('reason');
    expect(await rows()).toEqual(before);

    const approved = await api
      .post(`/environments/${id}/approve`)
      .set('Authorization', pat)
      .send({ reason: 'ok for the load test' });
    expect(approved.status).toBe(202);
    await h.engine.idle();
    const ready = await api
      .get(`/environments/${id}`)
      .set('Authorization', ana);
    expect(ready.body).toMatchObject({
      status: 'ready',
      approval: { decision: 'approved', decidedBy: 'user:default/pat' },
    });
    const twice = await api
      .post(`/environments/${id}/approve`)
      .set('Authorization', pat)
      .send({});
    expect(twice.status).toBe(409);

    const second = await api
      .post('/environments')
      .set('Authorization', ana)
      .send({ className: 'sandbox', owner: payments, name: 'sb-2' });
    const rejected = await api
      .post(`/environments/${second.body.id}/reject`)
      .set('Authorization', pat)
      .send({ reason: 'use a preview environment' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      statusMessage: 'Rejected by user:default/pat: use a preview environment',
    });
  });

  it('refuses an approval by the person who requested the environment (four eyes)', async () => {
    const { api, h, rows } = await setup();
    const requested = await api
      .post('/environments')
      .set('Authorization', pat)
      .send({
        className: 'sandbox',
        owner: 'group:default/platform-team',
        name: 'sb-own',
      });
    expect(requested.body.status).toBe('awaiting-approval');
    const before = await rows();
    const own = await api
      .post(`/environments/${requested.body.id}/approve`)
      .set('Authorization', pat)
      .send({});
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain(
      'was requested by user:default/pat: someone else on the platform team must approve it',
    );
    await h.engine.idle();
    expect(await rows()).toEqual(before);
    expect(h.driver.calls).toEqual([]);
  });

  it('follows the log with ?after=, and keeps the audit per environment and per team', async () => {
    const { api, h } = await setup();
    const id = await createReady(api, h, 'pr-4');
    const all = await api
      .get(`/environments/${id}/events`)
      .set('Authorization', ana);
    expect(all.status).toBe(200);
    expect(all.body.status).toBe('ready');
    const messages = all.body.events.map((e: any) => e.message);
    expect(messages[0]).toBe('Requested by user:default/ana');
    expect(messages).toContain('Provisioning db (test)');
    expect(messages[messages.length - 1]).toBe('Ready');
    const lastId = all.body.events[all.body.events.length - 1].id;
    await api
      .post(`/environments/${id}/extend`)
      .set('Authorization', ana)
      .send({ hours: 1 });
    const next = await api
      .get(`/environments/${id}/events?after=${lastId}`)
      .set('Authorization', ana);
    expect(next.body.events).toEqual([
      expect.objectContaining({
        kind: 'log',
        message: expect.stringContaining('Extended by 1 hours'),
      }),
    ]);

    const audit = await api
      .get(`/environments/${id}/audit`)
      .set('Authorization', ana);
    expect(audit.body.records.map((r: any) => [r.action, r.actor])).toEqual([
      ['extend', 'user:default/ana'],
      ['provisioned', 'runway:environments'],
      ['create', 'user:default/ana'],
    ]);
    const team = await api
      .get(`/audit?owner=${payments}`)
      .set('Authorization', ana);
    expect(team.body.records).toHaveLength(3);
    const notTheirs = await api
      .get(`/audit?owner=${payments}`)
      .set('Authorization', ben);
    expect(notTheirs.status).toBe(403);
    const missing = await api.get('/audit').set('Authorization', ana);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('owner');
  });

  it('reports classes with their problems and drivers, and usage per class', async () => {
    const { api, h } = await setup();
    await createReady(api, h, 'pr-5');
    h.driver.failProvision.add('db');
    await api
      .post('/environments')
      .set('Authorization', ana)
      .send(create({ name: 'pr-6' }));
    await h.engine.idle();
    const classes = await api.get('/classes').set('Authorization', ben);
    expect(classes.status).toBe(200);
    expect(classes.body.classes.map((c: any) => c.id)).toEqual([
      'preview',
      'sandbox',
    ]);
    expect(classes.body.problems).toEqual([]);
    expect(classes.body.drivers.map((d: any) => d.type)).toEqual([
      'config',
      'test',
    ]);
    const usage = await api.get('/usage').set('Authorization', ben);
    expect(usage.body.classes).toEqual([
      {
        key: 'preview',
        total: 2,
        active: 1,
        failed: 1,
        byStatus: { ready: 1, failed: 1 },
      },
    ]);
  });
});
