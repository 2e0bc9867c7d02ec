import { ConflictError } from '@backstage/errors';
import { createTestDatabases } from '@internal/testing';
import { applyDatabaseMigrations } from './migrations';
import { DatabaseExemptionStore } from './DatabaseExemptionStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ref = 'component:default/legacy-booking-engine';
const day = (d: number) => new Date(Date.UTC(2026, 10, d));

describe.each(databases.eachSupportedId())(
  'DatabaseExemptionStore on %s',
  id => {
    async function setup() {
      const knex = await databases.init(id);
      await applyDatabaseMigrations(knex);
      return new DatabaseExemptionStore(knex);
    }
    const input = {
      entityRef: ref,
      checkId: 'observability.runbook-linked',
      reason: 'Being decommissioned in December',
      createdBy: 'user:default/guest',
      expiresAt: day(30).toISOString(),
    };

    it('is active until it expires, and refuses a second active one', async () => {
      const store = await setup();
      const created = await store.create(input, day(1));
      expect(created).toEqual(
        expect.objectContaining({ ...input, createdAt: day(1).toISOString() }),
      );
      await expect(store.create(input, day(2))).rejects.toThrow(ConflictError);

      expect((await store.activeFor([ref], day(29))).get(ref)).toHaveLength(1);
      expect((await store.activeFor([ref], day(30))).get(ref)).toBeUndefined();
      // Once expired, a new exemption may be made.
      await expect(store.create(input, day(30))).resolves.toBeDefined();
    });

    it('lets only one of several concurrent requests exempt a check', async () => {
      const store = await setup();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, () => store.create(input, day(1))),
      );
      expect(outcomes.filter(o => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes.filter(x => x.status === 'rejected'))
        expect((o as PromiseRejectedResult).reason).toBeInstanceOf(
          ConflictError,
        );
      expect(await store.listForEntity(ref)).toHaveLength(1);
    });

    it('stops applying when revoked, and keeps the record', async () => {
      const store = await setup();
      const created = await store.create(input, day(1));
      const revoked = await store.revoke(
        created.id,
        'user:default/hannah.fischer',
        day(2),
      );
      expect(revoked).toEqual(
        expect.objectContaining({
          revokedAt: day(2).toISOString(),
          revokedBy: 'user:default/hannah.fischer',
        }),
      );
      expect((await store.activeFor([ref], day(3))).size).toBe(0);
      expect(await store.listForEntity(ref)).toHaveLength(1);
      expect(await store.get('no-such-id')).toBeUndefined();
    });
  },
);
