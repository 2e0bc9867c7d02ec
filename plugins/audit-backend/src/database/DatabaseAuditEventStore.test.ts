import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '@internal/testing';
import { auditRecord } from '../__testUtils__/records';
import { DatabaseAuditEventStore } from './DatabaseAuditEventStore';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const at = (minute: number) =>
  new Date(Date.UTC(2026, 11, 1, 10, minute, 0, 0));

describe.each(databases.eachSupportedId())(
  'DatabaseAuditEventStore on %s',
  id => {
    async function createStore() {
      const knex = await databases.init(id);
      await applyDatabaseMigrations(knex);
      return { knex, store: new DatabaseAuditEventStore(knex) };
    }

    it('gives an initiated event its outcome on the same row, in either order', async () => {
      const { knex, store } = await createStore();
      await store.write([auditRecord({ id: 'a', createdAt: at(0) })]);
      await store.write([
        auditRecord({
          id: 'a',
          status: 'failed',
          error: 'ConflictError: pr-42 exists',
          meta: { environment: 'pr-42', extra: true },
          createdAt: at(1),
          completedAt: at(1),
        }),
        auditRecord({
          id: 'b',
          status: 'succeeded',
          createdAt: at(2),
          completedAt: at(2),
        }),
      ]);
      // b's initiated record arrives late: the outcome stays.
      await store.write([auditRecord({ id: 'b', createdAt: at(2) })]);

      expect((await knex('audit_events').pluck('id')).sort()).toEqual([
        'a',
        'b',
      ]);
      const { events } = await store.list({ limit: 10 });
      expect(events).toEqual([
        expect.objectContaining({ id: 'b', status: 'succeeded' }),
        {
          id: 'a',
          plugin: 'environments',
          eventId: 'environment-create',
          severityLevel: 'medium',
          status: 'failed',
          actor: {
            actorId: 'user:default/ana',
            ip: '10.0.0.7',
            userAgent: 'Mozilla/5.0',
          },
          request: { method: 'POST', url: '/api/environments/environments' },
          meta: { environment: 'pr-42', extra: true },
          error: 'ConflictError: pr-42 exists',
          createdAt: at(0).toISOString(),
          completedAt: at(1).toISOString(),
        },
      ]);
    });

    it('filters by plugin, event, status, actor and target, and by time', async () => {
      const { store } = await createStore();
      await store.write([
        auditRecord({ id: '1', createdAt: at(1) }),
        auditRecord({
          id: '2',
          pluginId: 'catalog',
          eventId: 'entity-mutate',
          actorId: 'user:default/ben',
          meta: { entityRef: 'component:default/orders_100%' },
          createdAt: at(2),
        }),
        auditRecord({
          id: '3',
          status: 'succeeded',
          actorId: 'plugin:scaffolder',
          meta: { environment: 'pr-7' },
          createdAt: at(3),
          completedAt: at(3),
        }),
      ]);
      const ids = async (filter: object) =>
        (await store.list({ limit: 10, ...filter })).events.map(e => e.id);

      expect(await ids({})).toEqual(['3', '2', '1']);
      expect(await ids({ plugin: 'catalog' })).toEqual(['2']);
      expect(await ids({ eventId: 'environment-create' })).toEqual(['3', '1']);
      expect(await ids({ status: 'succeeded' })).toEqual(['3']);
      expect(await ids({ actor: 'BEN' })).toEqual(['2']);
      expect(await ids({ target: 'Payments-API' })).toEqual(['1']);
      // % and _ are the user's characters, not wildcards.
      expect(await ids({ target: 'orders_100%' })).toEqual(['2']);
      expect(await ids({ target: 'orders%' })).toEqual([]);
      expect(await ids({ from: at(2), to: at(3) })).toEqual(['2']);
    });

    it('pages newest first with a cursor, including events started in the same millisecond', async () => {
      const { store } = await createStore();
      await store.write(
        ['e1', 'e2', 'e3', 'e4', 'e5'].map((eid, i) =>
          auditRecord({ id: eid, createdAt: i < 3 ? at(0) : at(i) }),
        ),
      );
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.list({ limit: 2, cursor });
        seen.push(...page.events.map(e => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['e5', 'e4', 'e3', 'e2', 'e1']);
      await expect(
        store.list({ limit: 2, cursor: 'nonsense' }),
      ).rejects.toThrow(/cursor/);
    });

    it('deletes events started before the cutoff', async () => {
      const { store } = await createStore();
      await store.write([
        auditRecord({ id: 'old', createdAt: at(0) }),
        auditRecord({ id: 'new', createdAt: at(10) }),
      ]);
      expect(await store.deleteOlderThan(at(5))).toBe(1);
      const { events } = await store.list({ limit: 10 });
      expect(events.map(e => e.id)).toEqual(['new']);
    });

    it('migrates down and up again', async () => {
      const { knex } = await createStore();
      await knex.migrate.rollback(
        {
          directory: resolvePackagePath(
            '@internal/plugin-audit-backend',
            'migrations',
          ),
        },
        true,
      );
      expect(await knex.schema.hasTable('audit_events')).toBe(false);
      await applyDatabaseMigrations(knex);
      expect(await knex.schema.hasTable('audit_events')).toBe(true);
    });
  },
);
