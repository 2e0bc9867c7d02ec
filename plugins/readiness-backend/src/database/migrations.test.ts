import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '@internal/testing';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const directory = resolvePackagePath(
  '@internal/plugin-readiness-backend',
  'migrations',
);
const ref = 'component:default/payments-api';
const at = new Date('2026-11-20T10:00:00.000Z');

describe.each(databases.eachSupportedId())('readiness migrations on %s', id => {
  it('carries facts and results into the per-entity rows and back', async () => {
    const knex = await databases.init(id);
    await knex.migrate.up({ directory, name: '20261124120000_init.js' });
    await knex('readiness_facts').insert([
      {
        entity_ref: ref,
        name: 'catalog.oncall.configured',
        value: 'true',
        source: 'catalog',
        observed_at: at,
      },
      {
        entity_ref: ref,
        name: 'ci.test.coveragePercent',
        value: '84',
        source: 'ci',
        observed_at: at,
      },
    ]);
    await knex('readiness_entities').insert({
      entity_ref: ref,
      kind: 'Component',
      overall_level: 'bronze',
      evaluated_at: at,
    });
    await knex('readiness_results').insert({
      entity_ref: ref,
      check_id: 'ownership.oncall',
      status: 'pass',
      detail: 'on-call configured',
      changed_at: at,
    });

    await knex.migrate.latest({ directory });
    const sets = await knex('readiness_fact_sets').orderBy('source');
    expect(sets.map(s => [s.source, JSON.parse(s.facts)])).toEqual([
      [
        'catalog',
        {
          'catalog.oncall.configured': {
            value: true,
            observedAt: at.toISOString(),
          },
        },
      ],
      [
        'ci',
        {
          'ci.test.coveragePercent': {
            value: 84,
            observedAt: at.toISOString(),
          },
        },
      ],
    ]);
    const [entity] = await knex('readiness_entities');
    expect(entity).not.toHaveProperty('results');
    const [stored] = await knex('readiness_entity_results');
    expect(stored.entity_ref).toBe(ref);
    expect(JSON.parse(stored.results)).toEqual({
      'ownership.oncall': {
        status: 'pass',
        detail: 'on-call configured',
        changedAt: at.toISOString(),
      },
    });

    // Rows from before the fingerprint have none: they are compared in full on the next run.
    expect(stored.fingerprint).toBeNull();

    // The fix-first columns, the results fingerprint and the overview's sort indexes go
    // first, leaving the rows.
    await knex.migrate.down({ directory });
    expect(
      await knex.schema.hasColumn('readiness_entities', 'scored_capabilities'),
    ).toBe(false);
    await knex.migrate.down({ directory });
    expect(
      await knex.schema.hasColumn('readiness_entity_results', 'fingerprint'),
    ).toBe(false);
    await knex.migrate.down({ directory });
    expect(await knex('readiness_entity_results')).toHaveLength(1);

    await knex.migrate.down({ directory });
    const [restored] = await knex('readiness_entities');
    expect(JSON.parse(restored.results)).toEqual(JSON.parse(stored.results));
    expect(await knex.schema.hasTable('readiness_entity_results')).toBe(false);

    await knex.migrate.down({ directory });
    const facts = await knex('readiness_facts').orderBy('name');
    expect(facts.map(f => [f.name, f.value, f.source])).toEqual([
      ['catalog.oncall.configured', 'true', 'catalog'],
      ['ci.test.coveragePercent', '84', 'ci'],
    ]);
    const results = await knex('readiness_results');
    expect(results.map(r => [r.check_id, r.status])).toEqual([
      ['ownership.oncall', 'pass'],
    ]);
  });

  it('adds the fix-first columns, counting scored capabilities from the stored scores, and takes them away', async () => {
    const knex = await databases.init(id);
    // Up to the migration before this one.
    for (let i = 0; i < 5; i++) await knex.migrate.up({ directory });
    expect(
      await knex.schema.hasColumn('readiness_entity_results', 'fingerprint'),
    ).toBe(true);
    const entity = (name: string) => ({
      entity_ref: `component:default/${name}`,
      kind: 'Component',
      overall_level: 'gold',
      evaluated_at: at,
    });
    await knex('readiness_entities').insert([entity('a'), entity('b')]);
    await knex('readiness_scores').insert(
      [
        ['a', 'ownership', 100],
        ['a', 'observability', 80],
        ['a', 'test-feedback', null],
        ['b', 'ownership', null],
      ].map(([name, capability, score]) => ({
        entity_ref: `component:default/${name}`,
        capability,
        score,
        level: score === null ? 'none' : 'gold',
        changed_at: at,
      })),
    );
    const indexes = async () => {
      const rows =
        knex.client.dialect === 'postgresql'
          ? (
              await knex.raw(
                "select indexname as name from pg_indexes where tablename = 'readiness_entities'",
              )
            ).rows
          : await knex.raw(
              "select name from sqlite_master where type = 'index' and tbl_name = 'readiness_entities'",
            );
      return rows
        .map((r: { name: string }) => r.name)
        .filter((n: string) => n.includes('level'))
        .sort();
    };

    await knex.migrate.up({ directory });
    const rows = await knex('readiness_entities')
      .orderBy('entity_ref')
      .select(
        'scored_capabilities',
        'next_level',
        'blocking_checks',
        'fix_first_check',
      );
    // The fix-first columns wait for the next evaluation.
    expect(rows).toEqual([
      {
        scored_capabilities: 2,
        next_level: null,
        blocking_checks: 0,
        fix_first_check: null,
      },
      {
        scored_capabilities: 0,
        next_level: null,
        blocking_checks: 0,
        fix_first_check: null,
      },
    ]);
    expect(await indexes()).toEqual([
      'readiness_entities_level_ascending_idx',
      'readiness_entities_level_descending_idx',
      'readiness_entities_level_idx',
    ]);

    await knex.migrate.down({ directory });
    for (const column of ['scored_capabilities', 'fix_first_title']) {
      expect(await knex.schema.hasColumn('readiness_entities', column)).toBe(
        false,
      );
    }
    expect(await knex('readiness_entities')).toHaveLength(2);
    expect(await indexes()).toEqual([
      'readiness_entities_level_idx',
      'readiness_entities_level_rank_idx',
    ]);
  });
});
