import { createTestDatabases } from '@internal/testing';
import { applyDatabaseMigrations } from './migrations';
import { DatabaseResultStore } from './DatabaseResultStore';
import { EntityEvaluation } from './ResultStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ref = 'component:default/payments-api';

function evaluation(
  oncall: 'pass' | 'fail',
  score: number,
  extra: Array<{ checkId: string; status: 'pass'; detail: string }> = [],
): EntityEvaluation {
  return {
    entity: {
      entityRef: ref,
      kind: 'Component',
      type: 'service',
      title: 'Payments API',
      owner: 'group:default/payments-team',
      system: 'system:default/payments',
      lifecycle: 'production',
    },
    results: [
      {
        checkId: 'ownership.oncall',
        status: oncall,
        detail: `oncall ${oncall}`,
      },
      ...extra,
    ],
    scores: [
      {
        capability: 'ownership',
        score,
        level: oncall === 'pass' ? 'silver' : 'bronze',
      },
    ],
    overallLevel: oncall === 'pass' ? 'silver' : 'bronze',
    scoredCapabilities: 1,
    fixFirst:
      oncall === 'pass'
        ? { level: 'gold', checks: [] }
        : {
            level: 'silver',
            checks: [
              {
                id: 'ownership.oncall',
                capability: 'ownership',
                level: 'silver',
                weight: 5,
                status: 'fail',
                title: 'Reachable through an on-call rotation',
                howToFix: { markdown: 'Add a PagerDuty service id.' },
              },
            ],
          },
  };
}

