// @ts-check

/**
 * Environments, their resources (with encrypted driver state and secrets), the live log,
 * the audit trail, idempotency keys and per-team quota locks.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('environments', table => {
    table.string('id', 36).primary();
    table.string('name', 63).notNullable();
    // The name while the environment holds it (unique); null once nothing of it exists, so a
    // torn-down environment's name can be used again.
    table.string('active_name', 63).nullable();
    table.string('class_name', 100).notNullable();
    table.string('owner', 255).notNullable();
    table.string('component', 255).nullable();
    table.string('template', 255).nullable();
    table.string('status', 32).notNullable();
    table.text('status_message').nullable();
    // Set when provisioning failed: the rollback (a teardown) then ends `failed`, not `torn-down`.
    table.text('failure').nullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('expiry_notified_at', { useTz: true }).nullable();
    table.string('approval_decision', 16).nullable();
    table.string('approval_by', 255).nullable();
    table.timestamp('approval_at', { useTz: true }).nullable();
    table.text('approval_reason').nullable();
    // Which backend replica is working on the environment, and until when (renewed while it works).
    table.string('lease_owner', 64).nullable();
    table.timestamp('lease_until', { useTz: true }).nullable();
    table.unique(['active_name'], { indexName: 'environments_active_name_uq' });
    table.index(
      ['owner', 'class_name', 'status'],
      'environments_owner_class_status_idx',
    );
    table.index(['status', 'expires_at'], 'environments_status_expires_idx');
    table.index(['class_name', 'status'], 'environments_class_status_idx');
    table.index(['created_by'], 'environments_created_by_idx');
    table.index(['component'], 'environments_component_idx');
    table.index(['template'], 'environments_template_idx');
    table.index(['created_at'], 'environments_created_at_idx');
  });

  await knex.schema.createTable('environment_resources', table => {
    table
      .string('environment_id', 36)
      .notNullable()
      .references('id')
      .inTable('environments')
      .onDelete('CASCADE');
    table.string('name', 63).notNullable();
    table.integer('position').notNullable();
    table.string('type', 100).notNullable();
    table.string('status', 32).notNullable();
    table.text('parameters').notNullable();
    table.text('outputs').notNullable();
    // AES-256-GCM (environments.encryptionKey); never logged, never in lists.
    table.text('secrets_encrypted').nullable();
    table.text('state_encrypted').nullable();
    table.text('error').nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['environment_id', 'name'], 'environment_resources_pk');
  });

  await knex.schema.createTable('environment_events', table => {
    table.bigIncrements('id').primary();
    table.string('environment_id', 36).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('kind', 16).notNullable();
    table.string('resource', 63).nullable();
    table.string('status', 32).nullable();
    table.text('message').notNullable();
    table.index(['environment_id', 'id'], 'environment_events_env_idx');
  });

  await knex.schema.createTable('environment_audit', table => {
    table.bigIncrements('id').primary();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('environment_id', 36).notNullable();
    table.string('environment_name', 63).notNullable();
    table.string('owner', 255).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 32).notNullable();
    table.string('outcome', 16).notNullable();
    table.text('message').nullable();
    table.index(['environment_id', 'id'], 'environment_audit_env_idx');
    table.index(['owner', 'id'], 'environment_audit_owner_idx');
  });

  await knex.schema.createTable('environment_idempotency_keys', table => {
    table.string('created_by', 255).notNullable();
    table.string('key', 255).notNullable();
    table.string('request_hash', 64).notNullable();
    table.string('environment_id', 36).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.primary(['created_by', 'key'], 'environment_idempotency_keys_pk');
  });

  // One row per team and class, locked (PostgreSQL) while a create counts the team's quota.
  await knex.schema.createTable('environment_quota_locks', table => {
    table.string('owner', 255).notNullable();
    table.string('class_name', 100).notNullable();
    table.primary(['owner', 'class_name'], 'environment_quota_locks_pk');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('environment_quota_locks');
  await knex.schema.dropTable('environment_idempotency_keys');
  await knex.schema.dropTable('environment_audit');
  await knex.schema.dropTable('environment_events');
  await knex.schema.dropTable('environment_resources');
  await knex.schema.dropTable('environments');
};
