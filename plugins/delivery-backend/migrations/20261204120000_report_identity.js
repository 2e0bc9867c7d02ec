// @ts-check

/**
 * A JUnit test is its suite path, classname and name (same-named cases of different suites
 * are different tests), and a re-sent delivery or test run is told apart from a different one
 * by a hash of its content: identical is a duplicate, different is a conflict.
 *
 * delivery_test_cases is rebuilt: its key (service, run, classname, name) merged tests of
 * different suites; rows are numbered within their run instead. Existing rows keep their
 * classname (stored as `suite` before) with an unknown suite path ('').
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('delivery_received', table => {
    table
      .text('content_hash')
      .comment(
        'SHA-256 of the delivery: the same id with other content is a conflict',
      );
  });
  await knex.schema.alterTable('delivery_test_runs', table => {
    table
      .text('content_hash')
      .comment(
        'SHA-256 of the report or event: the same run id with other content is a conflict',
      );
  });

  await renameCasesTable(knex, 'delivery_test_cases', 'delivery_test_cases_v1');
  await knex.schema.createTable('delivery_test_cases', table => {
    table.comment(
      'Test cases of JUnit runs, one row per test with its final outcome',
    );
    table.text('service_ref').notNullable();
    table.text('run_id').notNullable();
    table.integer('case_index').notNullable().comment('position in the run');
    table
      .text('suite')
      .notNullable()
      .comment('names of the enclosing testsuite elements, outermost first');
    table.text('classname').notNullable();
    table.text('name').notNullable();
    table
      .text('outcome')
      .notNullable()
      .comment('passed, failed, skipped, flaky');
    table.integer('attempts').notNullable();
    table.double('duration_seconds').notNullable();
    table.text('message');
    table.primary(
      ['service_ref', 'run_id', 'case_index'],
      'delivery_test_cases_pk',
    );
  });
  await knex.raw(`
    insert into delivery_test_cases
      (service_ref, run_id, case_index, suite, classname, name, outcome, attempts,
       duration_seconds, message)
    select service_ref, run_id,
      row_number() over (partition by service_ref, run_id order by suite, name) - 1,
      '', suite, name, outcome, attempts, duration_seconds, message
    from delivery_test_cases_v1`);
  await knex.schema.dropTable('delivery_test_cases_v1');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await renameCasesTable(knex, 'delivery_test_cases', 'delivery_test_cases_v2');
  await knex.schema.createTable('delivery_test_cases', table => {
    table.comment('Test cases of JUnit runs, with their final outcome');
    table.text('service_ref').notNullable();
    table.text('run_id').notNullable();
    table.text('suite').notNullable();
    table.text('name').notNullable();
    table.text('outcome').notNullable();
    table.integer('attempts').notNullable();
    table.double('duration_seconds').notNullable();
    table.text('message');
    table.primary(
      ['service_ref', 'run_id', 'suite', 'name'],
      'delivery_test_cases_pk',
    );
  });
  // The old key cannot hold same-named tests of two suites: they become one row again.
  await knex.raw(`
    insert into delivery_test_cases
      (service_ref, run_id, suite, name, outcome, attempts, duration_seconds, message)
    select service_ref, run_id, classname, name, max(outcome), sum(attempts),
      sum(duration_seconds), max(message)
    from delivery_test_cases_v2
    group by service_ref, run_id, classname, name`);
  await knex.schema.dropTable('delivery_test_cases_v2');
  await knex.schema.alterTable('delivery_test_runs', table => {
    table.dropColumn('content_hash');
  });
  await knex.schema.alterTable('delivery_received', table => {
    table.dropColumn('content_hash');
  });
};

/**
 * @param {import('knex').Knex} knex
 * @param {string} from
 * @param {string} to
 */
async function renameCasesTable(knex, from, to) {
  await knex.schema.renameTable(from, to);
  // PostgreSQL's constraint (and its index) names are unique in the schema.
  if (knex.client.dialect === 'postgresql')
    await knex.raw(
      `alter table ?? rename constraint delivery_test_cases_pk to ??`,
      [to, `${to}_pk`],
    );
}
