import { createTestDatabases } from '@internal/testing';
import { createHarness, request } from '../__testUtils__/harness';
import { RecordingDriver } from '../__testUtils__/RecordingDriver';
import { ResourcePatch } from '../database/EnvironmentStore';
import { ProvisioningEngine } from './ProvisioningEngine';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ana = 'user:default/ana';

async function statusesOf(
  h: Awaited<ReturnType<typeof createHarness>>,
  id: string,
) {
  return (await h.events.list(id, 0, 1000))
    .filter(e => e.kind === 'status')
    .map(e => e.status);
}

describe('ProvisioningEngine', () => {
  it('provisions resources in class order to ready, with secrets and state encrypted at rest', async () => {
    const h = await createHarness(databases);
    const { environment, created } = await h.service.create(
      request({ name: 'pr-1', parameters: { db: { size: 20 } } }) as any,
      ana,
    );
    expect(created).toBe(true);
    expect(environment.status).toBe('requested');
    await h.engine.idle();

    const ready = await h.service.get(environment.id);
    expect(ready.status).toBe('ready');
    expect(ready.resources.map(r => [r.name, r.status])).toEqual([
      ['config', 'ready'],
      ['db', 'ready'],
      ['app', 'ready'],
    ]);
    expect(ready.resources[1].parameters).toEqual({ size: 20 });
    expect(ready.resources[0].outputs).toEqual({ LOG_LEVEL: 'info' });
    expect(h.driver.calls.map(c => `${c.op}:${c.resource}`)).toEqual([
      'provision:db',
      'provision:app',
    ]);
    expect([...h.driver.existing].sort()).toEqual(['pr-1/app', 'pr-1/db']);
    expect(await statusesOf(h, environment.id)).toEqual([
      'requested',
      'provisioning',
      'ready',
    ]);

    // Secrets and driver state are only stored encrypted, and decrypt to what the driver gave.
    const rows = await h.knex('environment_resources').where({
      environment_id: environment.id,
      name: 'db',
    });
    expect(JSON.stringify(rows)).not.toContain('pw-pr-1/db');
    expect(rows[0].secrets_encrypted).toMatch(/^v1:/);
    expect(h.box.decrypt(rows[0].secrets_encrypted)).toEqual({
      password: 'pw-pr-1/db',
    });
    expect(h.box.decrypt(rows[0].state_encrypted)).toEqual({
      made: 'pr-1/db',
    });
    const config = ready.resources[0];
    expect(
      Object.keys(h.box.decrypt<object>(config.secretsEncrypted!)),
    ).toEqual(['API_TOKEN']);
    expect(
      (await h.events.listAudit({ environmentId: environment.id }, 10)).map(
        a => a.action,
      ),
    ).toEqual(['provisioned', 'create']);
  });

  it('rolls back what was made when a resource fails, and ends failed with the driver message', async () => {
    const h = await createHarness(databases);
    h.driver.failProvision.add('app');
    const { environment } = await h.service.create(
      request({ name: 'pr-2' }) as any,
      ana,
    );
    await h.engine.idle();

    const failed = await h.service.get(environment.id);
    expect(failed.status).toBe('failed');
    expect(failed.statusMessage).toBe(
      'Provisioning failed: app (test): app exploded; what was made has been removed',
    );
    expect(failed.resources.map(r => [r.name, r.status])).toEqual([
      ['config', 'torn-down'],
      ['db', 'torn-down'],
      ['app', 'torn-down'],
    ]);
    expect(failed.resources[2].error).toBe('app exploded');
    // Made in order, removed in reverse, including the one that failed half-way.
    expect(h.driver.calls.map(c => `${c.op}:${c.resource}`)).toEqual([
      'provision:db',
      'provision:app',
      'teardown:app',
      'teardown:db',
    ]);
    expect(h.driver.existing.size).toBe(0);
    expect(await statusesOf(h, environment.id)).toEqual([
      'requested',
      'provisioning',
      'tearing-down',
      'failed',
    ]);
    // The name is free again: nothing of the environment exists.
    await expect(
      h.service.create(request({ name: 'pr-2' }) as any, ana),
    ).resolves.toMatchObject({ created: true });
  });

  it('fails an environment whose resource type has no driver, and rolls back', async () => {
    const h = await createHarness(databases, {
      classes: [
        {
          id: 'odd',
          title: 'Odd',
          ttl: { defaultHours: 1, maxHours: 2 },
          resources: [{ name: 'db', type: 'test' }],
        },
      ],
    });
    const { environment } = await h.service.create(
      { className: 'odd', owner: 'group:default/a', parameters: {} },
      ana,
    );
    h.drivers.delete('test');
    await h.engine.idle();
    expect((await h.service.get(environment.id)).statusMessage).toContain(
      'no driver registered for resource type "test"',
    );
  });

  it('resumes provisioning after a crash from the saved state, without making anything twice', async () => {
    const h = await createHarness(databases);
    h.driver.crashAfterCreate.add('db');
    const { environment } = await h.service.create(
      request({ name: 'pr-3' }) as any,
      ana,
    );
    // Let the first worker get stuck inside the driver, then "kill" it.
    await waitFor(() => h.driver.creations.get('pr-3/db') === 1);
    h.engine.stop();
    h.driver.crashAfterCreate.clear();

    // Another replica (or the restarted backend) finds it once the dead worker's lease ran out.
    const other = h.engineFor('worker-2');
    expect(await other.resumeUnfinished()).toBe(0);
    h.clock.advance(61_000);
    expect(await other.resumeUnfinished()).toBe(1);
    await other.idle();

    const ready = await h.service.get(environment.id);
    expect(ready.status).toBe('ready');
    expect(h.driver.creations.get('pr-3/db')).toBe(1);
    const dbCalls = h.driver.calls.filter(c => c.resource === 'db');
    expect(dbCalls).toEqual([
      { op: 'provision', resource: 'db', state: undefined },
      { op: 'provision', resource: 'db', state: { made: 'pr-3/db' } },
    ]);
    const log = (await h.events.list(environment.id, 0, 100)).map(
      e => e.message,
    );
    expect(log).toContain('Provisioning db (test), resuming from saved state');
  });

  it('starts an environment whose create was recorded but never started (crash right after the request)', async () => {
    const h = await createHarness(databases);
    h.engine.stop(); // the request is recorded, the background work never runs
    const { environment } = await h.service.create(
      request({ name: 'pr-4' }) as any,
      ana,
    );
    expect((await h.service.get(environment.id)).status).toBe('requested');
    const worker2 = h.engineFor('worker-2');
    await worker2.resumeUnfinished();
    await worker2.idle();
    expect((await h.service.get(environment.id)).status).toBe('ready');
  });

  it('resumes a teardown after a crash, leaving nothing behind', async () => {
    const h = await createHarness(databases);
    const { environment } = await h.service.create(
      request({ name: 'pr-5' }) as any,
      ana,
    );
    await h.engine.idle();
    h.driver.crashInTeardown.add('app');
    await h.service.teardown(environment.id, ana);
    await waitFor(() => !h.driver.existing.has('pr-5/app'));
    h.engine.stop();
    h.driver.crashInTeardown.clear();
    expect((await h.service.get(environment.id)).status).toBe('tearing-down');

    h.clock.advance(61_000);
    const worker2 = h.engineFor('worker-2');
    await worker2.resumeUnfinished();
    await worker2.idle();
    const gone = await h.service.get(environment.id);
    expect(gone.status).toBe('torn-down');
    expect(gone.resources.every(r => r.status === 'torn-down')).toBe(true);
    expect(h.driver.existing.size).toBe(0);
    // Secrets and state are dropped with the resource.
    const rows = await h.knex('environment_resources').where({
      environment_id: environment.id,
    });
    expect(rows.map(r => [r.secrets_encrypted, r.state_encrypted])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  it('ends failed when a teardown fails, and a second teardown finishes it', async () => {
    const h = await createHarness(databases);
    const { environment } = await h.service.create(
      request({ name: 'pr-6' }) as any,
      ana,
    );
    await h.engine.idle();
    h.driver.failTeardown.add('db');
    await h.service.teardown(environment.id, ana, 'done with it');
    await h.engine.idle();
    const stuck = await h.service.get(environment.id);
    expect(stuck.status).toBe('failed');
    expect(stuck.statusMessage).toBe(
      'Teardown failed: db (test): db refused to go; tear down again to retry',
    );
    expect([...h.driver.existing]).toEqual(['pr-6/db']);

    h.driver.failTeardown.clear();
    await h.service.teardown(environment.id, ana);
    await h.engine.idle();
    expect((await h.service.get(environment.id)).status).toBe('torn-down');
    expect(h.driver.existing.size).toBe(0);
  });

  it('keeps a second worker off an environment another worker holds', async () => {
    const h = await createHarness(databases, { driver: new RecordingDriver() });
    h.driver.crashBeforeCreate.add('db');
    await h.service.create(request({ name: 'pr-7' }) as any, ana);
    await waitFor(() => h.driver.calls.length === 1);
    // The first worker is alive (its lease is current): nothing to resume.
    expect(await h.engineFor('worker-2').resumeUnfinished()).toBe(0);
    expect(h.driver.calls).toHaveLength(1);
    h.engine.stop();
  });
});

describe('ProvisioningEngine leases', () => {
  const steps = (h: Awaited<ReturnType<typeof createHarness>>) =>
    h.driver.calls.map(c => `${c.op}:${c.resource}`);
  const inAMinute = (h: Awaited<ReturnType<typeof createHarness>>) =>
    new Date(h.clock.now().getTime() + 60_000);

  it('stops a worker whose lease was taken over before its next step, and it records nothing of the step it was in', async () => {
    const h = await createHarness(databases);
    const release = h.driver.hold('db');
    const { environment } = await h.service.create(
      request({ name: 'pr-8' }) as any,
      ana,
    );
    await waitFor(() => h.driver.calls.length === 1);
    // worker-1's heartbeats lagged past its lease, and worker-2 took the environment over.
    h.clock.advance(61_000);
    expect(
      await h.store.claimLease(
        environment.id,
        'worker-2',
        inAMinute(h),
        h.clock.now(),
      ),
    ).toBe(true);
    release();
    await h.engine.idle();

    expect(steps(h)).toEqual(['provision:db']);
    const stored = await h.service.get(environment.id);
    expect(stored.status).toBe('provisioning');
    expect(stored.resources.map(r => [r.name, r.status])).toEqual([
      ['config', 'ready'],
      ['db', 'provisioning'],
      ['app', 'pending'],
    ]);
    // worker-1 left worker-2's lease alone.
    expect(
      await h.store.claimLease(
        environment.id,
        'worker-3',
        inAMinute(h),
        h.clock.now(),
      ),
    ).toBe(false);
  });

  it('stops when it cannot renew its lease, and another worker finishes once the lease ran out', async () => {
    const h = await createHarness(databases);
    h.engine.stop();
    const { environment } = await h.service.create(
      request({ name: 'pr-9' }) as any,
      ana,
    );
    // A store whose lease calls fail once told to (the database went away for this worker).
    let renewalsFail = false;
    const store = Object.create(h.store) as typeof h.store;
    store.renewLease = (...args) =>
      renewalsFail
        ? Promise.reject(new Error('connection terminated'))
        : h.store.renewLease(...args);
    store.releaseLease = (...args) =>
      renewalsFail
        ? Promise.reject(new Error('connection terminated'))
        : h.store.releaseLease(...args);
    const engine = new ProvisioningEngine({
      store,
      events: h.events,
      drivers: h.drivers,
      box: h.box,
      logger: h.logger,
      now: h.clock.now,
      workerId: 'worker-flaky',
      leaseMs: 60_000,
    });
    const release = h.driver.hold('db');
    const run = engine.run(environment.id);
    await waitFor(() => h.driver.calls.length === 1);
    renewalsFail = true;
    release();
    await run;
    expect(steps(h)).toEqual(['provision:db']);
    expect((await h.service.get(environment.id)).resources[1].status).toBe(
      'provisioning',
    );

    const other = h.engineFor('worker-2');
    expect(await other.resumeUnfinished()).toBe(0);
    h.clock.advance(61_000);
    expect(await other.resumeUnfinished()).toBe(1);
    await other.idle();
    expect((await h.service.get(environment.id)).status).toBe('ready');
    expect(steps(h)).toEqual(['provision:db', 'provision:db', 'provision:app']);
    expect(h.driver.creations.get('pr-9/db')).toBe(1);
  });

  // The race the renewal before every step leaves open: another run takes the environment over
  // between this run's renewal and its write. Every write of the engine (and a driver's saved
  // state) is conditioned on the lease, so it writes nothing and stops.
  it.each([
    [
      'the driver saves its state',
      (p: ResourcePatch) => !!p.stateEncrypted,
      true,
    ],
    [
      'the engine records the resource ready',
      (p: ResourcePatch) => p.status === 'ready',
      false,
    ],
  ])(
    'writes nothing once another run took the lease over just before %s',
    async (_, isTheWrite, stateLost) => {
      const h = await createHarness(databases);
      h.engine.stop();
      const { environment } = await h.service.create(
        request({ name: 'pr-race' }) as any,
        ana,
      );
      let takenOver = false;
      const store = Object.create(h.store) as typeof h.store;
      store.updateResource = async (id, name, patch, now, leaseOwner) => {
        if (!takenOver && name === 'db' && isTheWrite(patch)) {
          // This run's lease lapsed unnoticed, and worker-2 took the environment over.
          h.clock.advance(61_000);
          takenOver = await h.store.claimLease(
            id,
            'worker-2',
            inAMinute(h),
            h.clock.now(),
          );
        }
        return h.store.updateResource(id, name, patch, now, leaseOwner);
      };
      const engine = new ProvisioningEngine({
        store,
        events: h.events,
        drivers: h.drivers,
        box: h.box,
        logger: h.logger,
        now: h.clock.now,
        workerId: 'worker-1',
        leaseMs: 60_000,
      });
      await engine.run(environment.id);

      expect(takenOver).toBe(true);
      const [db] = await h.knex('environment_resources').where({
        environment_id: environment.id,
        name: 'db',
      });
      expect(db.status).toBe('provisioning');
      // Its saved state only when it saved it while it held the lease.
      expect(db.state_encrypted === null).toBe(stateLost);
      expect(db.secrets_encrypted).toBeNull();
      const stored = await h.service.get(environment.id);
      expect(stored.status).toBe('provisioning');
      expect(stored.resources[2].status).toBe('pending');
      expect(steps(h)).toEqual(['provision:db']);
      // A lost lease is not an error to log, and worker-2's lease was left alone.
      expect(h.logger.error).not.toHaveBeenCalled();
      expect(
        await h.store.claimLease(
          environment.id,
          'worker-3',
          inAMinute(h),
          h.clock.now(),
        ),
      ).toBe(false);
    },
  );

  it('never runs one environment twice at once when the same engine is asked again while it works on it', async () => {
    const h = await createHarness(databases);
    const { environment } = await h.service.create(
      request({ name: 'pr-10' }) as any,
      ana,
    );
    await h.engine.idle();
    const release = h.driver.hold('app');
    await h.service.teardown(environment.id, ana);
    await waitFor(() => steps(h).includes('teardown:app'));
    // Asked again while the teardown waits in the driver: a second start, and the resume
    // task of the same replica once the clock has passed the lease (heartbeats lagging).
    h.engine.start(environment.id);
    h.clock.advance(61_000);
    const resumed = h.engine.resumeUnfinished();
    // Room for a second run to reach the driver, which it must not.
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(steps(h).filter(s => s.startsWith('teardown'))).toEqual([
      'teardown:app',
    ]);
    release();
    await resumed;
    await h.engine.idle();

    expect((await h.service.get(environment.id)).status).toBe('torn-down');
    expect(h.driver.overlaps).toEqual([]);
    expect(steps(h).filter(s => s.startsWith('teardown'))).toEqual([
      'teardown:app',
      'teardown:db',
    ]);
    expect(await statusesOf(h, environment.id)).toEqual([
      'requested',
      'provisioning',
      'ready',
      'tearing-down',
      'torn-down',
    ]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 10));
  }
}
