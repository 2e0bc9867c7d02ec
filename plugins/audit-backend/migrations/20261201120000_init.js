// @ts-check

/**
 * The audit trail: one row per audited action, fed by Runway's auditor service factory for
 * every plugin. An action is inserted as `initiated` and the same row gets its outcome
 * (`succeeded` / `failed`, error, completed_at) when the plugin reports it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('audit_events', table => {
    table.comment(
      'Audited actions of every plugin, with actor, target and outcome',
    );
    table
      .text('id')
      .primary('audit_events_pk')
      .comment('one occurrence (uuid)');
    table.text('plugin_id').notNullable();
    table.text('event_id').notNullable().comment("the auditor's eventId");
    table.text('severity_level').notNullable();
    table.text('status').notNullable().comment('initiated, succeeded, failed');
    table.text('actor_id').comment('user entity ref or service subject');
    table.text('actor_ip');
    table.text('actor_hostname');
    table.text('actor_user_agent');
    table.text('request_method');
    table.text('request_url');
    table.text('meta').comment('JSON object: the target and details');
    table.text('error').comment('error message of a failed action');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('completed_at', { useTz: true });
    // Lists are newest first, often narrowed to a plugin or an actor; retention deletes by age.
    table.index(['created_at', 'id'], 'audit_events_created_at_idx');
    table.index(['plugin_id', 'created_at'], 'audit_events_plugin_idx');
    table.index(['actor_id', 'created_at'], 'audit_events_actor_idx');
    table.index(['event_id', 'created_at'], 'audit_events_event_id_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('audit_events');
};
