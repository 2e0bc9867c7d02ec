// @ts-check

/**
 * Incidents from PagerDuty, Opsgenie and Alertmanager: where each came from, its page there,
 * and how it was tied to a deployment: `reported` (the sender named the deployment) or
 * `live-at-open` (the service's production deployment live when it opened), so a change
 * failure rate can say why each deployment counts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('delivery_incidents', table => {
    table
      .text('source')
      .comment('api, incident-webhook, pagerduty, opsgenie, alertmanager');
    table.text('url');
    table.text('cause_link').comment('reported or live-at-open');
  });
  await knex('delivery_incidents')
    .whereNotNull('caused_by_deployment_id')
    .update({ cause_link: 'reported' });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('delivery_incidents', table => {
    table.dropColumn('source');
    table.dropColumn('url');
    table.dropColumn('cause_link');
  });
};
