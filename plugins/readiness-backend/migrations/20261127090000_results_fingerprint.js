// @ts-check

/**
 * A fingerprint of each entity's latest results (check, status and detail), so a run that
 * changes nothing compares one short string per entity instead of reading and parsing its
 * results. Rows written before it have none and are compared in full once, which fills it in.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_entity_results', table => {
    table.text('fingerprint').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_entity_results', table => {
    table.dropColumn('fingerprint');
  });
};
