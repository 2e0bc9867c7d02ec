// @ts-check

/**
 * What the overview shows of each entity's fix-first list, stored at evaluation time so the
 * overview never re-evaluates: how many capabilities are scored, the next overall level, how
 * many checks block it and the first of them. The level sort puts entities whose level rests on
 * fewer than two scored capabilities (MIN_SCORED_CAPABILITIES in readiness-common) after the
 * others in either direction, so its index becomes two, one per direction, each expression
 * written exactly as DatabaseOverviewStore orders by it (as the score indexes are).
 * Scored capabilities are filled from the stored scores; the fix-first columns by the next
 * evaluation (one runs at start).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_entities', table => {
    table
      .integer('scored_capabilities')
      .notNullable()
      .defaultTo(0)
      .comment('Capabilities with an applicable check');
    table.text('next_level').comment('The next overall level; null at gold');
    table
      .integer('blocking_checks')
      .notNullable()
      .defaultTo(0)
      .comment('Open checks blocking the next level');
    table.text('fix_first_check').comment('Id of the first blocking check');
    table.text('fix_first_capability');
    table.text('fix_first_level');
    table.text('fix_first_title');
  });
  await knex.raw(
    `update readiness_entities set scored_capabilities = (
       select count(*) from readiness_scores s
       where s.entity_ref = readiness_entities.entity_ref and s.score is not null)`,
  );
  await knex.raw('drop index readiness_entities_level_rank_idx');
  await knex.raw(
    `create index readiness_entities_level_ascending_idx on readiness_entities
     ((case when scored_capabilities < 2 then 4 else 0 end + case overall_level when 'gold' then 3 when 'silver' then 2 when 'bronze' then 1 else 0 end), entity_ref)`,
  );
  await knex.raw(
    `create index readiness_entities_level_descending_idx on readiness_entities
     ((case overall_level when 'gold' then 3 when 'silver' then 2 when 'bronze' then 1 else 0 end - case when scored_capabilities < 2 then 4 else 0 end), entity_ref)`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('drop index readiness_entities_level_ascending_idx');
  await knex.raw('drop index readiness_entities_level_descending_idx');
  await knex.schema.alterTable('readiness_entities', table => {
    for (const column of [
      'scored_capabilities',
      'next_level',
      'blocking_checks',
      'fix_first_check',
      'fix_first_capability',
      'fix_first_level',
      'fix_first_title',
    ]) {
      table.dropColumn(column);
    }
  });
  await knex.raw(
    `create index readiness_entities_level_rank_idx on readiness_entities
     ((case overall_level when 'gold' then 3 when 'silver' then 2 when 'bronze' then 1 else 0 end), entity_ref)`,
  );
};
