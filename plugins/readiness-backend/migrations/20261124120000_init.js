// @ts-check

/**
 * Readiness tables. Latest values live in one row per key; history tables get a row only when a
 * value changes, so a trend costs one indexed read and an unchanged evaluation writes nothing.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_facts', table => {
    table.comment('The latest value of each fact of each entity');
    table.text('entity_ref').notNullable();
    table.text('name').notNullable();
    table.text('value').notNullable().comment('JSON');
    table.text('source').notNullable();
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'name'], 'readiness_facts_pk');
    table.index(['name'], 'readiness_facts_name_idx');
    table.index(['observed_at'], 'readiness_facts_observed_at_idx');
  });

  await knex.schema.createTable('readiness_fact_history', table => {
    table.comment('Earlier values of facts, a row per change');
    table.bigIncrements('id');
    table.text('entity_ref').notNullable();
    table.text('name').notNullable();
    table.text('value').notNullable().comment('JSON');
    table.text('source').notNullable();
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'name', 'observed_at'],
      'readiness_fact_history_key_idx',
    );
    table.index(['observed_at'], 'readiness_fact_history_observed_at_idx');
  });

  await knex.schema.createTable('readiness_entities', table => {
    table.comment(
      'Each evaluated entity with what the overview filters and sorts on',
    );
    table.text('entity_ref').primary('readiness_entities_pk');
    table.text('kind').notNullable();
    table.text('type');
    table.text('title');
    table.text('owner');
    table.text('system');
    table.text('lifecycle');
    table.text('overall_level').notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.index(['owner'], 'readiness_entities_owner_idx');
    table.index(['system'], 'readiness_entities_system_idx');
    table.index(['overall_level'], 'readiness_entities_level_idx');
  });

  await knex.schema.createTable('readiness_results', table => {
    table.comment('The latest result of each check for each entity');
    table.text('entity_ref').notNullable();
    table.text('check_id').notNullable();
    table.text('status').notNullable();
    table.text('detail').notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'check_id'], 'readiness_results_pk');
    table.index(['check_id', 'status'], 'readiness_results_check_status_idx');
  });

  await knex.schema.createTable('readiness_result_history', table => {
    table.comment('A row each time a check result of an entity changed');
    table.bigIncrements('id');
    table.text('entity_ref').notNullable();
    table.text('check_id').notNullable();
    table.text('status').notNullable();
    table.text('detail').notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'changed_at'],
      'readiness_result_history_entity_idx',
    );
  });

  await knex.schema.createTable('readiness_scores', table => {
    table.comment(
      'The latest score and level of each capability of each entity',
    );
    table.text('entity_ref').notNullable();
    table.text('capability').notNullable();
    table.integer('score').comment('0-100; null when no check applies');
    table.text('level').notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'capability'], 'readiness_scores_pk');
    table.index(
      ['capability', 'level'],
      'readiness_scores_capability_level_idx',
    );
  });

  await knex.schema.createTable('readiness_score_history', table => {
    table.comment(
      'A row each time a capability score or level of an entity changed',
    );
    table.bigIncrements('id');
    table.text('entity_ref').notNullable();
    table.text('capability').notNullable();
    table.integer('score');
    table.text('level').notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'changed_at'],
      'readiness_score_history_entity_idx',
    );
  });

  await knex.schema.createTable('readiness_exemptions', table => {
    table.comment(
      'An entity exempted from a check, with a reason, until it expires',
    );
    table.text('id').primary('readiness_exemptions_pk');
    table.text('entity_ref').notNullable();
    table.text('check_id').notNullable();
    table.text('reason').notNullable();
    table.text('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('revoked_at', { useTz: true });
    table.text('revoked_by');
    table.index(['entity_ref', 'check_id'], 'readiness_exemptions_key_idx');
    table.index(['expires_at'], 'readiness_exemptions_expires_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'readiness_exemptions',
    'readiness_score_history',
    'readiness_scores',
    'readiness_result_history',
    'readiness_results',
    'readiness_entities',
    'readiness_fact_history',
    'readiness_facts',
  ]) {
    await knex.schema.dropTable(table);
  }
};
