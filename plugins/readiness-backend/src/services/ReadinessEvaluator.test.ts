import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { BUILTIN_FACTS } from '@internal/plugin-readiness-common';
import { createTestDatabases } from '@internal/testing';
import { Knex } from 'knex';
import { builtinCheckFiles } from '../checks/checkSources';
import { loadCheckFiles } from '../checks/loadChecks';
import { DatabaseExemptionStore } from '../database/DatabaseExemptionStore';
import { DatabaseFactStore } from '../database/DatabaseFactStore';
import { DatabaseOverviewStore } from '../database/DatabaseOverviewStore';
import { DatabaseResultStore } from '../database/DatabaseResultStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { CatalogFactProvider } from '../facts/CatalogFactProvider';
import { ReadinessEvaluator } from './ReadinessEvaluator';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments-team' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments-team' }],
});
const { checks } = loadCheckFiles(builtinCheckFiles(), BUILTIN_FACTS);

describe.each(databases.eachSupportedId())('ReadinessEvaluator on %s', id => {
  let knex: Knex;
  let clock: Date;

  /** An evaluator over a catalog that lists these entities, on the test database's stores. */
  function evaluatorFor(entities: Entity[]) {
    const catalog = catalogServiceMock({ entities: [team, ...entities] });
    const auth = mockServices.auth();
    const results = new DatabaseResultStore(knex);
    const evaluator = new ReadinessEvaluator({
      catalog,
      auth,
      logger: mockServices.logger.mock(),
      providers: [new CatalogFactProvider(catalog, auth)],
      declarations: BUILTIN_FACTS,
      checks,
      facts: new DatabaseFactStore(knex),
      results,
      exemptions: new DatabaseExemptionStore(knex),
      now: () => clock,
    });
    return {
      evaluator,
      refreshed: jest.spyOn(results, 'refreshStatistics'),
    };
  }

  const listed = async () => {
    const { total, rows } = await new DatabaseOverviewStore(knex).list(
      {},
      { by: 'name', order: 'asc' },
      { limit: 10, offset: 0 },
    );
    return { total, refs: rows.map(r => r.entityRef) };
  };

  beforeEach(async () => {
    knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    clock = new Date('2026-11-24T10:00:00Z');
  });

  it('forgets an entity the catalog no longer lists, keeping what CI pushed for it', async () => {
    const both = evaluatorFor([component('payments-api'), component('ledger')]);
    expect(await both.evaluator.evaluateAll()).toEqual(
      expect.objectContaining({ entities: 2, removed: 0 }),
    );
    const facts = new DatabaseFactStore(knex);
    await facts.recordFacts([
      {
        entityRef: 'component:default/ledger',
        name: 'ci.test.flakyRate',
        value: 0.01,
        source: 'ci',
        observedAt: clock.toISOString(),
      },
    ]);
    expect(await listed()).toEqual({
      total: 2,
      refs: ['component:default/ledger', 'component:default/payments-api'],
    });

    // The ledger was deleted from the catalog.
    clock = new Date('2026-11-24T11:00:00Z');
    const one = evaluatorFor([component('payments-api')]);
    expect(await one.evaluator.evaluateAll()).toEqual(
      expect.objectContaining({ entities: 1, removed: 1 }),
    );
    expect(await listed()).toEqual({
      total: 1,
      refs: ['component:default/payments-api'],
    });
    const rollups = await new DatabaseOverviewStore(knex).rollups({}, true);
    expect(rollups.map(r => [r.owner, r.entities])).toEqual([
      ['group:default/payments-team', 1],
    ]);
    expect(
      await new DatabaseResultStore(knex).scorecard('component:default/ledger'),
    ).toBeUndefined();
    // The catalog's facts about it are gone; the fact CI pushed stays.
    expect(
      (await facts.listFacts('component:default/ledger')).map(f => f.source),
    ).toEqual(['ci']);
    expect(
      (await facts.listFacts('component:default/payments-api')).length,
    ).toBeGreaterThan(0);
  });

  it('answers a full run requested while one is in progress with that run', async () => {
    const { evaluator } = evaluatorFor([component('payments-api')]);
    const first = evaluator.evaluateAll();
    const second = evaluator.evaluateAll();
    expect(second).toBe(first);
    expect(await second).toEqual(expect.objectContaining({ entities: 1 }));
    // Once it has finished, the next request runs again.
    const later = evaluator.evaluateAll();
    expect(later).not.toBe(first);
    await later;
  });

  it('refreshes planner statistics after a run that changed rows, not after one that did not', async () => {
    const first = evaluatorFor([component('payments-api')]);
    await first.evaluator.evaluateAll();
    expect(first.refreshed).toHaveBeenCalledTimes(1);

    clock = new Date('2026-11-24T11:00:00Z');
    const again = evaluatorFor([component('payments-api')]);
    expect(await again.evaluator.evaluateAll()).toEqual({
      entities: 1,
      factsChanged: 0,
      resultChanges: 0,
      scoreChanges: 0,
      entityChanges: 0,
      removed: 0,
    });
    expect(again.refreshed).not.toHaveBeenCalled();
  });
});
