// @ts-check

/**
 * Delivery tables. Deployments carry what the metrics aggregate (production flag, status,
 * change type, whether an incident was linked, the lead time and its histogram bucket) so
 * DORA over a window is one indexed aggregate, with no joins.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const postgres = knex.client.dialect === 'postgresql';

  await knex.schema.createTable('delivery_received', table => {
    table.comment('Delivery ids already stored: a replayed event is skipped');
    table.text('delivery_id').primary('delivery_received_pk');
    table.text('source').notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.index(['received_at'], 'delivery_received_at_idx');
  });

  await knex.schema.createTable('delivery_deployments', table => {
    table.comment('Deployments started through Runway or reported by CI/CD');
    table.text('id').primary('delivery_deployments_pk');
    table.text('service_ref').notNullable();
    table.text('environment').notNullable();
    table.boolean('is_production').notNullable();
    table.text('version').notNullable();
    table.text('status').notNullable();
    table
      .integer('status_rank')
      .notNullable()
      .comment('order of statuses: a late event never moves a deployment back');
    table.text('change_type').notNullable();
    table.text('source').notNullable().comment('runway or external');
    table.text('driver');
    table.text('triggered_by');
    table.boolean('self_service').notNullable();
    table.text('commit_sha');
    table.text('rollback_of');
    table.text('promoted_from');
    table.text('request_key').comment('idempotency key of a Runway deploy');
    table
      .text('lock_key')
      .comment('service and environment while a Runway deploy is active');
    table.timestamp('change_started_at', { useTz: true });
    table.timestamp('change_merged_at', { useTz: true });
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.timestamp('queued_at', { useTz: true });
    table.timestamp('started_at', { useTz: true });
    table.timestamp('finished_at', { useTz: true });
    table.text('approval_reason');
    table.text('approved_by');
    table.timestamp('approved_at', { useTz: true });
    table.text('freeze_window');
    table.text('override_reason');
    table.double('lead_time_seconds');
    table.integer('lead_time_bucket');
    table.boolean('caused_incident').notNullable().defaultTo(false);
    table.text('message');
    table.unique(['lock_key'], {
      indexName: 'delivery_deployments_one_active_uq',
    });
    table.unique(['service_ref', 'environment', 'request_key'], {
      indexName: 'delivery_deployments_request_uq',
    });
    table.index(
      ['service_ref', 'environment', 'requested_at'],
      'delivery_deployments_history_idx',
    );
    table.index(['status', 'requested_at'], 'delivery_deployments_status_idx');
    table.index(['commit_sha'], 'delivery_deployments_commit_idx');
    if (!postgres) {
      table.index(
        ['is_production', 'finished_at'],
        'delivery_deployments_window_idx',
      );
      table.index(
        ['service_ref', 'is_production', 'finished_at'],
        'delivery_deployments_service_window_idx',
      );
    }
  });
  if (postgres) {
    // Covering partial indexes: the organisation's and a service's DORA aggregates are
    // index-only scans over production deployments in the window.
    const covered =
      'service_ref, status, change_type, caused_incident, self_service, lead_time_bucket, lead_time_seconds';
    await knex.raw(
      `create index delivery_deployments_window_idx on delivery_deployments (finished_at) include (${covered}) where is_production`,
    );
    await knex.raw(
      `create index delivery_deployments_service_window_idx on delivery_deployments (service_ref, finished_at) include (status, change_type, caused_incident, self_service, lead_time_bucket, lead_time_seconds) where is_production`,
    );
  }

  await knex.schema.createTable('delivery_deployment_events', table => {
    table.comment('The live log of each deployment');
    table.bigIncrements('id', { primaryKey: true });
    table.text('deployment_id').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.text('status');
    table.text('message').notNullable();
    table.index(['deployment_id', 'id'], 'delivery_deployment_events_idx');
  });

  await knex.schema.createTable('delivery_pull_requests', table => {
    table.comment('Pull requests, one row each, updated as events arrive');
    table
      .text('pr_key')
      .primary('delivery_pull_requests_pk')
      .comment('repository#number');
    table.text('repository').notNullable();
    table.integer('number').notNullable();
    table.text('service_ref').notNullable();
    table.text('title');
    table.text('author');
    table.timestamp('opened_at', { useTz: true }).notNullable();
    table.timestamp('first_commit_at', { useTz: true });
    table.timestamp('first_review_at', { useTz: true });
    table.timestamp('first_approval_at', { useTz: true });
    table.timestamp('merged_at', { useTz: true });
    table.timestamp('closed_at', { useTz: true });
    table.integer('additions');
    table.integer('deletions');
    table.integer('changed_files');
    table.text('merge_commit_sha');
    table.index(
      ['service_ref', 'opened_at'],
      'delivery_prs_service_opened_idx',
    );
    table.index(['opened_at'], 'delivery_prs_opened_idx');
    table.index(
      ['service_ref', 'merged_at'],
      'delivery_prs_service_merged_idx',
    );
    table.index(['merged_at'], 'delivery_prs_merged_idx');
    table.index(['merge_commit_sha'], 'delivery_prs_merge_commit_idx');
  });

  await knex.schema.createTable('delivery_reviews', table => {
    table.comment('Pull request reviews');
    table.text('pr_key').notNullable().comment('repository#number');
    table.text('review_id').notNullable();
    table.text('reviewer');
    table.text('state').notNullable();
    table.timestamp('submitted_at', { useTz: true }).notNullable();
    table.primary(['pr_key', 'review_id'], 'delivery_reviews_pk');
  });

  await knex.schema.createTable('delivery_test_runs', table => {
    table.comment('CI test runs');
    table.text('service_ref').notNullable();
    table.text('run_id').notNullable();
    table.text('source').notNullable().comment('junit or api');
    table.timestamp('started_at', { useTz: true });
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.double('duration_seconds').notNullable();
    table.integer('tests').notNullable();
    table.integer('failures').notNullable();
    table.integer('skipped').notNullable();
    table.integer('flaky_tests').notNullable();
    table.primary(['service_ref', 'run_id'], 'delivery_test_runs_pk');
    table.index(
      ['service_ref', 'finished_at'],
      'delivery_test_runs_service_idx',
    );
    table.index(['finished_at'], 'delivery_test_runs_finished_idx');
  });

  await knex.schema.createTable('delivery_test_cases', table => {
    table.comment('Test cases of JUnit runs, with their final outcome');
    table.text('service_ref').notNullable();
    table.text('run_id').notNullable();
    table.text('suite').notNullable();
    table.text('name').notNullable();
    table
      .text('outcome')
      .notNullable()
      .comment('passed, failed, skipped, flaky');
    table.integer('attempts').notNullable();
    table.double('duration_seconds').notNullable();
    table.text('message');
    table.primary(
      ['service_ref', 'run_id', 'suite', 'name'],
      'delivery_test_cases_pk',
    );
  });

  await knex.schema.createTable('delivery_incidents', table => {
    table.comment('Incidents, opened and resolved');
    table.text('id').primary('delivery_incidents_pk');
    table.text('service_ref').notNullable();
    table.text('title');
    table.timestamp('opened_at', { useTz: true }).notNullable();
    table.timestamp('resolved_at', { useTz: true });
    table.double('restore_seconds');
    table.text('caused_by_deployment_id');
    table.index(
      ['service_ref', 'resolved_at'],
      'delivery_incidents_service_idx',
    );
    table.index(['resolved_at'], 'delivery_incidents_resolved_idx');
    table.index(['caused_by_deployment_id'], 'delivery_incidents_cause_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'delivery_incidents',
    'delivery_test_cases',
    'delivery_test_runs',
    'delivery_reviews',
    'delivery_pull_requests',
    'delivery_deployment_events',
    'delivery_deployments',
    'delivery_received',
  ]) {
    await knex.schema.dropTable(table);
  }
};
