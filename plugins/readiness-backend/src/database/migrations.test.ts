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

    // The results fingerprint and the overview's sort indexes go first, leaving the rows.
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
});
