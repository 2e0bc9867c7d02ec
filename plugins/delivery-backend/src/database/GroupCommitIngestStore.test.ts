import { createTestDatabases } from '@internal/testing';
import { DatabaseIngestStore } from './DatabaseIngestStore';
import { GroupCommitIngestStore } from './GroupCommitIngestStore';
import { IngestItem } from './IngestStore';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const now = new Date('2026-12-01T12:00:00Z');
const deployment = (
  n: number,
  deliveryId: string,
  contentHash = `h${n}`,
): IngestItem => ({
  kind: 'deployment',
  deliveryId,
  contentHash,
  value: {
    id: `d${n}`,
    serviceRef: 'component:default/payments-api',
    environment: 'prod',
    production: true,
    version: `1.0.${n}`,
    status: 'succeeded',
    changeType: 'planned',
    selfService: true,
    pullRequests: [],
    finishedAt: new Date('2026-11-30T10:00:00Z'),
  },
});

describe.each(databases.eachSupportedId())(
  'GroupCommitIngestStore on %s',
  id => {
    async function setup() {
      const knex = await databases.init(id);
      await applyDatabaseMigrations(knex);
      const store = new DatabaseIngestStore(knex);
      const transactions: number[] = [];
      const ingestMany = store.ingestMany.bind(store);
      store.ingestMany = calls => {
        transactions.push(calls.length);
        return ingestMany(calls);
      };
      return { knex, group: new GroupCommitIngestStore(store), transactions };
    }

    it('writes calls that arrive together in one transaction, each with its own counts', async () => {
      const { knex, group, transactions } = await setup();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          group.ingest([deployment(n, `g-${n}`)], 'github', now),
        ),
      );
      expect(results).toEqual(
        Array.from({ length: 20 }, () => ({ accepted: 1, duplicates: 0 })),
      );
      expect(transactions).toEqual([20]);
      expect(await knex('delivery_deployments')).toHaveLength(20);
      // A redelivery within a group is a duplicate of the first.
      const again = await Promise.all([
        group.ingest([deployment(1, 'g-1')], 'github', now),
        group.ingest([deployment(30, 'g-30')], 'github', now),
      ]);
      expect(again).toEqual([
        { accepted: 0, duplicates: 1 },
        { accepted: 1, duplicates: 0 },
      ]);
    });

    it('answers a failing call alone and stores the others of its group', async () => {
      const { knex, group, transactions } = await setup();
      await group.ingest([deployment(1, 'g-1')], 'github', now);
      const outcomes = await Promise.allSettled([
        group.ingest([deployment(2, 'g-2')], 'github', now),
        // The same delivery id with other content: a 409 for this call only.
        group.ingest([deployment(3, 'g-1', 'other')], 'github', now),
        group.ingest([deployment(4, 'g-4')], 'github', now),
      ]);
      expect(outcomes.map(o => o.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(
        /Delivery id g-1 was received before with other content/,
      );
      expect(transactions).toEqual([1, 3, 1, 1, 1]);
      const ids = (await knex('delivery_deployments').select('id')).map(
        r => r.id,
      );
      expect(ids.sort()).toEqual(['d1', 'd2', 'd4']);
    });
  },
);
