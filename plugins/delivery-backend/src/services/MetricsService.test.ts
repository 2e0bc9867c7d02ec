import { DORA_2024_TIERS } from '@internal/plugin-delivery-common';
import { createTestDatabases } from '@internal/testing';
import { DatabaseIngestStore } from '../database/DatabaseIngestStore';
import { DatabaseMetricsStore } from '../database/DatabaseMetricsStore';
import { DeploymentInput, IngestItem } from '../database/IngestStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { MetricsService } from './MetricsService';
import { ServiceCatalog } from './ServiceCatalog';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const A = 'component:default/payments-api';
const B = 'component:default/search-api';
const t = (s: string) => new Date(`2026-${s}Z`);
const window = { from: t('11-01T00:00:00'), to: t('11-11T00:00:00') };

const dep = (
  id: string,
  patch: Partial<DeploymentInput> & { finishedAt: Date },
): IngestItem => ({
  kind: 'deployment',
  value: {
    id,
    serviceRef: A,
    environment: 'prod',
    production: true,
    version: id,
    status: 'succeeded',
    changeType: 'planned',
    selfService: true,
    pullRequests: [],
    ...patch,
  },
});
const incident = (
  id: string,
  opened: string,
  resolved: string,
  cause: string,
): IngestItem => ({
  kind: 'incident',
  value: {
    id,
    serviceRef: A,
    status: 'resolved',
    openedAt: t(opened),
    resolvedAt: t(resolved),
    causedByDeploymentId: cause,
  },
});
const run = (id: string, duration: number, flaky: number): IngestItem => ({
  kind: 'test_run',
  value: {
    serviceRef: A,
    runId: id,
    source: 'api',
    finishedAt: t('11-03T00:00:00'),
    durationSeconds: duration,
    tests: 10,
    failures: 0,
    skipped: 0,
    flakyTests: flaky,
    contentHash: `${id}-${duration}-${flaky}`,
  },
});
const review = (
  n: number,
  id: string,
  state: string,
  at: string,
): IngestItem => ({
  kind: 'review',
  value: {
    repository: 'skyline/payments-api',
    number: n,
    reviewId: id,
    state,
    submittedAt: t(at),
  },
});

/** The known data set; the expected values below are worked out by hand from it. */
const DATA: IngestItem[] = [
  {
    kind: 'pull_request',
    value: {
      repository: 'skyline/payments-api',
      number: 1,
      serviceRef: A,
      openedAt: t('11-01T00:00:00'),
      mergedAt: t('11-01T10:00:00'),
      additions: 100,
      deletions: 20,
    },
  },
  review(1, 'r1', 'commented', '11-01T04:00:00'),
  review(1, 'r2', 'approved', '11-01T06:00:00'),
  {
    kind: 'pull_request',
    value: {
      repository: 'skyline/payments-api',
      number: 2,
      serviceRef: A,
      openedAt: t('11-02T00:00:00'),
      mergedAt: t('11-02T03:00:00'),
      additions: 20,
      deletions: 10,
    },
  },
  review(2, 'r3', 'approved', '11-02T02:00:00'),
  // d1: lead time 24 h (PR 1 opened 11-01 00:00), queued 1 h, deploying 2 h, merge to queue 11 h.
  dep('d1', {
    pullRequests: [{ repository: 'skyline/payments-api', number: 1 }],
    queuedAt: t('11-01T21:00:00'),
    startedAt: t('11-01T22:00:00'),
    finishedAt: t('11-02T00:00:00'),
  }),
  // d2: 12 h, caused two incidents: one failed change.
  dep('d2', {
    firstCommitAt: t('11-02T12:00:00'),
    finishedAt: t('11-03T00:00:00'),
  }),
  // d3: failed, never live.
  dep('d3', { status: 'failed', finishedAt: t('11-04T00:00:00') }),
  // d4: 24 h, rolled back and caused an incident: one failed change.
  dep('d4', {
    status: 'rolled-back',
    firstCommitAt: t('11-04T00:00:00'),
    finishedAt: t('11-05T00:00:00'),
  }),
  dep('d5', { changeType: 'rollback', finishedAt: t('11-05T01:00:00') }),
  dep('d6', {
    environment: 'staging',
    production: false,
    finishedAt: t('11-06T00:00:00'),
  }),
  dep('d7', { finishedAt: t('10-30T00:00:00') }),
  // d8: 6 h, a hotfix, started by the platform team.
  dep('d8', {
    changeType: 'fix',
    selfService: false,
    firstCommitAt: t('11-07T18:00:00'),
    finishedAt: t('11-08T00:00:00'),
  }),
  // search-api: one deployment, 2 h.
  dep('d10', {
    serviceRef: B,
    firstCommitAt: t('11-01T22:00:00'),
    finishedAt: t('11-02T00:00:00'),
  }),
  incident('inc1', '11-03T01:00:00', '11-03T02:00:00', 'd2'),
  incident('inc2', '11-03T01:30:00', '11-03T05:30:00', 'd2'),
  incident('inc3', '11-05T00:10:00', '11-05T00:40:00', 'd4'),
  run('run1', 300, 0),
  run('run2', 600, 1),
  run('run3', 900, 0),
  run('run4', 1200, 2),
];

