// @ts-check

/**
 * What GitHub's webhooks carry beyond pull requests and reviews: a pull request's draft state
 * and when it became ready for review (review wait starts there), the time of the state an
 * event carried (a late delivery never undoes a newer state), pushes (their commits start a
 * change's lead time) and CI runs (workflow runs, check suites and check runs).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('delivery_pull_requests', table => {
    table.boolean('draft');
    table
      .timestamp('ready_at', { useTz: true })
      .comment('when it was opened as, or first marked, ready for review');
    table
      .timestamp('state_at', { useTz: true })
      .comment(
        "GitHub's updated_at of the state stored: older deliveries do not undo it",
      );
    table.text('head_sha');
  });

  await knex.schema.createTable('delivery_pushes', table => {
    table.comment(
      'Pushes of new commits to a branch, per service whose code they touch',
    );
    table.text('repository').notNullable().comment('owner/name, lower case');
    table.text('after_sha').notNullable();
    table.text('service_ref').notNullable();
    table.text('before_sha').notNullable();
    table.text('ref').notNullable();
    table.boolean('forced').notNullable();
    table.timestamp('pushed_at', { useTz: true }).notNullable();
    table
      .timestamp('first_commit_at', { useTz: true })
      .comment(
        'the earliest commit time of the push, when any was within range',
      );
    table.integer('commits').notNullable();
    table.primary(
      ['repository', 'after_sha', 'service_ref'],
      'delivery_pushes_pk',
    );
    table.index(
      ['service_ref', 'after_sha'],
      'delivery_pushes_service_after_idx',
    );
  });

  await knex.schema.createTable('delivery_ci_runs', table => {
    table.comment('CI runs: GitHub workflow runs, check suites and check runs');
    table.text('id').primary('delivery_ci_runs_pk');
    table.text('service_ref').notNullable();
    table
      .text('kind')
      .notNullable()
      .comment('workflow_run, check_suite or check_run');
    table.text('provider').notNullable();
    table.text('name').notNullable();
    table.text('head_sha').notNullable();
    table.text('head_branch');
    table
      .text('trigger')
      .comment('the event that started it: push, pull_request, ...');
    table.text('status').notNullable().comment('running or completed');
    table.text('conclusion');
    table.timestamp('started_at', { useTz: true });
    table.timestamp('finished_at', { useTz: true });
    table.double('duration_seconds');
    table.text('url');
    table.index(['service_ref', 'finished_at'], 'delivery_ci_runs_service_idx');
    table.index(['finished_at'], 'delivery_ci_runs_finished_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('delivery_ci_runs');
  await knex.schema.dropTable('delivery_pushes');
  await knex.schema.alterTable('delivery_pull_requests', table => {
    table.dropColumn('draft');
    table.dropColumn('ready_at');
    table.dropColumn('state_at');
    table.dropColumn('head_sha');
  });
};
