import { Knex } from 'knex';
import { bucketOf } from '../lib/percentiles';
import { stripUndefined } from '../lib/stripUndefined';
import { earliest, latest, toDate } from '../lib/time';
import { chunks, insertChunks } from './chunks';
import { firstCommitsOf, ShippedCommits } from './pushes';
import { DeploymentInput, prKey } from './IngestStore';
import { RollupDelta } from './rollups';
import { statusRank } from './statuses';

type Row = Record<string, any>;

/**
 * Deployments in: one row per deployment id (status updates within a batch and across batches
 * keep the furthest status), their change times, and the daily rollups in the same transaction.
 */
export async function upsertDeployments(
  tx: Knex.Transaction,
  deployments: DeploymentInput[],
  now: Date,
) {
  if (deployments.length === 0) return;
  // Status updates of one deployment within a batch: the furthest status wins.
  const byId = new Map<string, DeploymentInput>();
  for (const d of deployments) {
    const before = byId.get(d.id);
    if (!before || statusRank(d.status) >= statusRank(before.status))
      byId.set(d.id, before ? mergeDeployment(before, d) : d);
  }
  const ids = [...byId.keys()];
  const existing = new Map<string, Row>();
  const incidentLinked = new Set<string>();
  for (const batch of chunks(ids, 1000)) {
    // Locked on PostgreSQL: the rollups take the old row out, so it must be the current one.
    const query = tx('delivery_deployments').whereIn('id', batch);
    if (tx.client.dialect === 'postgresql') query.forUpdate();
    for (const row of await query) existing.set(row.id, row);
    const causes = await tx('delivery_incidents')
      .distinct('caused_by_deployment_id')
      .whereIn('caused_by_deployment_id', batch);
    for (const c of causes) incidentLinked.add(c.caused_by_deployment_id);
  }
  const changes = await changeTimes(tx, [...byId.values()]);

  const rows: Row[] = [];
  for (const d of byId.values()) {
    const old = existing.get(d.id);
    if (old && old.status_rank > statusRank(d.status)) continue;
    const change = changes.get(d.id);
    const started = earliest(
      d.firstCommitAt,
      toDate(old?.change_started_at),
      change?.startedAt,
    );
    const terminal = ['succeeded', 'failed', 'rolled-back'].includes(d.status);
    // Only a finished deployment has an end: the metrics count rows with one.
    const finishedAt = terminal
      ? d.finishedAt ?? toDate(old?.finished_at) ?? now
      : null;
    const live = d.status === 'succeeded' || d.status === 'rolled-back';
    const leadTime =
      d.production && live && finishedAt && started
        ? (finishedAt.getTime() - started.getTime()) / 1000
        : undefined;
    rows.push({
      id: d.id,
      service_ref: d.serviceRef,
      environment: d.environment,
      is_production: d.production,
      version: d.version,
      status: d.status,
      status_rank: statusRank(d.status),
      change_type: d.changeType,
      source: old?.source ?? 'external',
      triggered_by: d.triggeredBy ?? old?.triggered_by ?? null,
      self_service: d.selfService,
      commit_sha: d.commitSha ?? old?.commit_sha ?? null,
      change_started_at: started ?? null,
      change_merged_at:
        change?.mergedAt ?? toDate(old?.change_merged_at) ?? null,
      requested_at:
        toDate(old?.requested_at) ??
        d.queuedAt ??
        d.startedAt ??
        finishedAt ??
        now,
      queued_at: d.queuedAt ?? toDate(old?.queued_at) ?? null,
      started_at: d.startedAt ?? toDate(old?.started_at) ?? null,
      finished_at: finishedAt,
      lead_time_seconds:
        leadTime !== undefined && leadTime >= 0 ? leadTime : null,
      lead_time_bucket:
        leadTime !== undefined && leadTime >= 0 ? bucketOf(leadTime) : null,
      caused_incident:
        Boolean(old?.caused_incident) || incidentLinked.has(d.id),
    });
  }
  const delta = new RollupDelta();
  for (const row of rows) delta.change(existing.get(row.id), row);
  for (const batch of insertChunks(rows)) {
    await tx('delivery_deployments')
      .insert(batch)
      .onConflict('id')
      .merge()
      .whereRaw('delivery_deployments.status_rank <= excluded.status_rank');
  }
  await delta.apply(tx);
}

