import { createTestDatabases } from '@internal/testing';
import { applyDatabaseMigrations } from './migrations';
import { DatabaseFactStore } from './DatabaseFactStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ref = 'component:default/payments-api';

describe.each(databases.eachSupportedId())('DatabaseFactStore on %s', id => {
  async function setup() {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    return { knex, store: new DatabaseFactStore(knex) };
  }

  it('keeps the latest value and a history row only when a value changes', async () => {
    const { knex, store } = await setup();
    const at = (day: number) => `2026-11-0${day}T10:00:00.000Z`;
    const fact = (value: number, day: number) => ({
      entityRef: ref,
      name: 'ci.test.flakyRate',
      value,
      source: 'ci',
      observedAt: at(day),
    });

    expect(await store.recordFacts([fact(0.2, 1)])).toEqual({ changed: 1 });
    expect(await store.recordFacts([fact(0.2, 2)])).toEqual({ changed: 0 });
    expect(await store.recordFacts([fact(0.01, 3)])).toEqual({ changed: 1 });

    expect(await store.listFacts(ref)).toEqual([fact(0.01, 3)]);
    const history = await knex('readiness_fact_history')
      .where({ entity_ref: ref })
      .orderBy('id');
    expect(history.map(h => JSON.parse(h.value))).toEqual([0.2, 0.01]);

    expect(await store.pruneHistory(new Date(at(2)))).toBe(1);
    expect(await store.listFacts(ref)).toHaveLength(1);
  });

  it('returns the facts of many entities with their JSON types', async () => {
    const { store } = await setup();
    const refs = Array.from(
      { length: 1200 },
      (_, i) => `component:default/s${i}`,
    );
    await store.recordFacts(
      refs.flatMap(entityRef => [
        {
          entityRef,
          name: 'catalog.oncall.configured',
          value: true,
          source: 'catalog',
          observedAt: '2026-11-24T00:00:00Z',
        },
        {
          entityRef,
          name: 'catalog.deployPath',
          value: ['dev', 'prod'],
          source: 'catalog',
          observedAt: '2026-11-24T00:00:00Z',
        },
      ]),
    );
    const facts = await store.factsOf(refs);
    expect(facts.size).toBe(1200);
    expect(facts.get('component:default/s1199')).toEqual(
      new Map<string, unknown>([
        ['catalog.deployPath', ['dev', 'prod']],
        ['catalog.oncall.configured', true],
      ]),
    );
  });
});
