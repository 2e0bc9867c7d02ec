import { createTestDatabases } from '@internal/testing';
import { applyDatabaseMigrations } from './migrations';
import { DatabaseIngestStore } from './DatabaseIngestStore';
import { DeploymentInput, IngestItem } from './IngestStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const svc = 'component:default/payments-api';
const at = (iso: string) => new Date(iso);
const now = at('2026-12-01T12:00:00Z');

const deployment = (patch: Partial<DeploymentInput> = {}): IngestItem => ({
  kind: 'deployment',
  value: {
    id: 'd1',
    serviceRef: svc,
    environment: 'prod',
    production: true,
    version: '1.2.0',
    status: 'succeeded',
    changeType: 'planned',
    selfService: true,
    pullRequests: [],
    finishedAt: at('2026-11-30T10:00:00Z'),
    ...patch,
  },
});

describe.each(databases.eachSupportedId())('DatabaseIngestStore on %s', id => {
  async function setup() {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    return { knex, store: new DatabaseIngestStore(knex) };
  }

  it('stores a replayed delivery id once, and a batch repeat of it once', async () => {
    const { knex, store } = await setup();
    const items: IngestItem[] = [
      { ...deployment(), deliveryId: 'x-1' },
      { ...deployment({ id: 'd2' }), deliveryId: 'x-1' },
    ];
    expect(await store.ingest(items, 'api', now)).toEqual({
      accepted: 1,
      duplicates: 1,
    });
    expect(await store.ingest(items, 'api', now)).toEqual({
      accepted: 0,
      duplicates: 2,
    });
    expect(
      (await knex('delivery_deployments').select('id')).map(r => r.id),
    ).toEqual(['d1']);
    expect(
      (await knex('delivery_received').select('delivery_id')).map(
        r => r.delivery_id,
      ),
    ).toEqual(['x-1']);
  });

  it('takes the lead time from the linked pull request and never moves a deployment back', async () => {
    const { knex, store } = await setup();
    await store.ingest(
      [
        {
          kind: 'pull_request',
          value: {
            repository: 'Skyline/Payments-API',
            number: 7,
            serviceRef: svc,
            openedAt: at('2026-11-29T10:00:00Z'),
            firstCommitAt: at('2026-11-29T08:00:00Z'),
            mergedAt: at('2026-11-29T20:00:00Z'),
            additions: 10,
            deletions: 5,
            mergeCommitSha: 'abc',
          },
        },
        deployment({
          status: 'running',
          finishedAt: undefined,
          startedAt: at('2026-11-30T09:00:00Z'),
          pullRequests: [{ repository: 'skyline/payments-api', number: 7 }],
        }),
      ],
      'api',
      now,
    );
    await store.ingest([deployment()], 'api', now);
    // A late "running" event does not undo the success.
    await store.ingest(
      [deployment({ status: 'running', finishedAt: undefined })],
      'api',
      now,
    );
    const [row] = await knex('delivery_deployments');
    expect(row.status).toBe('succeeded');
    // First commit 08:00 on the 29th to 10:00 on the 30th: 26 hours.
    expect(Number(row.lead_time_seconds)).toBe(26 * 3600);

    // A promotion of the same version elsewhere, with no PR link, inherits the change start.
    await store.ingest(
      [
        deployment({
          id: 'd9',
          environment: 'prod-eu',
          finishedAt: at('2026-11-30T12:00:00Z'),
        }),
      ],
      'api',
      now,
    );
    const promoted = await knex('delivery_deployments')
      .where({ id: 'd9' })
      .first();
    expect(Number(promoted.lead_time_seconds)).toBe(28 * 3600);
  });

  it('records a PR review in either order and marks deployments that caused incidents', async () => {
    const { knex, store } = await setup();
    await store.ingest(
      [
        {
          kind: 'review',
          value: {
            repository: 'skyline/payments-api',
            number: 8,
            reviewId: 'r1',
            state: 'approved',
            submittedAt: at('2026-11-29T12:00:00Z'),
          },
        },
        {
          kind: 'incident',
          value: {
            id: 'inc-1',
            serviceRef: svc,
            status: 'opened',
            openedAt: at('2026-11-30T11:00:00Z'),
            causedByDeploymentId: 'd1',
          },
        },
      ],
      'api',
      now,
    );
    await store.ingest(
      [
        {
          kind: 'pull_request',
          value: {
            repository: 'skyline/payments-api',
            number: 8,
            serviceRef: svc,
            openedAt: at('2026-11-29T10:00:00Z'),
          },
        },
        deployment(),
        {
          kind: 'incident',
          value: {
            id: 'inc-1',
            serviceRef: svc,
            status: 'resolved',
            openedAt: at('2026-11-30T11:00:00Z'),
            resolvedAt: at('2026-11-30T11:30:00Z'),
          },
        },
      ],
      'api',
      now,
    );
    const pr = await knex('delivery_pull_requests').first();
    expect(new Date(pr.first_approval_at).getTime()).toBe(
      at('2026-11-29T12:00:00Z').getTime(),
    );
    const [dep] = await knex('delivery_deployments');
    expect(Boolean(dep.caused_incident)).toBe(true);
    const [incident] = await knex('delivery_incidents');
    expect(Number(incident.restore_seconds)).toBe(1800);
    expect(incident.caused_by_deployment_id).toBe('d1');
  });

  it('ties an incident nobody tied to a deployment to the production deployment live when it opened, within the window', async () => {
    const { knex, store } = await setup();
    const incident = (incidentId: string, openedAt: string): IngestItem => ({
      kind: 'incident',
      value: {
        id: incidentId,
        serviceRef: svc,
        source: 'pagerduty',
        status: 'opened',
        openedAt: at(openedAt),
      },
    });
    await store.ingest(
      [
        deployment({ id: 'd1', finishedAt: at('2026-11-30T10:00:00Z') }),
        deployment({
          id: 'd2',
          status: 'failed',
          finishedAt: at('2026-11-30T11:00:00Z'),
        }),
        deployment({
          id: 's1',
          environment: 'staging',
          production: false,
          finishedAt: at('2026-11-30T11:30:00Z'),
        }),
        // d1 is live (d2 failed, s1 is not production): tied to d1.
        incident('i1', '2026-11-30T12:00:00Z'),
        // Before any deployment of the service went live: tied to none.
        incident('i0', '2026-11-30T09:00:00Z'),
        // d1 went live more than 24 hours before: tied to none.
        incident('i2', '2026-12-01T11:00:00Z'),
      ],
      'api',
      now,
    );
    const rows = await knex('delivery_incidents').orderBy('id');
    expect(
      rows.map(r => [r.id, r.caused_by_deployment_id, r.cause_link]),
    ).toEqual([
      ['i0', null, null],
      ['i1', 'd1', 'live-at-open'],
      ['i2', null, null],
    ]);
    const d1 = await knex('delivery_deployments').where({ id: 'd1' }).first();
    expect(Boolean(d1.caused_incident)).toBe(true);
    // Resolved later (PagerDuty's resolve), then reopened: no longer resolved, still tied.
    await store.ingest(
      [
        {
          ...incident('i1', '2026-11-30T12:00:00Z'),
          value: {
            ...incident('i1', '2026-11-30T12:00:00Z').value,
            status: 'resolved',
            resolvedAt: at('2026-11-30T13:00:00Z'),
          },
        } as IngestItem,
      ],
      'api',
      now,
    );
    await store.ingest(
      [
        {
          ...incident('i1', '2026-11-30T12:00:00Z'),
          value: {
            ...incident('i1', '2026-11-30T12:00:00Z').value,
            reopened: true,
          },
        } as IngestItem,
      ],
      'api',
      now,
    );
    const i1 = await knex('delivery_incidents').where({ id: 'i1' }).first();
    expect([
      i1.resolved_at,
      i1.restore_seconds,
      i1.caused_by_deployment_id,
    ]).toEqual([null, null, 'd1']);
  });

  it('stores batches of more than 500 rows per table (SQLite caps a compound SELECT at 500)', async () => {
    const { knex, store } = await setup();
    const cases = Array.from({ length: 1234 }, (_, i) => ({
      suite: 'all',
      classname: 'com.skyline.Big',
      name: `case ${i}`,
      outcome: 'passed' as const,
      attempts: 1,
      durationSeconds: 0.01,
    }));
    const items: IngestItem[] = [
      run('big', { cases, tests: cases.length }),
      ...Array.from(
        { length: 600 },
        (_, i): IngestItem => ({
          kind: 'review',
          deliveryId: `review-${i}`,
          value: {
            repository: 'skyline/payments-api',
            number: 1 + (i % 50),
            reviewId: `r${i}`,
            state: 'commented',
            submittedAt: at('2026-11-29T12:00:00Z'),
          },
        }),
      ),
      ...Array.from({ length: 600 }, (_, i) => run(`r${i}`)),
    ];
    expect(await store.ingest(items, 'api', now)).toEqual({
      accepted: 1201,
      duplicates: 0,
    });
    const count = async (table: string) =>
      Number((await knex(table).count({ n: '*' }))[0].n);
    expect(await count('delivery_test_cases')).toBe(1234);
    expect(await count('delivery_reviews')).toBe(600);
    expect(await count('delivery_received')).toBe(600);
    expect(await count('delivery_test_runs')).toBe(601);
    const last = await knex('delivery_test_cases')
      .where({ run_id: 'big', case_index: 1233 })
      .first();
    expect(last.name).toBe('case 1233');
  });

  it('takes a run id again with the same content as a duplicate, and with other content refuses the batch', async () => {
    const { knex, store } = await setup();
    await store.ingest([run('nightly-7')], 'api', now);
    expect(await store.ingest([run('nightly-7')], 'api', now)).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    await expect(
      store.ingest(
        [deployment(), run('nightly-7', { tests: 506, contentHash: 'other' })],
        'api',
        now,
      ),
    ).rejects.toThrow(
      /^Test run nightly-7 of component:default\/payments-api was stored before with other content \(3 tests, finished 2026-11-30T10:00:00.000Z\); nothing was stored/,
    );
    // All or nothing: the deployment of the refused batch is not there either.
    expect(await knex('delivery_deployments')).toEqual([]);
    const [stored] = await knex('delivery_test_runs');
    expect(stored.tests).toBe(3);
  });

  it('takes a delivery id again with the same content as a duplicate, and with other content as a conflict', async () => {
    const { knex, store } = await setup();
    const item = { ...deployment(), deliveryId: 'gh-1', contentHash: 'a' };
    await store.ingest([item], 'api', now);
    expect(await store.ingest([item], 'api', now)).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    await expect(
      store.ingest([{ ...item, contentHash: 'b' }], 'api', now),
    ).rejects.toThrow(
      'Delivery id gh-1 was received before with other content; nothing was stored',
    );
    expect(await knex('delivery_received')).toHaveLength(1);
  });
});

function run(
  runId: string,
  patch: Partial<Extract<IngestItem, { kind: 'test_run' }>['value']> = {},
): IngestItem {
  return {
    kind: 'test_run',
    value: {
      serviceRef: svc,
      runId,
      source: 'junit',
      finishedAt: at('2026-11-30T10:00:00Z'),
      durationSeconds: 12,
      tests: 3,
      failures: 0,
      skipped: 0,
      flakyTests: 0,
      contentHash: `hash-of-${runId}`,
      ...patch,
    },
  };
}
