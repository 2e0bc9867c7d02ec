// @ts-check

/**
 * Check results move from a JSON column of readiness_entities to their own table: the overview
 * filters and sorts readiness_entities on every request, and with a 4-6 KB results value in each
 * row a sort over 10,000 entities read 10,000 overflowing SQLite pages (about 17-20 ms a request;
 * PostgreSQL compressed them inline, 1 KB a row). An unchanged evaluation also stops rewriting
 * that value when it only moves evaluated_at.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_entity_results', table => {
    table.comment('The latest check results of each evaluated entity');
    table.text('entity_ref').primary('readiness_entity_results_pk');
    table
      .text('results')
      .notNullable()
      .comment('JSON: { [checkId]: { status, detail, changedAt } }');
  });
  await knex.raw(
    `insert into readiness_entity_results (entity_ref, results)
     select entity_ref, coalesce(results, '{}') from readiness_entities`,
  );
  await knex.schema.alterTable('readiness_entities', table => {
    table.dropColumn('results');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_entities', table => {
    table
      .text('results')
      .comment('JSON: { [checkId]: { status, detail, changedAt } }');
  });
  await knex.raw(
    `update readiness_entities set results = coalesce(
       (select r.results from readiness_entity_results r
        where r.entity_ref = readiness_entities.entity_ref), '{}')`,
  );
  await knex.schema.dropTable('readiness_entity_results');
};
