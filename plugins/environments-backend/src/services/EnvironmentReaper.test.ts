import { createTestDatabases } from '@internal/testing';
import { createHarness, request } from '../__testUtils__/harness';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ana = 'user:default/ana';
const HOUR = 3600_000;

describe('EnvironmentReaper', () => {
  it('tells the owning group once, a day before expiry, and again after an extension', async () => {
    const h = await createHarness(databases);
    const { environment } = await h.service.create(
      request({ name: 'pr-1' }) as any, // default TTL 24 h
      ana,
    );
    await h.engine.idle();
    h.clock.advance(HOUR); // 23 h left
    expect(await h.reaper.notifyExpiring()).toBe(1);
    expect(await h.reaper.notifyExpiring()).toBe(0);
    expect(h.notificationsSent).toEqual([
      expect.objectContaining({
        recipients: {
          type: 'entity',
          entityRef: 'group:default/payments-team',
        },
        payload: expect.objectContaining({
          title: 'Environment pr-1 expires in about 23 hours',
          link: `/environments/${environment.id}`,
          topic: 'environment-expiry',
        }),
      }),
    ]);
    // Extended past the notice window, it is told again when the new expiry comes near.
    await h.service.extend(environment.id, 24, ana);
    expect(await h.reaper.notifyExpiring()).toBe(0);
    h.clock.advance(24 * HOUR);
    expect(await h.reaper.notifyExpiring()).toBe(1);
  });

  it('tears expired environments down and drops expired requests, leaving the rest', async () => {
    const h = await createHarness(databases);
    const expiring = await h.service.create(
      request({ name: 'old' }) as any,
      ana,
    );
    const pending = await h.service.create(
      {
        className: 'sandbox',
        owner: 'group:default/payments-team',
        parameters: {},
        ttlHours: 10,
      },
      ana,
    );
    await h.engine.idle();
    h.clock.advance(12 * HOUR);
    const fresh = await h.service.create(request({ name: 'new' }) as any, ana);
    await h.engine.idle();

    h.clock.advance(13 * HOUR); // "old" expired at 24 h, "new" lives until 36 h
    expect(await h.reaper.reap()).toBe(2);

    const old = await h.service.get(expiring.environment.id);
    expect(old.status).toBe('torn-down');
    expect(old.statusMessage).toMatch(/^Expired at /);
    expect([...h.driver.existing].sort()).toEqual(['new/app', 'new/db']);
    expect((await h.service.get(pending.environment.id)).status).toBe(
      'torn-down',
    );
    expect((await h.service.get(fresh.environment.id)).status).toBe('ready');
    const audit = await h.events.listAudit(
      { environmentId: expiring.environment.id },
      10,
    );
    expect(audit.map(a => [a.action, a.actor])).toEqual([
      ['torn-down', 'runway:environments'],
      ['expired', 'runway:environments'],
      ['provisioned', 'runway:environments'],
      ['create', ana],
    ]);
    expect(await h.reaper.reap()).toBe(0);
  });
});

describe('EnvironmentsService lifecycle rules', () => {
  it('refuses to tear down while provisioning, and withdraws a request awaiting approval', async () => {
    const h = await createHarness(databases);
    h.engine.stop(); // keep it in `requested`
    const { environment } = await h.service.create(
      request({ name: 'busy' }) as any,
      ana,
    );
    await expect(h.service.teardown(environment.id, ana)).rejects.toThrow(
      'environment "busy" is requested; tear it down once it is ready or failed',
    );
    const pending = await h.service.create(
      {
        className: 'sandbox',
        owner: 'group:default/payments-team',
        parameters: {},
      },
      ana,
    );
    const withdrawn = await h.service.teardown(
      pending.environment.id,
      ana,
      'not needed',
    );
    expect(withdrawn).toMatchObject({
      status: 'torn-down',
      statusMessage: 'Request withdrawn by user:default/ana: not needed',
    });
    expect(h.driver.calls).toEqual([]);
    await expect(h.service.extend(withdrawn.id, 1, ana)).rejects.toThrow(
      `environment "${withdrawn.name}" is torn-down`,
    );
  });
});
