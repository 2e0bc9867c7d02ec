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

  it('keeps the latest value and a history row of each value replaced', async () => {
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
    // The replaced value, with the time it was last observed.
    expect(
      history.map(h => [JSON.parse(h.value), new Date(h.observed_at)]),
    ).toEqual([[0.2, new Date(at(2))]]);

    expect(await store.pruneHistory(new Date(at(2)))).toBe(0);
    expect(await store.pruneHistory(new Date(at(3)))).toBe(1);
    expect(await store.listFacts(ref)).toHaveLength(1);
  });

  it('keeps both of two concurrent pushes to one entity', async () => {
    const { store } = await setup();
    const push = (name: string) =>
      store.recordFacts([
        {
          entityRef: ref,
          name,
          value: 1,
          source: 'ci',
          observedAt: '2026-11-24T00:00:00.000Z',
        },
      ]);
    await Promise.all([
      push('ci.test.coveragePercent'),
      push('ci.test.flakyRate'),
    ]);
    expect((await store.listFacts(ref)).map(f => f.name)).toEqual([
      'ci.test.coveragePercent',
      'ci.test.flakyRate',
    ]);
  });

  it('removes the sets of the named sources only, for the named entities only', async () => {
    const { store } = await setup();
    const other = 'component:default/ledger';
    const fact = (entityRef: string, name: string, source: string) => ({
      entityRef,
      name,
      value: true,
      source,
      observedAt: '2026-11-24T00:00:00.000Z',
    });
    await store.recordFacts([
      fact(ref, 'ci.test.flakyRate', 'ci'),
      fact(ref, 'catalog.hasOwner', 'catalog'),
      fact(other, 'catalog.hasOwner', 'catalog'),
    ]);

    await store.removeSets([ref], ['catalog', 'delivery']);

    expect(await store.listFacts(ref)).toEqual([
      fact(ref, 'ci.test.flakyRate', 'ci'),
    ]);
    expect(await store.listFacts(other)).toEqual([
      fact(other, 'catalog.hasOwner', 'catalog'),
    ]);
  });

  it('syncs what providers observe, writing only changes, and returns all facts', async () => {
    const { knex, store } = await setup();
    const refs = Array.from(
      { length: 1200 },
      (_, i) => `component:default/s${i}`,
    );
    const observe = (day: number, oncall: (i: number) => boolean) =>
      refs.flatMap((entityRef, i) => [
        {
          entityRef,
          name: 'catalog.oncall.configured',
          value: oncall(i),
          source: 'catalog',
          observedAt: `2026-11-0${day}T00:00:00.000Z`,
        },
        ...(i === 7 && day > 1
          ? []
          : [
              {
                entityRef,
                name: 'catalog.deployPath',
                value: ['dev', 'prod'],
                source: 'catalog',
                observedAt: `2026-11-0${day}T00:00:00.000Z`,
              },
            ]),
      ]);
    await store.recordFacts([
      {
        entityRef: refs[0],
        name: 'ci.test.coveragePercent',
        value: 84,
        source: 'ci',
        observedAt: '2026-11-01T00:00:00.000Z',
      },
    ]);

    const first = await store.syncFacts(
      refs,
      ['catalog'],
      observe(1, () => true),
    );
    expect(first.changed).toBe(2400);
    const day1 = '2026-11-01T00:00:00.000Z';
    expect(first.facts.get(refs[0])).toEqual(
      new Map<string, unknown>([
        ['ci.test.coveragePercent', { value: 84, observedAt: day1 }],
        ['catalog.oncall.configured', { value: true, observedAt: day1 }],
        ['catalog.deployPath', { value: ['dev', 'prod'], observedAt: day1 }],
      ]),
    );

    const again = await store.syncFacts(
      refs,
      ['catalog'],
      observe(2, () => true),
    );
    expect(again.changed).toBe(1); // s7 no longer has a deploy path
    expect(again.facts.get(refs[7])).toEqual(
      new Map([
        ['catalog.oncall.configured', { value: true, observedAt: day1 }],
      ]),
    );
    // An unchanged value keeps the time it was first observed.
    expect(
      (await store.listFacts(refs[1])).map(f => [f.name, f.observedAt]),
    ).toEqual([
      ['catalog.deployPath', '2026-11-01T00:00:00.000Z'],
      ['catalog.oncall.configured', '2026-11-01T00:00:00.000Z'],
    ]);

    const third = await store.syncFacts(
      refs,
      ['catalog'],
      observe(3, i => i !== 3),
    );
    expect(third.changed).toBe(1);
    expect(
      third.facts.get(refs[3])?.get('catalog.oncall.configured')?.value,
    ).toBe(false);
    const history = await knex('readiness_fact_history').orderBy('id');
    expect(
      history.map(h => [h.entity_ref, h.name, JSON.parse(h.value)]),
    ).toEqual([
      [refs[7], 'catalog.deployPath', ['dev', 'prod']],
      [refs[3], 'catalog.oncall.configured', true],
    ]);
  });
});