/**
 * When each deployment's change started and was merged: the earliest first commit or opening of
 * the pull requests it ships (linked, or merged as its commit), else what an earlier deployment
 * of the same service and version knew (a promotion ships the same change).
 */
async function changeTimes(
  tx: Knex.Transaction,
  deployments: DeploymentInput[],
): Promise<Map<string, { startedAt?: Date; mergedAt?: Date }>> {
  const keys = [
    ...new Set(
      deployments.flatMap(d =>
        d.pullRequests.map(p => prKey(p.repository, p.number)),
      ),
    ),
  ];
  const shas = [
    ...new Set(deployments.flatMap(d => (d.commitSha ? [d.commitSha] : []))),
  ];
  const prs: Row[] = [];
  for (const batch of chunks(keys, 1000))
    prs.push(...(await tx('delivery_pull_requests').whereIn('pr_key', batch)));
  for (const batch of chunks(shas, 1000))
    prs.push(
      ...(await tx('delivery_pull_requests').whereIn(
        'merge_commit_sha',
        batch,
      )),
    );
  const byKey = new Map(prs.map(p => [p.pr_key, p]));
  const bySha = new Map<string, Row[]>();
  for (const p of prs) {
    if (p.merge_commit_sha)
      bySha.set(p.merge_commit_sha, [
        ...(bySha.get(p.merge_commit_sha) ?? []),
        p,
      ]);
  }

  // The commits pushed since the service's last shipped commit: a push chain per deployment.
  const pushed = await firstCommitsOf(
    tx,
    deployments.flatMap(d =>
      d.commitSha ? [{ serviceRef: d.serviceRef, sha: d.commitSha }] : [],
    ),
    shippedBy(tx, new Set(deployments.map(d => d.id))),
  );

  const out = new Map<string, { startedAt?: Date; mergedAt?: Date }>();
  const unresolved: DeploymentInput[] = [];
  for (const d of deployments) {
    const linked = [
      ...d.pullRequests.flatMap(p => {
        const row = byKey.get(prKey(p.repository, p.number));
        return row ? [row] : [];
      }),
      ...(d.commitSha ? bySha.get(d.commitSha) ?? [] : []),
    ];
    const startedAt = earliest(
      ...linked.flatMap(p => [toDate(p.opened_at), toDate(p.first_commit_at)]),
      d.commitSha
        ? pushed.get(`${d.serviceRef}\u0000${d.commitSha}`)
        : undefined,
    );
    const mergedAt = latest(...linked.map(p => toDate(p.merged_at)));
    out.set(d.id, { startedAt, mergedAt });
    if (!startedAt && !d.firstCommitAt) unresolved.push(d);
  }

  if (unresolved.length > 0) {
    const earlier: Row[] = await tx('delivery_deployments')
      .select('service_ref', 'version')
      .min({ started: 'change_started_at', merged: 'change_merged_at' })
      .whereIn('service_ref', [...new Set(unresolved.map(d => d.serviceRef))])
      .whereIn('version', [...new Set(unresolved.map(d => d.version))])
      .whereNotNull('change_started_at')
      .groupBy('service_ref', 'version');
    const known = new Map(
      earlier.map(r => [`${r.service_ref}\u0000${r.version}`, r]),
    );
    for (const d of unresolved) {
      const row = known.get(`${d.serviceRef}\u0000${d.version}`);
      if (row)
        out.set(d.id, {
          startedAt: toDate(row.started),
          mergedAt: toDate(row.merged),
        });
    }
  }
  return out;
}

/** Commits live production deployments (other than those being stored) already shipped. */
function shippedBy(tx: Knex.Transaction, ignore: Set<string>): ShippedCommits {
  return async pairs => {
    const out = new Set<string>();
    for (const batch of chunks(pairs, 400)) {
      const rows = await tx('delivery_deployments')
        .select('id', 'service_ref', 'commit_sha')
        .whereIn(
          'commit_sha',
          batch.map(p => p.sha),
        )
        .where('is_production', true)
        .whereIn('status', ['succeeded', 'rolled-back']);
      for (const row of rows)
        if (!ignore.has(row.id))
          out.add(`${row.service_ref}\u0000${row.commit_sha}`);
    }
    return out;
  };
}

function mergeDeployment(
  before: DeploymentInput,
  after: DeploymentInput,
): DeploymentInput {
  return {
    ...before,
    ...stripUndefined(after),
    pullRequests: [...before.pullRequests, ...after.pullRequests],
  };
}
