import { createTestDatabases } from '@internal/testing';
import { bucketOf } from '../lib/percentiles';
import { DatabaseIngestStore } from './DatabaseIngestStore';
import { DatabaseServiceStateStore } from './DatabaseServiceStateStore';
import { DatabaseTimelineStore } from './DatabaseTimelineStore';
import { DeploymentInput, IngestItem } from './IngestStore';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const A = 'component:default/payments-api';
const B = 'component:default/search-api';
const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const dayOf = (iso: string) => Math.floor(Date.parse(iso) / DAY);

const deployment = (
  id: string,
  patch: Partial<DeploymentInput> & { finishedAt: Date },
): IngestItem => ({
  kind: 'deployment',
  value: {
    id,
    serviceRef: A,
    environment: 'prod',
    production: true,
    version: id,
    status: 'succeeded',
    changeType: 'planned',
    selfService: true,
    pullRequests: [],
    firstCommitAt: new Date(patch.finishedAt.getTime() - 3600_000),
    ...patch,
  },
});

describe.each(databases.eachSupportedId())(
  'DatabaseTimelineStore on %s',
  id => {
    async function setup() {
      const knex = await databases.init(id);
      await applyDatabaseMigrations(knex);
      // Incidents are not tied to the deployment live when they opened: days only count deploys.
      const ingest = new DatabaseIngestStore(knex, { attributionHours: 0 });
      await ingest.ingest(
        [
          // Either side of midnight UTC: two different days on both databases.
          deployment('a1', { finishedAt: at('2026-11-02T23:59:59Z') }),
          deployment('a2', {
            finishedAt: at('2026-11-03T00:00:01Z'),
            status: 'failed',
          }),
          deployment('a3', {
            finishedAt: at('2026-11-03T08:00:00Z'),
            changeType: 'fix',
          }),
          deployment('b1', {
            serviceRef: B,
            finishedAt: at('2026-11-03T09:00:00Z'),
          }),
          deployment('s1', {
            environment: 'staging',
            production: false,
            finishedAt: at('2026-11-03T09:00:00Z'),
          }),
          {
            kind: 'incident',
            value: {
              id: 'i1',
              serviceRef: A,
              status: 'resolved',
              openedAt: at('2026-11-03T01:00:00Z'),
              resolvedAt: at('2026-11-03T03:00:00Z'),
            },
          },
        ],
        'api',
        at('2026-11-04T00:00:00Z'),
      );
      return { knex, store: new DatabaseTimelineStore(knex), ingest };
    }

    it('reads deployment days from the rollup, for the organisation and per service', async () => {
      const { store } = await setup();
      const from = dayOf('2026-11-02T00:00:00Z');
      expect(await store.deploymentDays(from, from + 2)).toEqual([
        { day: from, finished: 1, live: 1, failed: 0, rework: 0 },
        { day: from + 1, finished: 3, live: 2, failed: 1, rework: 1 },
      ]);
      expect(await store.deploymentDays(from, from + 2, [B])).toEqual([
        { day: from + 1, finished: 1, live: 1, failed: 0, rework: 0 },
      ]);
      expect(await store.deploymentDays(from + 2, from + 3)).toEqual([]);
      expect(await store.deploymentDays(from, from + 2, [])).toEqual([]);
    });

    it("groups a service's lead-time buckets by the same day as the organisation rollup", async () => {
      const { store } = await setup();
      const from = dayOf('2026-11-02T00:00:00Z');
      const hour = bucketOf(3600);
      const sort = (
        rows: Array<{ day: number; bucket: number; count: number }>,
      ) => [...rows].sort((x, y) => x.day - y.day || x.bucket - y.bucket);
      // Lead times are recorded for production deployments that went live.
      const org = sort(await store.leadTimeDays(from, from + 2));
      expect(org).toEqual([
        { day: from, bucket: hour, count: 1 },
        { day: from + 1, bucket: hour, count: 2 },
      ]);
      expect(sort(await store.leadTimeDays(from, from + 2, [A, B]))).toEqual(
        org,
      );
      expect(await store.leadTimeDays(from, from + 2, [B])).toEqual([
        { day: from + 1, bucket: hour, count: 1 },
      ]);
    });

    it('reads resolved incidents in the window', async () => {
      const { store } = await setup();
      const from = at('2026-11-03T00:00:00Z');
      const to = at('2026-11-04T00:00:00Z');
      expect(await store.resolvedIncidents(from, to, [A])).toEqual([
        { resolvedAt: at('2026-11-03T03:00:00Z'), restoreSeconds: 7200 },
      ]);
      expect(await store.resolvedIncidents(from, to, [B])).toEqual([]);
      expect(
        await store.resolvedIncidents(to, at('2026-11-05T00:00:00Z')),
      ).toEqual([]);
    });

    it("lists a service's versions newest first with where they went live", async () => {
      const { knex } = await setup();
      const state = new DatabaseServiceStateStore(knex);
      const sightings = await state.versions(A, 2);
      expect(sightings.map(s => [s.version, s.environment, s.live])).toEqual([
        ['s1', 'staging', true],
        ['a3', 'prod', true],
      ]);
      const current = await state.current(A, ['prod', 'staging', 'dev']);
      expect(current.get('prod')?.version).toBe('a3');
      expect(current.get('staging')?.version).toBe('s1');
      expect(current.has('dev')).toBe(false);
      expect(await state.active(A)).toEqual([]);
    });
  },
);
