import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '@internal/testing';
import { Knex } from 'knex';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const directory = resolvePackagePath(
  '@internal/plugin-delivery-backend',
  'migrations',
);

/** Undoes migrations, newest first, down to and including `version`. */
async function downTo(knex: Knex, version: string) {
  while ((await knex.migrate.currentVersion({ directory })) >= version)
    await knex.migrate.down({ directory });
}

describe.each(databases.eachSupportedId())('delivery migrations on %s', id => {
  it('fills the daily rollups from the deployments already stored, and goes back down', async () => {
    const knex = await databases.init(id);
    await knex.migrate.up({ directory, name: '20261201120000_init.js' });
    const row = (n: number, patch: Record<string, unknown>) => ({
      id: `d${n}`,
      service_ref: 'component:default/payments-api',
      environment: 'prod',
      is_production: true,
      version: `v${n}`,
      status: 'succeeded',
      status_rank: 3,
      change_type: 'planned',
      source: 'external',
      self_service: true,
      requested_at: new Date('2026-11-02T09:00:00Z'),
      finished_at: new Date('2026-11-02T10:00:00Z'),
      lead_time_seconds: 3600,
      lead_time_bucket: 8,
      caused_incident: false,
      ...patch,
    });
    await knex('delivery_deployments').insert([
      row(1, {}),
      row(2, {
        status: 'failed',
        lead_time_seconds: null,
        lead_time_bucket: null,
      }),
      row(3, {
        finished_at: new Date('2026-11-03T23:59:00Z'),
        caused_incident: true,
      }),
      row(4, { is_production: false }),
    ]);
    await knex.migrate.latest({ directory });
    const days = await knex('delivery_deployment_days').orderBy('day');
    expect(
      days.map(d => [d.day, d.finished, d.live, d.failed, d.self_service]),
    ).toEqual([
      [20759, 2, 1, 1, 2],
      [20760, 1, 1, 1, 1],
    ]);
    const leads = await knex('delivery_lead_time_days').orderBy('day');
    expect(leads.map(l => [l.day, l.bucket, l.deployments])).toEqual([
      [20759, 8, 1],
      [20760, 8, 1],
    ]);
    await downTo(knex, '20261202120000');
    expect(await knex.schema.hasTable('delivery_deployment_days')).toBe(false);
  });

  it('keeps stored test cases when a test becomes its suite path, classname and name, and goes back down', async () => {
    const knex = await databases.init(id);
    await knex.migrate.up({ directory, name: '20261201120000_init.js' });
    await knex.migrate.up({
      directory,
      name: '20261202120000_daily_rollups.js',
    });
    const testCase = (name: string) => ({
      service_ref: 'component:default/payments-api',
      run_id: 'r1',
      suite: 'com.skyline.PaymentsTest',
      name,
      outcome: 'passed',
      attempts: 1,
      duration_seconds: 0.5,
    });
    await knex('delivery_test_cases').insert([testCase('b'), testCase('a')]);
    await knex.migrate.latest({ directory });
    const rows = await knex('delivery_test_cases').orderBy('case_index');
    expect(rows.map(r => [r.case_index, r.suite, r.classname, r.name])).toEqual(
      [
        [0, '', 'com.skyline.PaymentsTest', 'a'],
        [1, '', 'com.skyline.PaymentsTest', 'b'],
      ],
    );
    // Two suites with the same classname and name: one row again after going down.
    await knex('delivery_test_cases').insert({
      ...testCase('a'),
      case_index: 2,
      suite: 'other',
      classname: 'com.skyline.PaymentsTest',
    });
    await downTo(knex, '20261204120000');
    const back = await knex('delivery_test_cases').orderBy('name');
    expect(back.map(r => [r.suite, r.name, r.attempts])).toEqual([
      ['com.skyline.PaymentsTest', 'a', 2],
      ['com.skyline.PaymentsTest', 'b', 1],
    ]);
    expect(
      await knex.schema.hasColumn('delivery_received', 'content_hash'),
    ).toBe(false);
  });
});