const catalog = {
  resolve: async (refs: string[]) =>
    new Map(refs.filter(r => r === A || r === B).map(r => [r, { ref: r }])),
  groupExists: async (ref: string) => ref === 'group:default/payments-team',
  servicesOf: async () => [A],
} as unknown as ServiceCatalog;

describe.each(databases.eachSupportedId())('MetricsService on %s', id => {
  async function setup(options?: { exactLeadTimeLimit?: number }) {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    await new DatabaseIngestStore(knex).ingest(
      DATA,
      'api',
      t('11-20T00:00:00'),
    );
    return new MetricsService(
      new DatabaseMetricsStore(knex, options),
      catalog,
      DORA_2024_TIERS,
      // The data are a few of each: every stage with data is compared.
      1,
    );
  }

  it('computes DORA for a service, counting each failed deployment once', async () => {
    const service = await setup();
    const m = await service.metrics({ ...window, service: A });
    expect(m.window.days).toBe(10);
    expect(m.tiers.reportYear).toBe(2024);
    // Live in production in the window: d1, d2, d4, d5, d8 over 10 days.
    expect(m.dora.deploymentFrequency).toEqual({
      perDay: 0.5,
      deployments: 5,
      tier: 'high',
    });
    // Finished: d1 d2 d3 d4 d5 d8; failed changes: d2 (two incidents), d3, d4 (rolled back + incident).
    expect(m.dora.changeFailureRate).toEqual({
      rate: 0.5,
      failedDeployments: 3,
      deployments: 6,
      tier: 'low',
    });
    // Lead times 6, 12, 24, 24 h: median 18 (under a day: elite), p90 24.
    expect(m.dora.leadTime).toEqual({
      count: 4,
      p50Hours: 18,
      p90Hours: 24,
      tier: 'elite',
    });
    // Restores 1, 4, 0.5 h.
    expect(m.dora.timeToRestore.p50Hours).toBe(1);
    expect(m.dora.timeToRestore.tier).toBe('elite');
    expect(m.dora.reworkRate).toEqual({
      rate: 2 / 6,
      reworkDeployments: 2,
      deployments: 6,
    });
    expect(m.dora.selfServiceShare).toBe(5 / 6);

    expect(m.flow.timeToFirstReview.p50Hours).toBe(3);
    expect(m.flow.timeToApproval.p50Hours).toBe(4);
    expect(m.flow.timeToMerge.p50Hours).toBe(6.5);
    expect(m.flow.prSize).toEqual({ count: 2, p50Lines: 75, p90Lines: 111 });
    expect(m.flow.testRuns).toEqual(
      expect.objectContaining({
        runs: 4,
        flakyRuns: 2,
        flakyRate: 0.5,
        p50Seconds: 750,
        p90Seconds: 1110,
      }),
    );
    expect(m.flow.deployQueueWait.p50Hours).toBe(1);
    expect(m.stages.find(s => s.stage === 'in-review')?.p50Hours).toBe(3.5);
    expect(m.stages.find(s => s.stage === 'deploying')?.p50Hours).toBe(2);
    // PR 1 merged 10:00, d1 queued 21:00: 11 h, the longest median wait.
    expect(m.constraint).toEqual({
      stage: 'merge-to-deploy',
      p50Hours: 11,
      // No deployment waited for approval: six stages have data.
      comparedStages: 6,
    });
  });

  it('computes the organisation over every service and a team over its own', async () => {
    const service = await setup();
    const org = await service.dora(window);
    expect(org.dora.changeFailureRate.rate).toBe(3 / 7);
    expect(org.dora.deploymentFrequency.deployments).toBe(6);
    // Per service: payments 0.5/day, search 0.1/day.
    expect(org.dora.deploymentFrequency.perServiceMedianPerDay).toBeCloseTo(
      0.3,
    );
    expect(org.dora.leadTime.p50Hours).toBe(12);
    const team = await service.dora({
      ...window,
      team: 'group:default/payments-team',
    });
    expect(team.scope).toEqual({
      type: 'team',
      ref: 'group:default/payments-team',
      services: 1,
    });
    expect(team.dora.changeFailureRate.rate).toBe(0.5);
  });

  it('reads the lead time median from histogram buckets above the exact limit', async () => {
    const service = await setup({ exactLeadTimeLimit: 2 });
    const m = await service.dora({ ...window, service: A });
    expect(m.dora.leadTime.approximate).toBe(true);
    expect(m.dora.leadTime.count).toBe(4);
    // Buckets hold values within ~4.4%: the bucket of the 2nd-smallest value (12 h).
    expect(Math.abs(m.dora.leadTime.p50Hours! - 12) / 12).toBeLessThan(0.05);
  });

  it('gives readiness its per-service figures, leaving out what has no data', async () => {
    const service = await setup();
    const { services } = await service.serviceFacts(
      [A, B, 'component:default/ghost'],
      window.from,
      window.to,
    );
    expect(Object.keys(services).sort()).toEqual([A, B]);
    expect(services[A]).toEqual({
      // 5 live over 10 days = 10/7 weeks.
      deploysPerWeek: 3.5,
      rollbackAvailable: true,
      selfServiceShare: 5 / 6,
      leadTimeHoursP50: 18,
      timeToRestoreHoursP50: 1,
      testDurationP50Seconds: 750,
      testDurationP90Seconds: 1110,
      testFlakyRate: 0.5,
      reviewWaitHoursP50: 3,
    });
    expect(services[B]).toEqual({
      deploysPerWeek: 0.7,
      rollbackAvailable: false,
      selfServiceShare: 1,
      leadTimeHoursP50: 2,
    });
  });

  it('keeps the daily rollups in step with the deployments through later updates', async () => {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    const ingest = new DatabaseIngestStore(knex);
    const now = t('11-20T00:00:00');
    await ingest.ingest(DATA, 'api', now);
    // d1 is rolled back later, d8 turns out to have caused an incident, a late event for d2 is
    // ignored, d3 moves into another day, and a new deployment lands mid-day.
    await ingest.ingest(
      [
        dep('d1', {
          status: 'rolled-back',
          finishedAt: t('11-02T00:00:00'),
          pullRequests: [],
        }),
        incident('inc4', '11-08T01:00:00', '11-08T03:00:00', 'd8'),
        dep('d2', { status: 'running', finishedAt: t('11-03T00:00:00') }),
        dep('d11', {
          serviceRef: B,
          firstCommitAt: t('11-09T01:00:00'),
          finishedAt: t('11-09T13:30:00'),
        }),
      ],
      'api',
      now,
    );
    const store = new DatabaseMetricsStore(knex, { exactLeadTimeLimit: 0 });
    const sorted = (c: any[]) =>
      [...c].sort((a, b) => a.serviceRef.localeCompare(b.serviceRef));
    for (const [from, to] of [
      [window.from, window.to],
      [t('11-01T06:00:00'), t('11-09T12:00:00')],
      [t('11-02T00:00:00'), t('11-09T18:00:00')],
    ]) {
      const org = await store.deploymentCounts({ from, to });
      const direct = await store.deploymentCounts({
        from,
        to,
        services: [A, B],
      });
      expect(sorted(org)).toEqual(sorted(direct));
      expect(await store.leadTime({ from, to })).toEqual(
        await store.leadTime({ from, to, services: [A, B] }),
      );
    }
    const whole = await store.deploymentCounts(window);
    // d1 rolled back, d2 (two incidents), d3 failed, d4, d8 (incident): 5 of 6 for payments.
    expect(whole.find(c => c.serviceRef === A)).toEqual(
      expect.objectContaining({ finished: 6, failed: 5, live: 5 }),
    );
  });

  it('refuses an unknown service, an unknown team and an empty window', async () => {
    const service = await setup();
    await expect(
      service.dora({ ...window, service: 'component:default/nope' }),
    ).rejects.toThrow('Unknown service: component:default/nope');
    await expect(
      service.dora({ ...window, team: 'group:default/nope' }),
    ).rejects.toThrow('Unknown team: group:default/nope');
    await expect(
      service.dora({ from: window.to, to: window.from }),
    ).rejects.toThrow(/must be after from/);
  });
});
