// @ts-check

/**
 * Latest values stored per entity instead of per key: an entity's facts from one source are one
 * JSON row (readiness_fact_sets) and its check results are a JSON column of readiness_entities.
 * Evaluating 10,000 entities then writes tens of thousands of rows instead of close to a million.
 * History tables from now on hold the values that were replaced (with the time they were last
 * true); the latest values complete the timeline.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_fact_sets', table => {
    table.comment('The latest facts of an entity from one source');
    table.text('entity_ref').notNullable();
    table.text('source').notNullable();
    table
      .text('facts')
      .notNullable()
      .comment('JSON: { [name]: { value, observedAt } }');
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'source'], 'readiness_fact_sets_pk');
  });
  const sets = new Map();
  for (const row of await knex('readiness_facts').select()) {
    const key = `${row.entity_ref}\u0000${row.source}`;
    const set = sets.get(key) ?? {
      entity_ref: row.entity_ref,
      source: row.source,
      facts: {},
      updated_at: new Date(row.observed_at),
    };
    set.facts[row.name] = {
      value: JSON.parse(row.value),
      observedAt: new Date(row.observed_at).toISOString(),
    };
    if (new Date(row.observed_at) > set.updated_at)
      set.updated_at = new Date(row.observed_at);
    sets.set(key, set);
  }
  for (const set of sets.values()) {
    await knex('readiness_fact_sets').insert({
      ...set,
      facts: JSON.stringify(set.facts),
    });
  }
  await knex.schema.dropTable('readiness_facts');

  await knex.schema.alterTable('readiness_entities', table => {
    table
      .text('results')
      .comment('JSON: { [checkId]: { status, detail, changedAt } }');
  });
  const results = new Map();
  for (const row of await knex('readiness_results').select()) {
    const entity = results.get(row.entity_ref) ?? {};
    entity[row.check_id] = {
      status: row.status,
      detail: row.detail,
      changedAt: new Date(row.changed_at).toISOString(),
    };
    results.set(row.entity_ref, entity);
  }
  for (const [entityRef, entity] of results) {
    await knex('readiness_entities')
      .where({ entity_ref: entityRef })
      .update({ results: JSON.stringify(entity) });
  }
  await knex('readiness_entities')
    .whereNull('results')
    .update({ results: '{}' });
  await knex.schema.dropTable('readiness_results');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.createTable('readiness_results', table => {
    table.text('entity_ref').notNullable();
    table.text('check_id').notNullable();
    table.text('status').notNullable();
    table.text('detail').notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'check_id'], 'readiness_results_pk');
    table.index(['check_id', 'status'], 'readiness_results_check_status_idx');
  });
  for (const row of await knex('readiness_entities').select(
    'entity_ref',
    'results',
  )) {
    for (const [checkId, r] of Object.entries(JSON.parse(row.results))) {
      await knex('readiness_results').insert({
        entity_ref: row.entity_ref,
        check_id: checkId,
        status: r.status,
        detail: r.detail,
        changed_at: new Date(r.changedAt),
      });
    }
  }
  await knex.schema.alterTable('readiness_entities', table => {
    table.dropColumn('results');
  });

  await knex.schema.createTable('readiness_facts', table => {
    table.text('entity_ref').notNullable();
    table.text('name').notNullable();
    table.text('value').notNullable();
    table.text('source').notNullable();
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'name'], 'readiness_facts_pk');
    table.index(['name'], 'readiness_facts_name_idx');
    table.index(['observed_at'], 'readiness_facts_observed_at_idx');
  });
  for (const set of await knex('readiness_fact_sets').select()) {
    for (const [name, fact] of Object.entries(JSON.parse(set.facts))) {
      await knex('readiness_facts')
        .insert({
          entity_ref: set.entity_ref,
          name,
          value: JSON.stringify(fact.value),
          source: set.source,
          observed_at: new Date(fact.observedAt),
        })
        .onConflict(['entity_ref', 'name'])
        .merge();
    }
  }
  await knex.schema.dropTable('readiness_fact_sets');
};
