import { Deployment } from '@internal/plugin-delivery-common';
import { Knex } from 'knex';
import { toDate } from '../lib/time';
import { toDeployment } from './DatabaseDeploymentStore';
import { ServiceStateStore, VersionSighting } from './ServiceStateStore';
import { ACTIVE_STATUSES, LIVE_STATUSES } from './statuses';

export class DatabaseServiceStateStore implements ServiceStateStore {
  constructor(private readonly db: Knex) {}

  async current(serviceRef: string, environments: string[]) {
    const found = new Map<string, Deployment>();
    // One indexed lookup per environment: a deploy path has a handful.
    for (const environment of environments) {
      const row = await this.db('delivery_deployments')
        .where({ service_ref: serviceRef, environment, status: 'succeeded' })
        .orderBy('finished_at', 'desc')
        .first();
      if (row) found.set(environment, toDeployment(row));
    }
    return found;
  }

  async active(serviceRef: string) {
    const rows = await this.db('delivery_deployments')
      .where({ service_ref: serviceRef })
      .whereIn('status', ACTIVE_STATUSES)
      .orderBy('requested_at', 'desc');
    return rows.map(toDeployment);
  }

  async versions(
    serviceRef: string,
    limit: number,
  ): Promise<VersionSighting[]> {
    const seen = this.db.raw(
      'max(coalesce(finished_at, started_at, requested_at)) as last_seen_at',
    );
    const latest = this.db('delivery_deployments')
      .select('version')
      .max({
        at: this.db.raw('coalesce(finished_at, started_at, requested_at)'),
      })
      .where({ service_ref: serviceRef })
      .groupBy('version')
      .orderBy('at', 'desc')
      .limit(limit);
    const newest = (await latest).map((r: any) => r.version as string);
    if (newest.length === 0) return [];
    const rows = await this.db('delivery_deployments')
      .select('version', 'environment', seen)
      .max({ commit_sha: 'commit_sha' })
      .select(
        this.db.raw(
          `sum(case when status in (${LIVE_STATUSES.map(() => '?').join(
            ', ',
          )}) then 1 else 0 end) as live`,
          LIVE_STATUSES,
        ),
      )
      .where({ service_ref: serviceRef })
      .whereIn('version', newest)
      .groupBy('version', 'environment');
    return rows
      .map((r: any) => ({
        version: r.version,
        environment: r.environment,
        commitSha: r.commit_sha ?? undefined,
        lastSeenAt: toDate(r.last_seen_at)!,
        live: Number(r.live) > 0,
      }))
      .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
  }
}
