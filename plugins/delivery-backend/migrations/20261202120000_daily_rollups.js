// @ts-check

/**
 * Daily rollups of production deployments, kept up to date in the same transaction as every
 * change of a deployment row: the organisation's DORA over a year reads about a row per service
 * and day (and per day and lead-time bucket) instead of every deployment.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('delivery_deployment_days', table => {
    table.comment('Finished production deployments per service and UTC day');
    table.text('service_ref').notNullable();
    table.integer('day').notNullable().comment('days since 1970-01-01 (UTC)');
    table.integer('finished').notNullable();
    table.integer('live').notNullable();
    table.integer('failed').notNullable();
    table.integer('rework').notNullable();
    table.integer('self_service').notNullable();
    table.primary(['service_ref', 'day'], 'delivery_deployment_days_pk');
    table.index(['day'], 'delivery_deployment_days_day_idx');
  });
  await knex.schema.createTable('delivery_lead_time_days', table => {
    table.comment('Production lead times per UTC day and histogram bucket');
    table.integer('day').notNullable();
    table.integer('bucket').notNullable();
    table.integer('deployments').notNullable();
    table.primary(['day', 'bucket'], 'delivery_lead_time_days_pk');
  });

  const day =
    knex.client.dialect === 'postgresql'
      ? 'floor(extract(epoch from finished_at) / 86400)::integer'
      : 'cast(finished_at / 86400000 as integer)';
  await knex.raw(`
    insert into delivery_deployment_days
      (service_ref, day, finished, live, failed, rework, self_service)
    select service_ref, ${day}, count(*),
      sum(case when status in ('succeeded', 'rolled-back') then 1 else 0 end),
      sum(case when status in ('failed', 'rolled-back') or caused_incident = true then 1 else 0 end),
      sum(case when change_type in ('fix', 'rollback') then 1 else 0 end),
      sum(case when self_service = true then 1 else 0 end)
    from delivery_deployments
    where is_production = true and finished_at is not null
    group by service_ref, ${day}`);
  await knex.raw(`
    insert into delivery_lead_time_days (day, bucket, deployments)
    select ${day}, lead_time_bucket, count(*)
    from delivery_deployments
    where is_production = true and finished_at is not null and lead_time_bucket is not null
    group by ${day}, lead_time_bucket`);
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('delivery_lead_time_days');
  await knex.schema.dropTable('delivery_deployment_days');
};
