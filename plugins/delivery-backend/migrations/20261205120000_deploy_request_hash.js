// @ts-check

/**
 * What an idempotency key was first used for: the SHA-256 of the deploy, rollback or promotion
 * request (without the key), so that reusing the key for a different request is a 409 instead
 * of answering with the earlier deploy. Rows written before this have none and match any request.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('delivery_deployments', table => {
    table
      .text('request_hash')
      .comment('SHA-256 of the request the idempotency key was first used for');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('delivery_deployments', table => {
    table.dropColumn('request_hash');
  });
};
