import { InputError, NotFoundError } from '@backstage/errors';
import {
  Distribution,
  DoraTiers,
  MetricsResponse,
  MetricsScope,
  ServiceDeliveryFacts,
  tierOf,
} from '@internal/plugin-delivery-common';
import { MetricsFilter, MetricsStore, Summary } from '../database/MetricsStore';
import { percentileOfSorted } from '../lib/percentiles';
import { DAY_MS, HOUR } from '../lib/time';
import { flowStages } from './flowStages';
import { ServiceCatalog } from './ServiceCatalog';

export type MetricsQuery = {
  from: Date;
  to: Date;
  service?: string;
  team?: string;
};

const MAX_WINDOW_DAYS = 3 * 366;

/**
 * DORA and flow metrics of a service, a team (the components its group owns) or the
 * organisation over a window. Definitions: docs/delivery.md.
 */
export class MetricsService {
  constructor(
    private readonly store: MetricsStore,
    private readonly services: ServiceCatalog,
    private readonly tiers: DoraTiers,
    /** Measurements a stage needs before it is compared (delivery.stages.minimumSample). */
    private readonly minimumSample = 5,
  ) {}

  /** DORA only: the part the organisation dashboard and readiness read most. */
  async dora(query: MetricsQuery) {
    const { filter, scope, days } = await this.resolve(query);
    const [counts, leadTime, restore] = await Promise.all([
      this.store.deploymentCounts(filter),
      this.store.leadTime(filter),
      this.store.timeToRestore(filter),
    ]);
    const sum = (
      k: 'finished' | 'live' | 'failed' | 'rework' | 'selfService',
    ) => counts.reduce((n, c) => n + c[k], 0);
    const finished = sum('finished');
    const live = sum('live');
    const failed = sum('failed');
    const rework = sum('rework');
    const perDay = live / days;
    const perService =
      scope.type === 'service'
        ? undefined
        : percentileOfSorted(this.perServiceRates(counts, filter, days), 0.5);
    const rate = (n: number) => (finished > 0 ? n / finished : undefined);
    const leadTimeDist = hours(leadTime);
    const restoreDist = hours(restore);
    const dora: MetricsResponse['dora'] = {
      deploymentFrequency: {
        perDay,
        deployments: live,
        perServiceMedianPerDay: perService,
        // A team or the organisation is labelled by its typical service, not by the sum.
        tier: tierOf(this.tiers, 'deploymentsPerDay', perService ?? perDay),
      },
      leadTime: {
        ...leadTimeDist,
        tier: tierOf(this.tiers, 'leadTimeHours', leadTimeDist.p50Hours),
      },
      changeFailureRate: {
        rate: rate(failed),
        failedDeployments: failed,
        deployments: finished,
        tier: tierOf(this.tiers, 'changeFailureRate', rate(failed)),
      },
      timeToRestore: {
        ...restoreDist,
        tier: tierOf(this.tiers, 'timeToRestoreHours', restoreDist.p50Hours),
      },
      reworkRate: {
        rate: rate(rework),
        reworkDeployments: rework,
        deployments: finished,
        tier: tierOf(this.tiers, 'reworkRate', rate(rework)),
      },
      selfServiceShare: rate(sum('selfService')),
    };
    return {
      scope,
      window: {
        from: filter.from.toISOString(),
        to: filter.to.toISOString(),
        days,
      },
      tiers: { reportYear: this.tiers.reportYear },
      dora,
    };
  }

  async metrics(query: MetricsQuery): Promise<MetricsResponse> {
    const { filter } = await this.resolve(query);
    const [dora, prs, tests, ci, waits] = await Promise.all([
      this.dora(query),
      this.store.pullRequests(filter),
      this.store.testRuns(filter),
      this.store.ciRuns(filter),
      this.store.deployWaits(filter),
    ]);
    const flow: MetricsResponse['flow'] = {
      timeToFirstReview: hours(prs.timeToFirstReview),
      timeToApproval: hours(prs.timeToApproval),
      timeToMerge: hours(prs.timeToMerge),
      prSize: {
        count: prs.sizeLines.count,
        p50Lines: prs.sizeLines.p50,
        p90Lines: prs.sizeLines.p90,
      },
      testRuns: {
        ...hours(tests.duration),
        runs: tests.runs,
        flakyRuns: tests.flakyRuns,
        flakyRate: tests.runs > 0 ? tests.flakyRuns / tests.runs : undefined,
        p50Seconds: tests.duration.p50,
        p90Seconds: tests.duration.p90,
      },
      deployApprovalWait: hours(waits.approval),
      deployQueueWait: hours(waits.queue),
      ciRuns: {
        ...hours(ci.duration),
        runs: ci.runs,
        failedRuns: ci.failed,
      },
    };
    return {
      ...dora,
      flow,
      ...flowStages({ prs, tests, ci, waits }, this.minimumSample),
    };
  }

