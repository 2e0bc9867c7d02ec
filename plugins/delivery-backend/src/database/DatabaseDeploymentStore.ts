import { ConflictError } from '@backstage/errors';
import {
  Deployment,
  DeploymentIncident,
  DeploymentLogEvent,
  DeploymentStatus,
} from '@internal/plugin-delivery-common';
import { Knex } from 'knex';
import { bucketOf } from '../lib/percentiles';
import { toDate, toIso } from '../lib/time';
import { DeploymentStore, NewDeploy } from './DeploymentStore';
import { RollupDelta } from './rollups';
import { FINISHED_STATUSES, statusRank } from './statuses';

type Row = Record<string, any>;

const lockKey = (serviceRef: string, environment: string) =>
  `${serviceRef} ${environment}`;

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    String(e?.code).startsWith('SQLITE_CONSTRAINT') ||
    /UNIQUE constraint failed/.test(String(e?.message))
  );
}

export class DatabaseDeploymentStore implements DeploymentStore {
  constructor(private readonly db: Knex) {}

  async create(deploy: NewDeploy, now: Date): Promise<Deployment> {
    const retried = await this.byRequestKey(deploy);
    if (retried) return retried;
    const change = await this.changeOf(deploy);
    try {
      await this.db.transaction(async tx => {
        await tx('delivery_deployments').insert({
          id: deploy.id,
          service_ref: deploy.serviceRef,
          environment: deploy.environment,
          is_production: deploy.production,
          version: deploy.version,
          status: deploy.status,
          status_rank: statusRank(deploy.status),
          change_type: deploy.changeType,
          source: 'runway',
          driver: deploy.driver,
          triggered_by: deploy.triggeredBy,
          self_service: deploy.selfService,
          commit_sha: deploy.commitSha ?? null,
          rollback_of: deploy.rollbackOf ?? null,
          promoted_from: deploy.promotedFrom ?? null,
          request_key: deploy.requestKey ?? null,
          request_hash: deploy.requestKey ? deploy.requestHash ?? null : null,
          lock_key: lockKey(deploy.serviceRef, deploy.environment),
          change_started_at: change.startedAt ?? null,
          change_merged_at: change.mergedAt ?? null,
          requested_at: now,
          queued_at: deploy.status === 'queued' ? now : null,
          approval_reason: deploy.approvalReason ?? null,
          freeze_window: deploy.freezeWindow ?? null,
          override_reason: deploy.overrideReason ?? null,
        });
        await tx('delivery_deployment_events').insert({
          deployment_id: deploy.id,
          at: now,
          status: deploy.status,
          message:
            deploy.status === 'awaiting-approval'
              ? `Waiting for approval: ${deploy.approvalReason}`
              : `Queued ${deploy.version} for ${deploy.environment}`,
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const again = await this.byRequestKey(deploy);
      if (again) return again;
      const active = await this.db('delivery_deployments')
        .where({ lock_key: lockKey(deploy.serviceRef, deploy.environment) })
        .first();
      throw new ConflictError(
        `${deploy.serviceRef} has a deploy in progress in ${
          deploy.environment
        }: ${active?.id ?? 'another request'}${
          active ? ` (${active.status}, version ${active.version})` : ''
        }; one deploy at a time per service and environment`,
      );
    }
    return (await this.get(deploy.id))!;
  }

  async get(id: string): Promise<Deployment | undefined> {
    const row = await this.db('delivery_deployments').where({ id }).first();
    return row ? toDeployment(row) : undefined;
  }

  async list(query: {
    serviceRef: string;
    environment?: string;
    limit: number;
  }) {
    const rows = await this.db('delivery_deployments')
      .where({ service_ref: query.serviceRef })
      .modify(q => {
        if (query.environment) q.where({ environment: query.environment });
      })
      .orderBy('requested_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit);
    return withIncidents(this.db, rows.map(toDeployment));
  }

  async current(serviceRef: string, environment: string) {
    const row = await this.db('delivery_deployments')
      .where({ service_ref: serviceRef, environment, status: 'succeeded' })
      .orderBy('finished_at', 'desc')
      .first();
    return row ? toDeployment(row) : undefined;
  }

  async lastSucceededOtherThan(
    serviceRef: string,
    environment: string,
    version: string,
  ) {
    const row = await this.db('delivery_deployments')
      .where({ service_ref: serviceRef, environment, status: 'succeeded' })
      .whereNot({ version })
      .orderBy('finished_at', 'desc')
      .first();
    return row ? toDeployment(row) : undefined;
  }

  async transition(
    id: string,
    from: DeploymentStatus[],
    to: DeploymentStatus,
    now: Date,
    patch: { approvedBy?: string; message?: string } = {},
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const query = tx('delivery_deployments').where({ id });
      if (tx.client.dialect === 'postgresql') query.forUpdate();
      const row = await query.first();
      if (!row || !from.includes(row.status)) return false;
      const update: Row = { status: to, status_rank: statusRank(to) };
      if (to === 'queued') update.queued_at = now;
      if (to === 'running') update.started_at = now;
      if (patch.approvedBy) {
        update.approved_by = patch.approvedBy;
        update.approved_at = now;
      }
      if (patch.message) update.message = patch.message;
      if (FINISHED_STATUSES.includes(to)) {
        update.finished_at = now;
        update.lock_key = null;
        const started = toDate(row.change_started_at);
        if (row.is_production && to === 'succeeded' && started) {
          const seconds = Math.max(
            0,
            (now.getTime() - started.getTime()) / 1000,
          );
          update.lead_time_seconds = seconds;
          update.lead_time_bucket = bucketOf(seconds);
        }
      }
      const moved = await tx('delivery_deployments')
        .where({ id, status: row.status })
        .update(update);
      if (moved === 0) return false;
      const delta = new RollupDelta();
      delta.change(row, { ...row, ...update });
      // A successful rollback marks what it rolled back: a failed change.
      if (
        to === 'succeeded' &&
        row.change_type === 'rollback' &&
        row.rollback_of
      ) {
        const target = tx('delivery_deployments').where({
          id: row.rollback_of,
          status: 'succeeded',
        });
        if (tx.client.dialect === 'postgresql') target.forUpdate();
        const rolledBack = await target.first();
        if (rolledBack) {
          const marked = {
            status: 'rolled-back',
            status_rank: statusRank('rolled-back'),
          };
          await tx('delivery_deployments')
            .where({ id: rolledBack.id })
            .update(marked);
          delta.change(rolledBack, { ...rolledBack, ...marked });
        }
      }
      await delta.apply(tx);
      return true;
    });
  }

  async appendEvent(
    id: string,
    message: string,
    now: Date,
    status?: DeploymentStatus,
  ) {
    await this.db('delivery_deployment_events').insert({
      deployment_id: id,
      at: now,
      status: status ?? null,
      message: message.slice(0, 4000),
    });
  }

  async events(
    id: string,
    after: number,
    limit: number,
  ): Promise<DeploymentLogEvent[]> {
    const rows = await this.db('delivery_deployment_events')
      .where({ deployment_id: id })
      .where('id', '>', after)
      .orderBy('id')
      .limit(limit);
    return rows.map(r => ({
      id: Number(r.id),
      deploymentId: r.deployment_id,
      at: toIso(r.at)!,
      ...(r.status && { status: r.status }),
      message: r.message,
    }));
  }

  async queued(olderThan: Date, limit: number): Promise<string[]> {
    const rows = await this.db('delivery_deployments')
      .select('id')
      .where({ status: 'queued' })
      .where('queued_at', '<', olderThan)
      .orderBy('queued_at')
      .limit(limit);
    return rows.map(r => r.id);
  }

  async markHandedOff(id: string, now: Date) {
    await this.db('delivery_deployments')
      .where({ id, status: 'running' })
      .update({ handed_off_at: now });
  }

  async stalled(quietSince: Date, limit: number, handedOff: boolean) {
    const rows = await this.db('delivery_deployments as d')
      .select('d.id', 'd.driver', 'd.environment')
      .where('d.status', 'running')
      .where('d.started_at', '<', quietSince)
      .modify(q => {
        if (handedOff) q.whereNotNull('d.handed_off_at');
        else q.whereNull('d.handed_off_at');
      })
      .whereNotExists(events =>
        events
          .select('e.deployment_id')
          .from('delivery_deployment_events as e')
          .whereRaw('e.deployment_id = d.id')
          .where('e.at', '>=', quietSince),
      )
      .orderBy('d.started_at')
      .limit(limit);
    return rows.map((r: Row) => ({
      id: r.id,
      driver: r.driver ?? undefined,
      environment: r.environment,
    }));
  }

  private async byRequestKey(deploy: NewDeploy) {
    if (!deploy.requestKey) return undefined;
    const row = await this.db('delivery_deployments')
      .where({
        service_ref: deploy.serviceRef,
        environment: deploy.environment,
        request_key: deploy.requestKey,
      })
      .first();
    if (!row) return undefined;
    if (row.request_hash && row.request_hash !== deploy.requestHash)
      throw new ConflictError(
        `Idempotency key "${deploy.requestKey}" was already used for a different request (deploy ${row.id} of ${row.version} to ${row.environment})`,
      );
    return toDeployment(row);
  }

  /**
   * Where the deployed change started: an earlier deployment of the same version (a promotion
   * or redeploy ships the same change), or the pull request merged as its commit.
   */
  private async changeOf(
    deploy: NewDeploy,
  ): Promise<{ startedAt?: Date; mergedAt?: Date }> {
    const [earlier] = await this.db('delivery_deployments')
      .min({ started: 'change_started_at', merged: 'change_merged_at' })
      .where({ service_ref: deploy.serviceRef, version: deploy.version });
    if (earlier?.started)
      return {
        startedAt: toDate(earlier.started),
        mergedAt: toDate(earlier.merged),
      };
    if (!deploy.commitSha) return {};
    const pr = await this.db('delivery_pull_requests')
      .where({ merge_commit_sha: deploy.commitSha })
      .first();
    if (!pr) return {};
    const opened = toDate(pr.opened_at)!;
    const firstCommit = toDate(pr.first_commit_at);
    return {
      startedAt: firstCommit && firstCommit < opened ? firstCommit : opened,
      mergedAt: toDate(pr.merged_at),
    };
  }
}

export function toDeployment(r: Row): Deployment {
  const opt = <T>(v: T | null | undefined) => (v === null ? undefined : v);
  return {
    id: r.id,
    service: r.service_ref,
    environment: r.environment,
    production: Boolean(r.is_production),
    version: r.version,
    status: r.status,
    changeType: r.change_type,
    source: r.source,
    driver: opt(r.driver),
    triggeredBy: opt(r.triggered_by),
    selfService: Boolean(r.self_service),
    commitSha: opt(r.commit_sha),
    rollbackOf: opt(r.rollback_of),
    promotedFrom: opt(r.promoted_from),
    requestedAt: toIso(r.requested_at)!,
    queuedAt: toIso(r.queued_at),
    startedAt: toIso(r.started_at),
    finishedAt: toIso(r.finished_at),
    approval: r.approval_reason
      ? {
          reason: r.approval_reason,
          approvedBy: opt(r.approved_by),
          approvedAt: toIso(r.approved_at),
        }
      : undefined,
    freezeOverride: r.freeze_window
      ? { window: r.freeze_window, reason: r.override_reason }
      : undefined,
    leadTimeSeconds:
      r.lead_time_seconds === null || r.lead_time_seconds === undefined
        ? undefined
        : Number(r.lead_time_seconds),
    causedIncident: Boolean(r.caused_incident),
    failedChange: failedChangeOf(r),
    message: opt(r.message),
  };
}

/** Why a finished production deployment counts as a failed change; incidents filled in later. */
function failedChangeOf(r: Row): Deployment['failedChange'] {
  if (!r.is_production || !r.finished_at) return undefined;
  const reasons: Array<'failed' | 'rolled-back' | 'incident'> = [];
  if (r.status === 'failed') reasons.push('failed');
  if (r.status === 'rolled-back') reasons.push('rolled-back');
  if (r.caused_incident) reasons.push('incident');
  return reasons.length > 0 ? { reasons, incidents: [] } : undefined;
}

/** The incidents tied to each deployment that counts as failed because of them. */
async function withIncidents(
  db: Knex,
  deployments: Deployment[],
): Promise<Deployment[]> {
  const ids = deployments
    .filter(d => d.failedChange?.reasons.includes('incident'))
    .map(d => d.id);
  if (ids.length === 0) return deployments;
  const rows = await db('delivery_incidents')
    .select(
      'id',
      'title',
      'url',
      'source',
      'opened_at',
      'cause_link',
      'caused_by_deployment_id',
    )
    .whereIn('caused_by_deployment_id', ids)
    .orderBy('opened_at');
  const byDeployment = new Map<string, DeploymentIncident[]>();
  for (const r of rows) {
    const list = byDeployment.get(r.caused_by_deployment_id) ?? [];
    list.push({
      id: r.id,
      title: r.title ?? undefined,
      url: r.url ?? undefined,
      source: r.source ?? undefined,
      openedAt: toIso(r.opened_at)!,
      link: r.cause_link === 'live-at-open' ? 'live-at-open' : 'reported',
    });
    byDeployment.set(r.caused_by_deployment_id, list);
  }
  return deployments.map(d =>
    d.failedChange && byDeployment.has(d.id)
      ? {
          ...d,
          failedChange: {
            ...d.failedChange,
            incidents: byDeployment.get(d.id)!,
          },
        }
      : d,
  );
}
