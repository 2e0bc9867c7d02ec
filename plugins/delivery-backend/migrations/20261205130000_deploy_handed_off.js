// @ts-check

/**
 * When a running deploy's driver handed it off (answered "pending": a pipeline runs it and
 * calls back). A running deploy without it was inside the driver's `deploy` when its backend
 * stopped, and is resumed (drivers are idempotent per deploy id); a handed-off one waits for
 * its callback until delivery.deployTimeoutMinutes.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('delivery_deployments', table => {
    table
      .timestamp('handed_off_at', { useTz: true })
      .comment('When the driver answered pending and took the deploy over');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('delivery_deployments', table => {
    table.dropColumn('handed_off_at');
  });
};
