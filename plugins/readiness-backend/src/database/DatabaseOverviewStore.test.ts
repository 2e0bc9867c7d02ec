import { CapabilityId } from '@internal/plugin-readiness-common';
import { createTestDatabases } from '@internal/testing';
import { applyDatabaseMigrations } from './migrations';
import { DatabaseOverviewStore } from './DatabaseOverviewStore';
import { DatabaseResultStore } from './DatabaseResultStore';
import { EntityEvaluation } from './ResultStore';
import { transformEntityConditions } from '../permissions/entityRules';

jest.setTimeout(60_000);

const databases = createTestDatabases();

function evaluation(
  name: string,
  owner: string,
  level: 'none' | 'bronze' | 'silver',
  scores: Partial<Record<CapabilityId, number | null>>,
): EntityEvaluation {
  return {
    entity: {
      entityRef: `component:default/${name}`,
      kind: 'Component',
      type: 'service',
      title: name.toUpperCase(),
      owner,
      system: 'system:default/payments',
      lifecycle: 'production',
    },
    results: [],
    scores: Object.entries(scores).map(([capability, score]) => ({
      capability: capability as CapabilityId,
      score: score ?? null,
      level: score === null ? 'none' : level,
    })),
    overallLevel: level,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseOverviewStore on %s',
  id => {
    async function setup() {
      const knex = await databases.init(id);
      await applyDatabaseMigrations(knex);
      await new DatabaseResultStore(knex).saveEvaluations(
        [
          evaluation('alpha', 'group:default/payments-team', 'silver', {
            ownership: 90,
            observability: 40,
          }),
          evaluation('beta', 'group:default/payments-team', 'bronze', {
            ownership: 70,
            observability: 20,
          }),
          evaluation('gamma', 'group:default/search-team', 'none', {
            ownership: 10,
            observability: null,
          }),
        ],
        new Date('2026-11-24T00:00:00Z'),
      );
      return new DatabaseOverviewStore(knex);
    }

    it('filters, sorts by a capability score (no score last) and paginates', async () => {
      const store = await setup();
      const page = { limit: 2, offset: 0 };
      const all = await store.list(
        {},
        { by: 'observability', order: 'asc' },
        { limit: 10, offset: 0 },
      );
      expect(all.rows.map(r => r.entityRef.split('/')[1])).toEqual([
        'beta',
        'alpha',
        'gamma',
      ]);
      // Every capability of the row, a capability without score included.
      expect(all.rows[2].scores).toEqual({
        ownership: { score: 10, level: 'none' },
        observability: { score: null, level: 'none' },
      });

      const first = await store.list({}, { by: 'name', order: 'desc' }, page);
      expect(first.total).toBe(3);
      expect(first.rows.map(r => r.title)).toEqual(['GAMMA', 'BETA']);
      expect(first.rows[1].scores.ownership).toEqual({
        score: 70,
        level: 'bronze',
      });

      const byLevel = await store.list(
        {},
        { by: 'level', order: 'desc' },
        { limit: 10, offset: 0 },
      );
      expect(byLevel.rows.map(r => r.overallLevel)).toEqual([
        'silver',
        'bronze',
        'none',
      ]);

      const team = await store.list(
        {
          owner: ['group:default/payments-team'],
          level: ['bronze', 'silver'],
          search: 'alp',
        },
        { by: 'name', order: 'asc' },
        page,
      );
      expect(team.total).toBe(1);
      expect(team.rows[0].entityRef).toBe('component:default/alpha');
    });

    it('rolls up per team and for everything, naming the weakest capability', async () => {
      const store = await setup();
      const [org] = await store.rollups({}, false);
      expect(org.entities).toBe(3);
      const observability = org.capabilities.find(
        c => c.capability === 'observability',
      );
      expect(observability).toEqual({
        capability: 'observability',
        averageScore: 30,
        levels: { none: 0, bronze: 1, silver: 1, gold: 0 },
      });
      expect(org.weakestCapability).toBe('observability');

      const teams = await store.rollups({}, true);
      const payments = teams.find(
        t => t.owner === 'group:default/payments-team',
      )!;
      expect(payments.entities).toBe(2);
      expect(
        payments.capabilities.find(c => c.capability === 'ownership')
          ?.averageScore,
      ).toBe(80);
      const search = teams.find(t => t.owner === 'group:default/search-team')!;
      expect(search.weakestCapability).toBe('ownership');
      expect(
        search.capabilities.find(c => c.capability === 'test-feedback')
          ?.averageScore,
      ).toBeNull();
    });

    it('shows only the entities a conditional decision allows: rows, count and rollups', async () => {
      const store = await setup();
      const visibility = {
        all: false as const,
        criteria: transformEntityConditions({
          anyOf: [
            {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: {
                claims: ['user:default/ana', 'Group:default/Search-Team'],
              },
            },
            {
              allOf: [
                {
                  rule: 'IS_ENTITY_KIND',
                  resourceType: 'catalog-entity',
                  params: { kinds: ['component'] },
                },
                {
                  not: {
                    rule: 'IS_ENTITY_OWNER',
                    resourceType: 'catalog-entity',
                    params: { claims: ['group:default/search-team'] },
                  },
                },
              ],
            },
          ],
        }),
      };
      const searchOnly = await store.list(
        {
          visibility: {
            all: false,
            criteria: transformEntityConditions({
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: ['group:default/search-team'] },
            }),
          },
        },
        { by: 'name', order: 'asc' },
        { limit: 10, offset: 0 },
      );
      expect(searchOnly.total).toBe(1);
      expect(searchOnly.rows.map(r => r.entityRef)).toEqual([
        'component:default/gamma',
      ]);
      const [org] = await store.rollups(
        {
          visibility: {
            all: false,
            criteria: transformEntityConditions({
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: ['group:default/payments-team'] },
            }),
          },
        },
        false,
      );
      expect(org.entities).toBe(2);
      // Grouping of anyOf/allOf/not holds: search's own entity, or any other component.
      const mixed = await store.list(
        { visibility },
        { by: 'name', order: 'asc' },
        { limit: 10, offset: 0 },
      );
      expect(mixed.total).toBe(3);
      const none = await store.list(
        {
          visibility: {
            all: false,
            criteria: transformEntityConditions({
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: [] },
            }),
          },
        },
        { by: 'name', order: 'asc' },
        { limit: 10, offset: 0 },
      );
      expect(none).toEqual({ total: 0, rows: [] });
    });
  },
);
