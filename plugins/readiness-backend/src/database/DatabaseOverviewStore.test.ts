import { CapabilityId, FixFirst } from '@internal/plugin-readiness-common';
import { createTestDatabases } from '@internal/testing';
import { applyDatabaseMigrations } from './migrations';
import { DatabaseOverviewStore } from './DatabaseOverviewStore';
import { DatabaseResultStore } from './DatabaseResultStore';
import { EntityEvaluation } from './ResultStore';
import { transformEntityConditions } from '../permissions/entityRules';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** A blocking check as the calculator names it; only what the overview stores matters here. */
function blocking(
  id: string,
  level: 'bronze' | 'silver' | 'gold',
  weight = 3,
): FixFirst['checks'][number] {
  return {
    id,
    capability: id.split('.')[0] as CapabilityId,
    level,
    weight,
    status: 'fail',
    title: `Title of ${id}`,
    howToFix: { markdown: 'fix it' },
  };
}

function evaluation(
  name: string,
  owner: string,
  level: 'none' | 'bronze' | 'silver' | 'gold',
  scores: Partial<Record<CapabilityId, number | null>>,
  fixFirst: FixFirst = { checks: [] },
  kind = 'Component',
): EntityEvaluation {
  return {
    entity: {
      entityRef: `${kind.toLocaleLowerCase()}:default/${name}`,
      kind,
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
    scoredCapabilities: Object.values(scores).filter(v => v !== null).length,
    fixFirst,
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
          evaluation(
            'alpha',
            'group:default/payments-team',
            'silver',
            { ownership: 90, observability: 40 },
            {
              level: 'gold',
              checks: [blocking('ownership.bus-factor', 'gold')],
            },
          ),
          evaluation(
            'beta',
            'group:default/payments-team',
            'bronze',
            { ownership: 70, observability: 20 },
            {
              level: 'silver',
              checks: [
                blocking('ownership.oncall', 'silver', 5),
                blocking('observability.alerts-configured', 'silver', 4),
              ],
            },
          ),
          evaluation(
            'gamma',
            'group:default/search-team',
            'none',
            { ownership: 10, observability: null },
            {
              level: 'bronze',
              checks: [blocking('ownership.owner-resolves', 'bronze', 5)],
            },
          ),
        ],
        new Date('2026-11-24T00:00:00Z'),
      );
      return { knex, store: new DatabaseOverviewStore(knex) };
    }

    const names = (rows: Array<{ entityRef: string }>) =>
      rows.map(r => r.entityRef.split('/')[1]);

    it('lists each entity with its first blocking check, how many block, and its scored capabilities, as evaluated', async () => {
      const { store } = await setup();
      const { rows } = await store.list(
        {},
        { by: 'name', order: 'asc' },
        { limit: 10, offset: 0 },
      );
      expect(
        rows.map(r => [r.title, r.scoredCapabilities, r.fixFirst]),
      ).toEqual([
        [
          'ALPHA',
          2,
          {
            level: 'gold',
            blockingChecks: 1,
            first: {
              id: 'ownership.bus-factor',
              capability: 'ownership',
              level: 'gold',
              title: 'Title of ownership.bus-factor',
            },
          },
        ],
        [
          'BETA',
          2,
          {
            level: 'silver',
            blockingChecks: 2,
            first: {
              id: 'ownership.oncall',
              capability: 'ownership',
              level: 'silver',
              title: 'Title of ownership.oncall',
            },
          },
        ],
        [
          'GAMMA',
          1,
          {
            level: 'bronze',
            blockingChecks: 1,
            first: {
              id: 'ownership.owner-resolves',
              capability: 'ownership',
              level: 'bronze',
              title: 'Title of ownership.owner-resolves',
            },
          },
        ],
      ]);
    });

    it('sorts a level resting on fewer than two scored capabilities after all others, in either direction', async () => {
      const { knex, store } = await setup();
      await new DatabaseResultStore(knex).saveEvaluations(
        [
          // Gold on ownership alone, as an API with three bronze ownership checks is.
          evaluation(
            'orders',
            'group:default/payments-team',
            'gold',
            {
              ownership: 100,
            },
            { checks: [] },
            'API',
          ),
          evaluation('omega', 'group:default/payments-team', 'gold', {
            ownership: 100,
            observability: 100,
          }),
        ],
        new Date('2026-11-24T00:00:00Z'),
      );
      const sorted = async (order: 'asc' | 'desc') =>
        names(
          (
            await store.list(
              {},
              { by: 'level', order },
              { limit: 10, offset: 0 },
            )
          ).rows,
        );
      expect(await sorted('desc')).toEqual([
        'omega',
        'alpha',
        'beta',
        'orders',
        'gamma',
      ]);
      expect(await sorted('asc')).toEqual([
        'beta',
        'alpha',
        'omega',
        'gamma',
        'orders',
      ]);
      // A page deeper in the same order.
      const second = await store.list(
        {},
        { by: 'level', order: 'desc' },
        { limit: 2, offset: 2 },
      );
      expect(names(second.rows)).toEqual(['beta', 'orders']);
    });

    it("names the check first for most of a team's entities in its rollup", async () => {
      const { knex, store } = await setup();
      await new DatabaseResultStore(knex).saveEvaluations(
        [
          evaluation(
            'delta',
            'group:default/payments-team',
            'bronze',
            { ownership: 60, observability: 50 },
            {
              level: 'silver',
              checks: [blocking('ownership.oncall', 'silver', 5)],
            },
          ),
          evaluation('omega', 'group:default/payments-team', 'gold', {
            ownership: 100,
            observability: 100,
          }),
        ],
        new Date('2026-11-24T00:00:00Z'),
      );
      const teams = await store.rollups({}, true);
      const payments = teams.find(
        t => t.owner === 'group:default/payments-team',
      )!;
      expect(payments.fixFirst).toEqual({
        id: 'ownership.oncall',
        capability: 'ownership',
        level: 'silver',
        title: 'Title of ownership.oncall',
        entities: 2,
      });
      const search = teams.find(t => t.owner === 'group:default/search-team')!;
      expect(search.fixFirst).toEqual(
        expect.objectContaining({
          id: 'ownership.owner-resolves',
          entities: 1,
        }),
      );
      const [org] = await store.rollups({}, false);
      expect(org.fixFirst).toEqual(
        expect.objectContaining({ id: 'ownership.oncall', entities: 2 }),
      );
      // Everything at gold: nothing to name.
      const gold = await store.rollups({ level: ['gold'] }, false);
      expect(gold[0].entities).toBe(1);
      expect(gold[0].fixFirst).toBeUndefined();
    });

    it('filters, sorts by a capability score (no score last) and paginates', async () => {
      const { store } = await setup();
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

      // The user's % and _ are characters to find, not wildcards that match everything.
      for (const search of ['%', '_', '\\']) {
        const literal = await store.list(
          { search },
          { by: 'name', order: 'asc' },
          page,
        );
        expect({ search, total: literal.total }).toEqual({ search, total: 0 });
      }
    });

    it('rolls up per team and for everything, naming the weakest capability', async () => {
      const { store } = await setup();
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
      const { store } = await setup();
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