describe.each(databases.eachSupportedId())('DatabaseResultStore on %s', id => {
  async function setup() {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    return { knex, store: new DatabaseResultStore(knex) };
  }

  it('writes history only when a status or score changes, keeping what was replaced', async () => {
    const { knex, store } = await setup();
    const t = (h: number) => new Date(Date.UTC(2026, 10, 24, h));

    expect(await store.saveEvaluations([evaluation('fail', 40)], t(1))).toEqual(
      {
        resultChanges: 1,
        scoreChanges: 1,
        entityChanges: 1,
      },
    );
    expect(await store.saveEvaluations([evaluation('fail', 40)], t(2))).toEqual(
      {
        resultChanges: 0,
        scoreChanges: 0,
        entityChanges: 0,
      },
    );
    // The overall level moved from bronze to silver: the entity row changed.
    expect(await store.saveEvaluations([evaluation('pass', 80)], t(3))).toEqual(
      {
        resultChanges: 1,
        scoreChanges: 1,
        entityChanges: 1,
      },
    );

    const card = await store.scorecard(ref);
    expect(card?.entity).toEqual(
      expect.objectContaining({
        overallLevel: 'silver',
        evaluatedAt: t(3).toISOString(),
        owner: 'group:default/payments-team',
      }),
    );
    expect(card?.results).toEqual([
      {
        checkId: 'ownership.oncall',
        status: 'pass',
        detail: 'oncall pass',
        changedAt: t(3).toISOString(),
      },
    ]);
    expect(await store.scoreHistory(ref, t(0))).toEqual([
      {
        capability: 'ownership',
        score: 40,
        level: 'bronze',
        changedAt: t(1).toISOString(),
      },
      {
        capability: 'ownership',
        score: 80,
        level: 'silver',
        changedAt: t(3).toISOString(),
      },
    ]);
    const replaced = await knex('readiness_result_history');
    expect(
      replaced.map(r => [r.check_id, r.status, new Date(r.changed_at)]),
    ).toEqual([['ownership.oncall', 'fail', t(1)]]);
  });

  it('stores what the overview shows of fix first, rewriting the row when only that changes', async () => {
    const { knex, store } = await setup();
    const t = (h: number) => new Date(Date.UTC(2026, 10, 24, h));
    await store.saveEvaluations([evaluation('fail', 40)], t(1));
    const row = async () =>
      knex('readiness_entities')
        .where({ entity_ref: ref })
        .first(
          'scored_capabilities',
          'next_level',
          'blocking_checks',
          'fix_first_check',
          'fix_first_capability',
          'fix_first_level',
          'fix_first_title',
        );
    expect(await row()).toEqual({
      scored_capabilities: 1,
      next_level: 'silver',
      blocking_checks: 1,
      fix_first_check: 'ownership.oncall',
      fix_first_capability: 'ownership',
      fix_first_level: 'silver',
      fix_first_title: 'Reachable through an on-call rotation',
    });

    // Same results and level, another check first (a check definition changed).
    const renamed = evaluation('fail', 40);
    renamed.fixFirst.checks[0].title = 'On call';
    expect(await store.saveEvaluations([renamed], t(2))).toEqual({
      resultChanges: 0,
      scoreChanges: 0,
      entityChanges: 1,
    });
    expect((await row()).fix_first_title).toBe('On call');

    await store.saveEvaluations([evaluation('pass', 80)], t(3));
    expect(await row()).toEqual({
      scored_capabilities: 1,
      next_level: 'gold',
      blocking_checks: 0,
      fix_first_check: null,
      fix_first_capability: null,
      fix_first_level: null,
      fix_first_title: null,
    });
  });

  it('drops results of checks that no longer exist, and knows unknown entities', async () => {
    const { store } = await setup();
    const at = new Date('2026-11-24T00:00:00Z');
    await store.saveEvaluations(
      [
        evaluation('pass', 100, [
          { checkId: 'ownership.retired', status: 'pass', detail: 'x' },
        ]),
      ],
      at,
    );
    await store.saveEvaluations([evaluation('pass', 100)], at);
    const card = await store.scorecard(ref);
    expect(card?.results.map(r => r.checkId)).toEqual(['ownership.oncall']);
    expect(await store.scorecard('component:default/nope')).toBeUndefined();
  });

  it('keeps a changed detail under the same status, and compares rows without a fingerprint in full', async () => {
    const { knex, store } = await setup();
    const t = (h: number) => new Date(Date.UTC(2026, 10, 24, h));
    const failing = (detail: string) => {
      const e = evaluation('fail', 40);
      e.results[0].detail = detail;
      return e;
    };
    await store.saveEvaluations([failing('2 of 5 alerts')], t(1));
    expect(
      await store.saveEvaluations([failing('3 of 5 alerts')], t(2)),
    ).toEqual({ resultChanges: 0, scoreChanges: 0, entityChanges: 0 });
    expect((await store.scorecard(ref))?.results).toEqual([
      {
        checkId: 'ownership.oncall',
        status: 'fail',
        detail: '3 of 5 alerts',
        changedAt: t(1).toISOString(),
      },
    ]);

    // A row written before fingerprints existed (or by hand) is compared check by check.
    await knex('readiness_entity_results').update({
      fingerprint: null,
      results: JSON.stringify({
        'ownership.oncall': {
          status: 'pass',
          detail: 'on call',
          changedAt: t(0).toISOString(),
        },
      }),
    });
    expect(
      await store.saveEvaluations([failing('3 of 5 alerts')], t(3)),
    ).toEqual({ resultChanges: 1, scoreChanges: 0, entityChanges: 0 });
    const [row] = await knex('readiness_entity_results');
    expect(row.fingerprint).toEqual(expect.any(String));
    expect((await store.scorecard(ref))?.results[0]).toEqual(
      expect.objectContaining({
        status: 'fail',
        changedAt: t(3).toISOString(),
      }),
    );
  });

  it('removes the entities not evaluated since a time, with their scores and results, keeping history', async () => {
    const { knex, store } = await setup();
    const t = (h: number) => new Date(Date.UTC(2026, 10, 24, h));
    const other = (e: EntityEvaluation) => ({
      ...e,
      entity: { ...e.entity, entityRef: 'component:default/ledger' },
    });
    await store.saveEvaluations(
      [evaluation('fail', 40), other(evaluation('fail', 40))],
      t(1),
    );
    await store.saveEvaluations([evaluation('pass', 80)], t(2));
    await store.saveEvaluations([other(evaluation('pass', 80))], t(4));

    expect(await store.evaluatedBefore(t(3))).toEqual([ref]);
    // The ledger was evaluated after t(3): named here, it still stays.
    expect(
      await store.removeEntities([ref, 'component:default/ledger'], t(3)),
    ).toBe(1);

    expect(await store.scorecard(ref)).toBeUndefined();
    expect(await store.isEvaluated(ref)).toBe(false);
    const left = async (table: string) =>
      (await knex(table).select('entity_ref')).map(r => r.entity_ref).sort();
    expect(await left('readiness_entities')).toEqual([
      'component:default/ledger',
    ]);
    expect(await left('readiness_entity_results')).toEqual([
      'component:default/ledger',
    ]);
    expect(await left('readiness_scores')).toEqual([
      'component:default/ledger',
    ]);
    // What the removed entity's scores and results were before stays in history.
    expect(await left('readiness_score_history')).toEqual([
      'component:default/ledger',
      ref,
    ]);
    expect(await left('readiness_result_history')).toEqual([
      'component:default/ledger',
      ref,
    ]);
    expect(await store.scorecard('component:default/ledger')).toBeDefined();
  });

  it('refreshes the planner statistics that filtered overview sorts depend on', async () => {
    const { knex, store } = await setup();
    const many = Array.from({ length: 400 }, (_, i) => {
      const e = evaluation(i % 2 ? 'pass' : 'fail', i % 100);
      e.entity = {
        ...e.entity,
        entityRef: `component:default/s${i}`,
        owner: `group:default/team-${i % 20}`,
      };
      return e;
    });
    await store.saveEvaluations(many, new Date('2026-11-24T00:00:00Z'));
    // One owner's services sorted by a capability: with statistics, the owner's 20 rows are
    // read through the owner index instead of walking the whole score index.
    const ownerSorted = knex('readiness_entities as e')
      .join('readiness_scores as s', join =>
        join
          .on('s.entity_ref', 'e.entity_ref')
          .andOn('s.capability', knex.raw('?', ['ownership'])),
      )
      .where('e.owner', 'group:default/team-3')
      .orderByRaw('coalesce(s.score, 1000) asc')
      .select('e.entity_ref')
      .toSQL()
      .toNative();
    const plan = async () => {
      if (knex.client.dialect === 'postgresql') {
        const { rows } = await knex.raw(
          "select reltuples from pg_class where relname = 'readiness_scores'",
        );
        return `estimated rows ${rows[0].reltuples}`;
      }
      const rows = await knex.raw(
        `explain query plan ${ownerSorted.sql}`,
        ownerSorted.bindings as any[],
      );
      const steps = rows.map((r: { detail: string }) => r.detail).join(' / ');
      return `owner index ${steps.includes('readiness_entities_owner_idx')}`;
    };
    const before = await plan();
    await store.refreshStatistics();
    const after = await plan();
    const postgres = knex.client.dialect === 'postgresql';
    expect([before, after]).toEqual(
      postgres
        ? ['estimated rows -1', 'estimated rows 400']
        : ['owner index false', 'owner index true'],
    );
  });
});