  /** Per service, what readiness records as facts; services absent from the catalog are left out. */
  async serviceFacts(refs: string[], from: Date, to: Date) {
    const known = await this.services.resolve(refs);
    const weeks = (to.getTime() - from.getTime()) / (7 * DAY_MS);
    const out: Record<string, ServiceDeliveryFacts> = {};
    // Most catalog services may have no delivery data yet: a few indexed lookups find the ones
    // that do, instead of seven queries for every service asked about.
    const withData = await this.store.servicesWithData(
      [...new Set(refs)].filter(r => known.has(r)),
    );
    const queue = [...withData];
    const worker = async () => {
      for (let ref = queue.shift(); ref; ref = queue.shift()) {
        out[ref] = await this.factsOf(
          ref,
          { from, to, services: [ref] },
          weeks,
        );
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    return {
      window: { from: from.toISOString(), to: to.toISOString() },
      services: out,
    };
  }

  private async factsOf(
    ref: string,
    filter: MetricsFilter,
    weeks: number,
  ): Promise<ServiceDeliveryFacts> {
    const [counts, lead, restore, tests, prs, deployed, rollback] =
      await Promise.all([
        this.store.deploymentCounts(filter),
        this.store.leadTime(filter),
        this.store.timeToRestore(filter),
        this.store.testRuns(filter),
        this.store.pullRequests(filter),
        this.store.hasProductionDeployments(ref),
        this.store.hasEarlierProductionVersion(ref),
      ]);
    const c = counts[0];
    const facts: ServiceDeliveryFacts = {};
    if (deployed) {
      facts.deploysPerWeek = (c?.live ?? 0) / weeks;
      facts.rollbackAvailable = rollback;
    }
    if (c?.finished) facts.selfServiceShare = c.selfService / c.finished;
    if (lead.p50 !== undefined) facts.leadTimeHoursP50 = lead.p50 / HOUR;
    if (restore.p50 !== undefined)
      facts.timeToRestoreHoursP50 = restore.p50 / HOUR;
    if (tests.runs > 0) {
      facts.testDurationP50Seconds = tests.duration.p50;
      facts.testDurationP90Seconds = tests.duration.p90;
      facts.testFlakyRate = tests.flakyRuns / tests.runs;
    }
    if (prs.timeToFirstReview.p50 !== undefined)
      facts.reviewWaitHoursP50 = prs.timeToFirstReview.p50 / HOUR;
    return facts;
  }

  /** The scope's services and the window, checked (also used by the metrics timeline). */
  async resolve(query: MetricsQuery): Promise<{
    filter: MetricsFilter;
    scope: MetricsScope;
    days: number;
  }> {
    const { from, to } = query;
    if (!(to.getTime() > from.getTime()))
      throw new InputError(
        `Invalid window: to (${to.toISOString()}) must be after from (${from.toISOString()})`,
      );
    const days = (to.getTime() - from.getTime()) / DAY_MS;
    if (days > MAX_WINDOW_DAYS)
      throw new InputError(
        `Invalid window: ${Math.round(
          days,
        )} days is longer than ${MAX_WINDOW_DAYS}`,
      );
    if (query.service && query.team)
      throw new InputError('Give either service or team, not both');
    if (query.service) {
      const found = await this.services.resolve([query.service]);
      if (!found.has(query.service))
        throw new NotFoundError(
          `Unknown service: ${query.service} is not in the catalog`,
        );
      return {
        filter: { from, to, services: [query.service] },
        scope: { type: 'service', ref: query.service },
        days,
      };
    }
    if (query.team) {
      if (!(await this.services.groupExists(query.team)))
        throw new NotFoundError(
          `Unknown team: ${query.team} is not a group in the catalog`,
        );
      const services = await this.services.servicesOf(query.team);
      return {
        filter: { from, to, services },
        scope: { type: 'team', ref: query.team, services: services.length },
        days,
      };
    }
    return { filter: { from, to }, scope: { type: 'organisation' }, days };
  }

  /** Each service's live deployments per day (services with none in the window count as 0). */
  private perServiceRates(
    counts: Array<{ serviceRef: string; live: number }>,
    filter: MetricsFilter,
    days: number,
  ): number[] {
    const rates = counts.map(c => c.live / days);
    const silent = filter.services ? filter.services.length - counts.length : 0;
    for (let i = 0; i < silent; i++) rates.push(0);
    return rates.sort((a, b) => a - b);
  }
}

function hours(s: Summary): Distribution {
  return {
    count: s.count,
    p50Hours: s.p50 === undefined ? undefined : s.p50 / HOUR,
    p90Hours: s.p90 === undefined ? undefined : s.p90 / HOUR,
    ...(s.approximate && { approximate: true }),
  };
}
