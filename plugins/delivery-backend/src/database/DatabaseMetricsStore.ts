import { Knex } from 'knex';
import { chunks } from './chunks';

/** The tables whose rows give a service delivery facts. */
const SERVICE_TABLES = [
  'delivery_deployments',
  'delivery_pull_requests',
  'delivery_test_runs',
  'delivery_ci_runs',
  'delivery_incidents',
];
import { percentileOfBuckets, percentileOfSorted } from '../lib/percentiles';
import { DAY_MS } from '../lib/time';
import {
  MetricsFilter,
  MetricsStore,
  ServiceDeploymentCounts,
  Summary,
} from './MetricsStore';

/** Above this many lead times in a window, the median comes from the stored histogram buckets. */
export const EXACT_LEAD_TIME_LIMIT = 50_000;

const PRODUCTION_FINISHED =
  'is_production = true and finished_at >= ? and finished_at < ?';

/**
 * Metrics as SQL aggregates over the window and service filters the indexes cover. Percentiles:
 * PostgreSQL's percentile_cont; SQLite (the embedded development database) sorts the values.
 */
export class DatabaseMetricsStore implements MetricsStore {
  private readonly postgres: boolean;
  private readonly exactLimit: number;

  constructor(
    private readonly db: Knex,
    options: { exactLeadTimeLimit?: number } = {},
  ) {
    this.postgres = db.client.dialect === 'postgresql';
    this.exactLimit = options.exactLeadTimeLimit ?? EXACT_LEAD_TIME_LIMIT;
  }

  /**
   * The organisation reads whole UTC days from the daily rollup and only the partial days at
   * the window's edges from the deployments; a team or a service reads its own deployments.
   */
  async deploymentCounts(
    filter: MetricsFilter,
  ): Promise<ServiceDeploymentCounts[]> {
    const split = this.split(filter);
    if (!split) return this.countDeployments(filter);
    const [days, ...edges] = await Promise.all([
      this.db('delivery_deployment_days')
        .select('service_ref')
        .sum({
          finished: 'finished',
          live: 'live',
          failed: 'failed',
          rework: 'rework',
          self_service: 'self_service',
        })
        .where('day', '>=', split.fromDay)
        .where('day', '<', split.toDay)
        .groupBy('service_ref'),
      ...split.edges.map(edge => this.countDeployments(edge)),
    ]);
    const byService = new Map<string, ServiceDeploymentCounts>();
    const add = (c: ServiceDeploymentCounts) => {
      const s = byService.get(c.serviceRef);
      if (!s) byService.set(c.serviceRef, { ...c });
      else
        for (const k of [
          'finished',
          'live',
          'failed',
          'rework',
          'selfService',
        ] as const)
          s[k] += c[k];
    };
    for (const r of days as any[])
      add({
        serviceRef: r.service_ref,
        finished: Number(r.finished),
        live: Number(r.live),
        failed: Number(r.failed),
        rework: Number(r.rework),
        selfService: Number(r.self_service),
      });
    for (const list of edges) list.forEach(add);
    return [...byService.values()].filter(c => c.finished > 0);
  }

  private async countDeployments(
    filter: MetricsFilter,
  ): Promise<ServiceDeploymentCounts[]> {
    const rows: any[] = await this.db('delivery_deployments')
      .select('service_ref')
      .count({ finished: '*' })
      .select(
        this.db.raw(
          `sum(case when status in ('succeeded', 'rolled-back') then 1 else 0 end) as live`,
        ),
        this.db.raw(
          `sum(case when status in ('failed', 'rolled-back') or caused_incident = true then 1 else 0 end) as failed`,
        ),
        this.db.raw(
          `sum(case when change_type in ('fix', 'rollback') then 1 else 0 end) as rework`,
        ),
        this.db.raw(
          `sum(case when self_service = true then 1 else 0 end) as self_service`,
        ),
      )
      .whereRaw(PRODUCTION_FINISHED, [filter.from, filter.to])
      .modify(q => this.services(q, filter))
      .groupBy('service_ref');
    return rows.map(r => ({
      serviceRef: r.service_ref,
      finished: Number(r.finished),
      live: Number(r.live),
      failed: Number(r.failed),
      rework: Number(r.rework),
      selfService: Number(r.self_service),
    }));
  }

