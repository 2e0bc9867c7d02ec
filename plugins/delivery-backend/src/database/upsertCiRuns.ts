import { Knex } from 'knex';
import { insertChunks } from './chunks';
import { CiRunInput } from './IngestStore';

/**
 * CI runs, one row per id; a completed run is never set back to running by a late delivery
 * of its earlier event.
 */
export async function upsertCiRuns(tx: Knex.Transaction, runs: CiRunInput[]) {
  const byId = new Map<string, CiRunInput>();
  for (const r of runs) {
    const before = byId.get(r.id);
    if (!before || before.status !== 'completed') byId.set(r.id, r);
  }
  const rows = [...byId.values()].map(r => ({
    id: r.id,
    service_ref: r.serviceRef,
    kind: r.kind,
    provider: r.provider,
    name: r.name,
    head_sha: r.headSha,
    head_branch: r.headBranch ?? null,
    trigger: r.trigger ?? null,
    status: r.status,
    conclusion: r.conclusion ?? null,
    started_at: r.startedAt ?? null,
    finished_at: r.finishedAt ?? null,
    duration_seconds:
      r.startedAt && r.finishedAt
        ? Math.max(0, (r.finishedAt.getTime() - r.startedAt.getTime()) / 1000)
        : null,
    url: r.url ?? null,
  }));
  for (const batch of insertChunks(rows)) {
    await tx('delivery_ci_runs')
      .insert(batch)
      .onConflict('id')
      .merge()
      .where('delivery_ci_runs.status', 'running');
  }
}
