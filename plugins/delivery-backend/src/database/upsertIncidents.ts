import { Knex } from 'knex';
import { stripUndefined } from '../lib/stripUndefined';
import { earliest, toDate } from '../lib/time';
import { chunks, insertChunks } from './chunks';
import { IncidentInput } from './IngestStore';
import { RollupDelta } from './rollups';

type Row = Record<string, any>;

export type IncidentAttribution = {
  /**
   * An incident no sender tied to a deployment counts against the service's production
   * deployment live when it opened, if that went live at most this many hours before.
   */
  attributionHours: number;
};

/**
 * Incidents, opened, resolved and reopened in any order of arrival, each tied to the
 * deployment that caused it: the one the sender named (`reported`), else the production
 * deployment live when it opened (`live-at-open`, within the attribution window). That
 * deployment then counts as a failed change, in the same transaction as its rollups.
 */
export async function upsertIncidents(
  tx: Knex.Transaction,
  incidents: IncidentInput[],
  now: Date,
  { attributionHours }: IncidentAttribution,
) {
  if (incidents.length === 0) return;
  const byId = new Map<string, IncidentInput>();
  for (const i of incidents) {
    const before = byId.get(i.id);
    byId.set(
      i.id,
      before
        ? {
            ...before,
            ...stripUndefined(i),
            status: i.status === 'resolved' ? 'resolved' : before.status,
          }
        : i,
    );
  }
  const existing = new Map<string, Row>();
  for (const batch of chunks([...byId.keys()], 1000)) {
    for (const row of await tx('delivery_incidents').whereIn('id', batch))
      existing.set(row.id, row);
  }
  const rows: Row[] = [];
  for (const i of byId.values()) {
    const old = existing.get(i.id);
    const openedAt = earliest(i.openedAt, toDate(old?.opened_at))!;
    const resolvedAt = i.reopened
      ? undefined
      : i.resolvedAt ??
        toDate(old?.resolved_at) ??
        (i.status === 'resolved' ? now : undefined);
    const reported =
      i.causedByDeploymentId ??
      (old?.cause_link === 'reported'
        ? old.caused_by_deployment_id
        : undefined);
    const live =
      reported || old?.caused_by_deployment_id
        ? undefined
        : await liveAt(tx, i.serviceRef, openedAt, attributionHours);
    const cause = reported ?? old?.caused_by_deployment_id ?? live;
    rows.push({
      id: i.id,
      service_ref: i.serviceRef,
      source: i.source ?? old?.source ?? null,
      title: i.title ?? old?.title ?? null,
      url: i.url ?? old?.url ?? null,
      opened_at: openedAt,
      resolved_at: resolvedAt ?? null,
      restore_seconds: resolvedAt
        ? Math.max(0, (resolvedAt.getTime() - openedAt.getTime()) / 1000)
        : null,
      caused_by_deployment_id: cause ?? null,
      cause_link: reported
        ? 'reported'
        : old?.cause_link ?? (live ? 'live-at-open' : null),
    });
  }
  for (const batch of insertChunks(rows)) {
    await tx('delivery_incidents').insert(batch).onConflict('id').merge();
  }
  // A deployment linked to one or more incidents is one failed change.
  const causes = [
    ...new Set(rows.flatMap(r => r.caused_by_deployment_id ?? [])),
  ];
  const delta = new RollupDelta();
  for (const batch of chunks(causes, 1000)) {
    const query = tx('delivery_deployments')
      .whereIn('id', batch)
      .where('caused_incident', false);
    if (tx.client.dialect === 'postgresql') query.forUpdate();
    const linked = await query;
    for (const row of linked)
      delta.change(row, { ...row, caused_incident: true });
    await tx('delivery_deployments')
      .whereIn(
        'id',
        linked.map(r => r.id),
      )
      .update({ caused_incident: true });
  }
  await delta.apply(tx);
}

/** The service's production deployment that went live last before `at`, within the window. */
async function liveAt(
  tx: Knex.Transaction,
  serviceRef: string,
  at: Date,
  hours: number,
): Promise<string | undefined> {
  const row = await tx('delivery_deployments')
    .select('id')
    .where({ service_ref: serviceRef, is_production: true })
    .whereIn('status', ['succeeded', 'rolled-back'])
    .where('finished_at', '<=', at)
    .where('finished_at', '>=', new Date(at.getTime() - hours * 3_600_000))
    .orderBy('finished_at', 'desc')
    .first();
  return row?.id;
}