  async leadTime(filter: MetricsFilter): Promise<Summary> {
    const base = () =>
      this.db('delivery_deployments')
        .whereRaw(PRODUCTION_FINISHED, [filter.from, filter.to])
        .whereNotNull('lead_time_bucket')
        .modify(q => this.services(q, filter));
    // One pass gives the histogram and the count; small windows then get the exact values.
    const counts = await this.leadTimeBuckets(filter);
    const count = counts.reduce(
      (n: number, c: { count: number }) => n + c.count,
      0,
    );
    if (count === 0) return { count };
    if (count <= this.exactLimit)
      return this.summary(base(), 'lead_time_seconds');
    return {
      count,
      p50: percentileOfBuckets(counts, 0.5),
      p90: percentileOfBuckets(counts, 0.9),
      approximate: true,
    };
  }

  private async leadTimeBuckets(
    filter: MetricsFilter,
  ): Promise<Array<{ bucket: number; count: number }>> {
    const fromDeployments = async (f: MetricsFilter) =>
      (
        await this.db('delivery_deployments')
          .whereRaw(PRODUCTION_FINISHED, [f.from, f.to])
          .whereNotNull('lead_time_bucket')
          .modify(q => this.services(q, f))
          .select('lead_time_bucket as bucket')
          .count({ n: '*' })
          .groupBy('lead_time_bucket')
      ).map((b: any) => ({ bucket: Number(b.bucket), count: Number(b.n) }));
    const split = this.split(filter);
    if (!split) return fromDeployments(filter);
    const [days, ...edges] = await Promise.all([
      this.db('delivery_lead_time_days')
        .select('bucket')
        .sum({ n: 'deployments' })
        .where('day', '>=', split.fromDay)
        .where('day', '<', split.toDay)
        .groupBy('bucket'),
      ...split.edges.map(fromDeployments),
    ]);
    const total = new Map<number, number>();
    for (const b of days as any[]) total.set(Number(b.bucket), Number(b.n));
    for (const list of edges)
      for (const b of list)
        total.set(b.bucket, (total.get(b.bucket) ?? 0) + b.count);
    return [...total]
      .filter(([, count]) => count > 0)
      .map(([bucket, count]) => ({ bucket, count }));
  }

  /**
   * For the organisation (no service filter): the whole UTC days of the window, read from the
   * rollups, and the partial days at its edges, read from the deployments.
   */
  private split(filter: MetricsFilter) {
    if (filter.services) return undefined;
    const fromDay = Math.ceil(filter.from.getTime() / DAY_MS);
    const toDay = Math.floor(filter.to.getTime() / DAY_MS);
    if (fromDay >= toDay) return undefined;
    const edges: MetricsFilter[] = [];
    if (fromDay * DAY_MS > filter.from.getTime())
      edges.push({ from: filter.from, to: new Date(fromDay * DAY_MS) });
    if (toDay * DAY_MS < filter.to.getTime())
      edges.push({ from: new Date(toDay * DAY_MS), to: filter.to });
    return { fromDay, toDay, edges };
  }

  async timeToRestore(filter: MetricsFilter): Promise<Summary> {
    return this.summary(
      this.db('delivery_incidents')
        .where('resolved_at', '>=', filter.from)
        .where('resolved_at', '<', filter.to)
        .modify(q => this.services(q, filter)),
      'restore_seconds',
    );
  }

  async pullRequests(filter: MetricsFilter) {
    const opened = () =>
      this.db('delivery_pull_requests')
        .where('opened_at', '>=', filter.from)
        .where('opened_at', '<', filter.to)
        .modify(q => this.services(q, filter));
    const merged = () =>
      this.db('delivery_pull_requests')
        .where('merged_at', '>=', filter.from)
        .where('merged_at', '<', filter.to)
        .modify(q => this.services(q, filter));
    const [timeToFirstReview, timeToApproval, timeToMerge, inReview, size] =
      await Promise.all([
        // Review wait starts when the PR was ready for review (a draft is not waiting).
        this.summary(
          opened(),
          this.nonNegative(
            this.seconds('first_review_at', 'coalesce(ready_at, opened_at)'),
          ),
        ),
        this.summary(opened(), this.seconds('first_approval_at', 'opened_at')),
        this.summary(merged(), this.seconds('merged_at', 'opened_at')),
        this.summary(merged(), this.seconds('merged_at', 'first_review_at')),
        this.summary(merged(), '(additions + deletions)'),
      ]);
    return {
      timeToFirstReview,
      timeToApproval,
      timeToMerge,
      inReview,
      sizeLines: size,
    };
  }

  async testRuns(filter: MetricsFilter) {
    const { runs, flagged, duration } = await this.runs(
      () =>
        this.db('delivery_test_runs')
          .where('finished_at', '>=', filter.from)
          .where('finished_at', '<', filter.to)
          .modify(q => this.services(q, filter)),
      'flaky_tests > 0',
    );
    return { runs, flakyRuns: flagged, duration };
  }

