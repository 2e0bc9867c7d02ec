import { Knex } from 'knex';
import { toDate } from '../lib/time';
import {
  DayCounts,
  DayLeadTimes,
  ResolvedIncident,
  TimelineStore,
} from './TimelineStore';

const DAY_MS = 86_400_000;

/**
 * The timeline from the daily rollups: deployment counts per service and day, lead-time
 * histogram buckets per day. The organisation's lead times have their own rollup; a team's or a
 * service's come from its deployments' stored buckets, grouped by day the same way.
 */
export class DatabaseTimelineStore implements TimelineStore {
  constructor(private readonly db: Knex) {}

  async deploymentDays(
    fromDay: number,
    toDay: number,
    services?: string[],
  ): Promise<DayCounts[]> {
    const rows = await this.db('delivery_deployment_days')
      .select('day')
      .sum({
        finished: 'finished',
        live: 'live',
        failed: 'failed',
        rework: 'rework',
      })
      .where('day', '>=', fromDay)
      .where('day', '<', toDay)
      .modify(q => {
        if (services) q.whereIn('service_ref', services);
      })
      .groupBy('day')
      .orderBy('day');
    return rows.map((r: any) => ({
      day: Number(r.day),
      finished: Number(r.finished),
      live: Number(r.live),
      failed: Number(r.failed),
      rework: Number(r.rework),
    }));
  }

  async leadTimeDays(
    fromDay: number,
    toDay: number,
    services?: string[],
  ): Promise<DayLeadTimes[]> {
    if (!services) {
      const rows = await this.db('delivery_lead_time_days')
        .select('day', 'bucket', 'deployments')
        .where('day', '>=', fromDay)
        .where('day', '<', toDay)
        .where('deployments', '>', 0);
      return rows.map((r: any) => ({
        day: Number(r.day),
        bucket: Number(r.bucket),
        count: Number(r.deployments),
      }));
    }
    // The same day number as the rollups (see the daily rollups migration).
    const day =
      this.db.client.dialect === 'postgresql'
        ? 'floor(extract(epoch from finished_at) / 86400)::integer'
        : 'cast(finished_at / 86400000 as integer)';
    const rows = await this.db('delivery_deployments')
      .select(this.db.raw(`${day} as day`), 'lead_time_bucket as bucket')
      .count({ n: '*' })
      .whereIn('service_ref', services)
      .whereRaw('is_production = true')
      .where('finished_at', '>=', new Date(fromDay * DAY_MS))
      .where('finished_at', '<', new Date(toDay * DAY_MS))
      .whereNotNull('lead_time_bucket')
      .groupByRaw(`${day}, lead_time_bucket`);
    return rows.map((r: any) => ({
      day: Number(r.day),
      bucket: Number(r.bucket),
      count: Number(r.n),
    }));
  }

  async resolvedIncidents(
    from: Date,
    to: Date,
    services?: string[],
  ): Promise<ResolvedIncident[]> {
    const rows = await this.db('delivery_incidents')
      .select('resolved_at', 'restore_seconds')
      .where('resolved_at', '>=', from)
      .where('resolved_at', '<', to)
      .whereNotNull('restore_seconds')
      .modify(q => {
        if (services) q.whereIn('service_ref', services);
      });
    return rows.map((r: any) => ({
      resolvedAt: toDate(r.resolved_at)!,
      restoreSeconds: Number(r.restore_seconds),
    }));
  }
}
