import { ConflictError } from '@backstage/errors';
import { createTestDatabases } from '@internal/testing';
import { DatabaseEnvironmentStore } from './DatabaseEnvironmentStore';
import { DatabaseEventStore } from './DatabaseEventStore';
import { NewEnvironment } from './EnvironmentStore';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const t0 = new Date(Date.UTC(2026, 10, 24, 12));
const hours = (h: number) => new Date(t0.getTime() + h * 3600_000);

function newEnvironment(
  id: string,
  patch: Partial<NewEnvironment> = {},
): NewEnvironment {
  return {
    id,
    name: id,
    className: 'preview',
    owner: 'group:default/payments-team',
    component: 'component:default/payments-api',
    status: 'requested',
    createdBy: 'user:default/ana',
    expiresAt: hours(72),
    resources: [
      { name: 'config', type: 'config', parameters: { values: { A: '1' } } },
      { name: 'db', type: 'postgres', parameters: { sizeMb: 100 } },
    ],
    ...patch,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseEnvironmentStore on %s',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      return {
        knex,
        store: new DatabaseEnvironmentStore(knex),
        events: new DatabaseEventStore(knex),
      };
    }

    it('creates an environment with its resources in order and a first event', async () => {
      const { store, events } = await setup();
      const { environment, created } = await store.create(
        newEnvironment('pr-1'),
        { now: t0 },
      );
      expect(created).toBe(true);
      expect(environment).toMatchObject({
        id: 'pr-1',
        status: 'requested',
        createdAt: t0.toISOString(),
        expiresAt: hours(72).toISOString(),
      });
      const read = await store.get('pr-1');
      expect(read?.resources.map(r => [r.name, r.status, r.position])).toEqual([
        ['config', 'pending', 0],
        ['db', 'pending', 1],
      ]);
      expect(read?.resources[1].parameters).toEqual({ sizeMb: 100 });
      const log = await events.list('pr-1', 0, 10);
      expect(log).toEqual([
        expect.objectContaining({ kind: 'status', status: 'requested' }),
      ]);
      expect(await events.list('pr-1', log[0].id, 10)).toEqual([]);
    });

    it('returns the same environment for a repeated idempotency key, and refuses the key for another request', async () => {
      const { store, knex } = await setup();
      const idempotency = { key: 'k1', requestHash: 'h1' };
      await store.create(newEnvironment('a'), { idempotency, now: t0 });
      const again = await store.create(newEnvironment('b'), {
        idempotency,
        now: t0,
      });
      expect(again).toMatchObject({ created: false, environment: { id: 'a' } });
      await expect(
        store.create(newEnvironment('c'), {
          idempotency: { key: 'k1', requestHash: 'other' },
          now: t0,
        }),
      ).rejects.toThrow(/Idempotency-Key "k1" was already used/);
      expect(await knex('environments').count({ n: '*' })).toEqual([
        { n: databaseId.startsWith('POSTGRES') ? '1' : 1 },
      ]);
    });

    it('serialises concurrent creates with one key into one environment', async () => {
      const { store, knex } = await setup();
      const idempotency = { key: 'same', requestHash: 'h' };
      const results = await Promise.all(
        ['x1', 'x2', 'x3', 'x4', 'x5'].map(id =>
          store.create(newEnvironment(id), { idempotency, quota: 10, now: t0 }),
        ),
      );
      expect(results.filter(r => r.created)).toHaveLength(1);
      expect(new Set(results.map(r => r.environment.id)).size).toBe(1);
      const rows = await knex('environments').select('id');
      expect(rows).toHaveLength(1);
    });

    it('gives exactly one environment per key when many creates and their retries race', async () => {
      const { store, knex } = await setup();
      const attempts = Array.from({ length: 60 }, (_, i) => {
        const n = i % 20; // 20 requests, each sent 3 times
        return store.create(
          newEnvironment(`race-${i}`, {
            name: `race-${n}`,
            owner: `group:default/team-${n % 4}`,
          }),
          { idempotency: { key: `key-${n}`, requestHash: `h-${n}` }, now: t0 },
        );
      });
      const results = await Promise.all(attempts);
      expect(results.filter(r => r.created)).toHaveLength(20);
      const idsByKey = new Map<string, Set<string>>();
      results.forEach((r, i) => {
        const key = `key-${i % 20}`;
        idsByKey.set(
          key,
          (idsByKey.get(key) ?? new Set()).add(r.environment.id),
        );
      });
      expect([...idsByKey.values()].every(ids => ids.size === 1)).toBe(true);
      expect(await knex('environments').select('id')).toHaveLength(20);
      expect(await knex('environment_resources').select()).toHaveLength(40);
    });

    it('refuses a create over quota, naming the quota and the count, and writes nothing', async () => {
      const { store, knex } = await setup();
      await store.create(newEnvironment('q1'), { quota: 2, now: t0 });
      await store.create(newEnvironment('q2'), { quota: 2, now: t0 });
      const over = store.create(newEnvironment('q3'), { quota: 2, now: t0 });
      await expect(over).rejects.toThrow(ConflictError);
      await expect(over).rejects.toThrow(
        'group:default/payments-team has 2 active "preview" environments and the class quota (quota.activePerTeam) is 2',
      );
      expect(
        await knex('environment_resources').where('environment_id', 'q3'),
      ).toEqual([]);
      // Another team, or a torn-down environment, does not count.
      await store.create(
        newEnvironment('q4', { owner: 'group:default/search-team' }),
        { quota: 2, now: t0 },
      );
      await store.transition(
        'q1',
        {
          from: ['requested'],
          to: 'torn-down',
          releaseName: true,
          event: 'gone',
        },
        t0,
      );
      await expect(
        store.create(newEnvironment('q5'), { quota: 2, now: t0 }),
      ).resolves.toMatchObject({ created: true });
    });

    it('keeps concurrent creates within the quota', async () => {
      const { store, knex } = await setup();
      const attempts = await Promise.allSettled(
        [1, 2, 3, 4, 5, 6].map(i =>
          store.create(newEnvironment(`c${i}`), { quota: 3, now: t0 }),
        ),
      );
      expect(attempts.filter(a => a.status === 'fulfilled')).toHaveLength(3);
      expect(await knex('environments').select('id')).toHaveLength(3);
    });

    it('holds a name while the environment exists, and frees it once it is torn down', async () => {
      const { store } = await setup();
      await store.create(newEnvironment('e1', { name: 'shared' }), { now: t0 });
      await expect(
        store.create(newEnvironment('e2', { name: 'shared' }), { now: t0 }),
      ).rejects.toThrow(
        'name "shared" is in use by environment e1 (requested)',
      );
      await store.transition(
        'e1',
        { from: ['requested'], to: 'torn-down', releaseName: true, event: 'x' },
        t0,
      );
      await expect(
        store.create(newEnvironment('e2', { name: 'shared' }), { now: t0 }),
      ).resolves.toMatchObject({ created: true });
    });

    it('moves status only from the expected one', async () => {
      const { store, events } = await setup();
      await store.create(newEnvironment('s1'), { now: t0 });
      expect(
        await store.transition(
          's1',
          { from: ['ready'], to: 'tearing-down', event: 'no' },
          hours(1),
        ),
      ).toBeUndefined();
      const moved = await store.transition(
        's1',
        {
          from: ['requested'],
          to: 'failed',
          statusMessage: 'db (postgres): boom',
          failure: 'db (postgres): boom',
          event: 'Provisioning failed',
        },
        hours(1),
      );
      expect(moved).toMatchObject({
        status: 'failed',
        statusMessage: 'db (postgres): boom',
        failure: 'db (postgres): boom',
        updatedAt: hours(1).toISOString(),
      });
      expect((await events.list('s1', 0, 10)).map(e => e.status)).toEqual([
        'requested',
        'failed',
      ]);
    });

    it('stores resource progress, encrypted blobs and errors', async () => {
      const { store } = await setup();
      await store.create(newEnvironment('r1'), { now: t0 });
      await store.updateResource(
        'r1',
        'db',
        {
          status: 'ready',
          outputs: { host: 'localhost' },
          secretsEncrypted: 'v1:a:b:c',
          stateEncrypted: 'v1:d:e:f',
        },
        hours(1),
      );
      const db = (await store.get('r1'))!.resources[1];
      expect(db).toMatchObject({
        status: 'ready',
        outputs: { host: 'localhost' },
        secretsEncrypted: 'v1:a:b:c',
        stateEncrypted: 'v1:d:e:f',
      });
      await store.updateResource(
        'r1',
        'db',
        { status: 'torn-down', secretsEncrypted: null, error: 'x' },
        hours(2),
      );
      const after = (await store.get('r1'))!.resources[1];
      expect(after.secretsEncrypted).toBeUndefined();
      expect(after.stateEncrypted).toBe('v1:d:e:f');
      expect(after.error).toBe('x');
    });

    it('lets one worker hold the lease until it expires', async () => {
      const { store } = await setup();
      await store.create(newEnvironment('l1'), { now: t0 });
      expect(await store.claimLease('l1', 'w1', hours(1), t0)).toBe(true);
      expect(await store.claimLease('l1', 'w2', hours(1), t0)).toBe(false);
      expect(await store.findUnfinished(t0, 10)).toEqual([]);
      // w1 died: once the lease has run out, the work is findable and claimable again.
      expect(await store.findUnfinished(hours(2), 10)).toEqual(['l1']);
      expect(await store.claimLease('l1', 'w2', hours(3), hours(2))).toBe(true);
      await store.releaseLease('l1', 'w2');
      expect(await store.claimLease('l1', 'w3', hours(3), hours(2))).toBe(true);
    });

    it('renews a lease only for its holder, and never lets the same owner name claim a live lease twice', async () => {
      const { store } = await setup();
      await store.create(newEnvironment('l2'), { now: t0 });
      expect(await store.claimLease('l2', 'w1', hours(1), t0)).toBe(true);
      // A second run under the same name would otherwise work alongside the first.
      expect(await store.claimLease('l2', 'w1', hours(1), t0)).toBe(false);
      expect(await store.renewLease('l2', 'w1', hours(2))).toBe(true);
      expect(await store.findUnfinished(hours(1.5), 10)).toEqual([]);
      // w1 lagged past its lease and w2 took over: w1's renewal tells it so.
      expect(await store.claimLease('l2', 'w2', hours(4), hours(3))).toBe(true);
      expect(await store.renewLease('l2', 'w1', hours(5))).toBe(false);
      // Nor does w1 get it back once w2 has released it.
      await store.releaseLease('l2', 'w1');
      expect(await store.claimLease('l2', 'w3', hours(4), hours(3))).toBe(
        false,
      );
      await store.releaseLease('l2', 'w2');
      expect(await store.renewLease('l2', 'w1', hours(5))).toBe(false);
    });

    it('lists with filters and paging, and finds expired and expiring environments', async () => {
      const { store } = await setup();
      await store.create(newEnvironment('f1', { expiresAt: hours(10) }), {
        now: t0,
      });
      await store.create(
        newEnvironment('f2', {
          owner: 'group:default/search-team',
          className: 'sandbox',
          expiresAt: hours(30),
          template: 'template:default/environment',
        }),
        { now: hours(1) },
      );
      await store.transition(
        'f1',
        { from: ['requested'], to: 'ready', event: 'ready' },
        t0,
      );
      const all = await store.list({}, { limit: 10, offset: 0 });
      expect(all.totalCount).toBe(2);
      expect(all.items.map(e => e.id)).toEqual(['f2', 'f1']);
      expect(all.items[0].resources).toHaveLength(2);
      const page = await store.list({}, { limit: 1, offset: 1 });
      expect(page).toMatchObject({ totalCount: 2, items: [{ id: 'f1' }] });
      expect(
        (
          await store.list(
            {
              owners: ['group:default/payments-team'],
              statuses: ['ready'],
              classNames: ['preview'],
              expiringBefore: hours(20),
            },
            { limit: 10, offset: 0 },
          )
        ).items.map(e => e.id),
      ).toEqual(['f1']);
      expect(
        (
          await store.list(
            { createdBy: 'user:default/ben' },
            { limit: 10, offset: 0 },
          )
        ).totalCount,
      ).toBe(0);

      expect(
        (await store.findExpiringUnnotified(t0, hours(24), 10)).map(e => e.id),
      ).toEqual(['f1']);
      expect(await store.markExpiryNotified('f1', t0)).toBe(true);
      expect(await store.markExpiryNotified('f1', t0)).toBe(false);
      expect(await store.findExpiringUnnotified(t0, hours(24), 10)).toEqual([]);
      expect(await store.setExpiry('f1', hours(40), ['ready'], t0)).toBe(true);
      expect(
        (await store.findExpiringUnnotified(hours(20), hours(44), 10)).map(
          e => e.id,
        ),
      ).toEqual(['f1']);
      expect((await store.findExpired(hours(41), 10)).map(e => e.id)).toEqual([
        'f1',
      ]);

      const usage = await store.usage();
      expect(usage.classes).toEqual([
        {
          key: 'preview',
          total: 1,
          active: 1,
          failed: 0,
          byStatus: { ready: 1 },
        },
        {
          key: 'sandbox',
          total: 1,
          active: 1,
          failed: 0,
          byStatus: { requested: 1 },
        },
      ]);
      expect(usage.templates.map(t => t.key)).toEqual([
        'template:default/environment',
      ]);
    });

    it('keeps the audit per environment and per team', async () => {
      const { events } = await setup();
      const base = {
        environmentName: 'pr-1',
        actor: 'user:default/ana',
        outcome: 'succeeded' as const,
      };
      await events.audit(
        {
          ...base,
          environmentId: 'e1',
          owner: 'group:default/payments-team',
          action: 'create',
        },
        t0,
      );
      await events.audit(
        {
          ...base,
          environmentId: 'e1',
          owner: 'group:default/payments-team',
          action: 'extend',
          message: 'to 2026-11-28',
        },
        hours(1),
      );
      await events.audit(
        {
          ...base,
          environmentId: 'e2',
          owner: 'group:default/search-team',
          action: 'create',
        },
        t0,
      );
      expect(
        (await events.listAudit({ environmentId: 'e1' }, 10)).map(
          r => r.action,
        ),
      ).toEqual(['extend', 'create']);
      expect(
        await events.listAudit({ owner: 'group:default/search-team' }, 10),
      ).toEqual([
        expect.objectContaining({
          environmentId: 'e2',
          action: 'create',
          at: t0.toISOString(),
        }),
      ]);
    });
  },
);