  async ciRuns(filter: MetricsFilter) {
    const { runs, flagged, duration } = await this.runs(
      () =>
        this.db('delivery_ci_runs')
          .whereIn('kind', ['workflow_run', 'check_suite'])
          .where('status', 'completed')
          .where('finished_at', '>=', filter.from)
          .where('finished_at', '<', filter.to)
          .modify(q => this.services(q, filter)),
      "conclusion in ('failure', 'timed_out')",
    );
    return { runs, failed: flagged, duration };
  }

  /** Runs (test or CI) of a query: how many, how many match `flag`, and their durations. */
  private async runs(base: () => Knex.QueryBuilder, flag: string) {
    const [[counts], duration] = await Promise.all([
      base()
        .count({ runs: '*' })
        .select(
          this.db.raw(`sum(case when ${flag} then 1 else 0 end) as flagged`),
        ),
      this.summary(base(), 'duration_seconds'),
    ]);
    return {
      runs: Number(counts.runs),
      flagged: Number(counts.flagged ?? 0),
      duration,
    };
  }

  async hasEarlierProductionVersion(serviceRef: string): Promise<boolean> {
    const rows = await this.db('delivery_deployments')
      .select('environment')
      .countDistinct({ versions: 'version' })
      .where({ service_ref: serviceRef, status: 'succeeded' })
      .whereRaw('is_production = true')
      .groupBy('environment');
    return rows.some((r: any) => Number(r.versions) >= 2);
  }

  async servicesWithData(serviceRefs: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const batch of chunks([...new Set(serviceRefs)])) {
      for (const table of SERVICE_TABLES) {
        const rows = await this.db(table)
          .distinct('service_ref')
          .whereIn('service_ref', batch);
        for (const row of rows) found.add(row.service_ref);
      }
    }
    return found;
  }

  async hasProductionDeployments(serviceRef: string): Promise<boolean> {
    const row = await this.db('delivery_deployments')
      .select('id')
      .where({ service_ref: serviceRef })
      .whereRaw('is_production = true')
      .first();
    return Boolean(row);
  }

  async deployWaits(filter: MetricsFilter) {
    const base = () =>
      this.db('delivery_deployments')
        .whereRaw(PRODUCTION_FINISHED, [filter.from, filter.to])
        .modify(q => this.services(q, filter));
    const [mergeToDeploy, approval, queue, deploying] = await Promise.all([
      this.summary(base(), this.seconds('requested_at', 'change_merged_at')),
      this.summary(base(), this.seconds('approved_at', 'requested_at')),
      this.summary(base(), this.seconds('started_at', 'queued_at')),
      this.summary(base(), this.seconds('finished_at', 'started_at')),
    ]);
    return { mergeToDeploy, approval, queue, deploying };
  }

  private services(query: Knex.QueryBuilder, filter: MetricsFilter) {
    if (filter.services) query.whereIn('service_ref', filter.services);
  }

  /** `end - start` in seconds (NULL when either is): timestamptz, or SQLite's epoch milliseconds. */
  private seconds(end: string, start: string): string {
    return this.postgres
      ? `extract(epoch from (${end} - ${start}))`
      : `((${end} - ${start}) / 1000.0)`;
  }

  /** An expression at least 0: a review of a draft before it was marked ready waited none. */
  private nonNegative(expression: string): string {
    return `case when ${expression} < 0 then 0 else ${expression} end`;
  }

  /** Count, p50 and p90 of a non-null numeric expression over a query's rows. */
  private async summary(
    query: Knex.QueryBuilder,
    expression: string,
  ): Promise<Summary> {
    const where = `${expression} is not null`;
    if (this.postgres) {
      const [row] = await query
        .whereRaw(where)
        .select(
          this.db.raw(
            `count(*) as n, percentile_cont(0.5) within group (order by ${expression}) as p50, percentile_cont(0.9) within group (order by ${expression}) as p90`,
          ),
        );
      const count = Number(row.n);
      return count === 0
        ? { count }
        : { count, p50: Number(row.p50), p90: Number(row.p90) };
    }
    const rows = await query
      .whereRaw(where)
      .select(this.db.raw(`${expression} as v`))
      .orderByRaw(expression);
    const values = rows.map((r: any) => Number(r.v));
    return values.length === 0
      ? { count: 0 }
      : {
          count: values.length,
          p50: percentileOfSorted(values, 0.5),
          p90: percentileOfSorted(values, 0.9),
        };
  }
}
