import { InputError } from '@backstage/errors';
import {
  TimeseriesBucket,
  TimeseriesPoint,
  TimeseriesResponse,
} from '@internal/plugin-delivery-common';
import { DayLeadTimes, TimelineStore } from '../database/TimelineStore';
import { percentileOfBuckets, percentileOfSorted } from '../lib/percentiles';
import { DAY_MS, HOUR } from '../lib/time';
import { MetricsQuery, MetricsService } from './MetricsService';

/** Charts draw at most this many points; a longer series asks for weeks. */
export const MAX_POINTS = 400;
/** Day 0 (1970-01-01) was a Thursday: day 4 is the first Monday. */
const FIRST_MONDAY = 4;

/**
 * DORA figures per UTC day or week (Monday to Monday) for charts, from the daily rollups. The
 * window is snapped outwards to whole buckets, because the rollups hold whole days. Lead time
 * per bucket is the median of the stored histogram (the rollups keep buckets, not values).
 */
export class MetricsTimeline {
  constructor(
    private readonly store: TimelineStore,
    private readonly metrics: MetricsService,
  ) {}

  async timeseries(
    query: MetricsQuery & { bucket: TimeseriesBucket },
  ): Promise<TimeseriesResponse> {
    const { filter, scope } = await this.metrics.resolve(query);
    const size = query.bucket === 'week' ? 7 : 1;
    let fromDay = Math.floor(filter.from.getTime() / DAY_MS);
    if (size === 7) fromDay -= (((fromDay - FIRST_MONDAY) % 7) + 7) % 7;
    const lastDay = Math.ceil(filter.to.getTime() / DAY_MS);
    const buckets = Math.ceil((lastDay - fromDay) / size);
    if (buckets > MAX_POINTS)
      throw new InputError(
        `Invalid bucket: ${buckets} ${query.bucket}s is more than ${MAX_POINTS} points; use bucket=week or a shorter window`,
      );
    const toDay = fromDay + buckets * size;
    const from = new Date(fromDay * DAY_MS);
    const to = new Date(toDay * DAY_MS);
    const [days, leads, incidents] = await Promise.all([
      this.store.deploymentDays(fromDay, toDay, filter.services),
      this.store.leadTimeDays(fromDay, toDay, filter.services),
      this.store.resolvedIncidents(from, to, filter.services),
    ]);

    const indexOf = (day: number) => Math.floor((day - fromDay) / size);
    const counts = Array.from({ length: buckets }, () => ({
      finished: 0,
      live: 0,
      failed: 0,
      rework: 0,
    }));
    for (const d of days) {
      const c = counts[indexOf(d.day)];
      if (!c) continue;
      c.finished += d.finished;
      c.live += d.live;
      c.failed += d.failed;
      c.rework += d.rework;
    }
    const histograms = Array.from(
      { length: buckets },
      () => [] as Array<Omit<DayLeadTimes, 'day'>>,
    );
    for (const l of leads)
      histograms[indexOf(l.day)]?.push({ bucket: l.bucket, count: l.count });
    const restores = Array.from({ length: buckets }, () => [] as number[]);
    for (const i of incidents)
      restores[indexOf(Math.floor(i.resolvedAt.getTime() / DAY_MS))]?.push(
        i.restoreSeconds,
      );

    const points: TimeseriesPoint[] = counts.map((c, i) => {
      const start = (fromDay + i * size) * DAY_MS;
      const lead = percentileOfBuckets(histograms[i], 0.5);
      const restore = percentileOfSorted(
        restores[i].sort((a, b) => a - b),
        0.5,
      );
      return {
        start: new Date(start).toISOString(),
        end: new Date(start + size * DAY_MS).toISOString(),
        deployments: c.live,
        finished: c.finished,
        failedDeployments: c.failed,
        changeFailureRate: c.finished ? c.failed / c.finished : undefined,
        reworkRate: c.finished ? c.rework / c.finished : undefined,
        leadTimeP50Hours: lead === undefined ? undefined : lead / HOUR,
        leadTimes: histograms[i].reduce((n, h) => n + h.count, 0),
        timeToRestoreP50Hours:
          restore === undefined ? undefined : restore / HOUR,
        incidentsResolved: restores[i].length,
      };
    });
    return {
      scope,
      bucket: query.bucket,
      window: { from: from.toISOString(), to: to.toISOString() },
      points,
    };
  }
}
