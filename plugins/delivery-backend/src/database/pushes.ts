import { Knex } from 'knex';
import { toDate } from '../lib/time';
import { chunks, insertChunks } from './chunks';
import { PushInput } from './IngestStore';

/** How many pushes back a change's first commit is looked for. */
const MAX_HOPS = 50;
const NO_COMMIT = /^0+$/;

/**
 * Pushes, one row per (repository, head commit, service); the same head pushed again (to
 * another branch, or redelivered) keeps the earliest first commit.
 */
export async function upsertPushes(tx: Knex.Transaction, pushes: PushInput[]) {
  const rows = pushes.map(p => ({
    repository: p.repository.toLocaleLowerCase('en-US'),
    after_sha: p.after,
    service_ref: p.serviceRef,
    before_sha: p.before,
    ref: p.ref,
    forced: p.forced,
    pushed_at: p.pushedAt,
    first_commit_at: p.firstCommitAt ?? null,
    commits: p.commits,
  }));
  const t = 'delivery_pushes';
  for (const batch of insertChunks(rows)) {
    await tx(t)
      .insert(batch)
      .onConflict(['repository', 'after_sha', 'service_ref'])
      .merge({
        first_commit_at: tx.raw(
          tx.client.dialect === 'postgresql'
            ? 'least(excluded.first_commit_at, ??.first_commit_at)'
            : 'coalesce(min(excluded.first_commit_at, ??.first_commit_at), excluded.first_commit_at, ??.first_commit_at)',
          tx.client.dialect === 'postgresql' ? [t] : [t, t],
        ),
      });
  }
}

/** Which of these (service, commit) pairs a live production deployment already shipped. */
export type ShippedCommits = (
  pairs: Array<{ serviceRef: string; sha: string }>,
) => Promise<Set<string>>;

/**
 * The earliest commit time of the change that ends at a commit: walking the service's pushes
 * back (each push's `before` is the previous head) until a commit `shipped` names, the start
 * of the branch, a commit no push of the service names, or 50 pushes. Keys are
 * `<service ref>\0<sha>`.
 */
export async function firstCommitsOf(
  tx: Knex.Transaction,
  heads: Array<{ serviceRef: string; sha: string }>,
  shipped?: ShippedCommits,
): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  let frontier = heads.map(h => ({
    key: `${h.serviceRef}\u0000${h.sha}`,
    serviceRef: h.serviceRef,
    sha: h.sha,
    seen: new Set<string>([h.sha]),
  }));
  for (let hop = 0; hop < MAX_HOPS && frontier.length > 0; hop++) {
    const found = new Map<string, { before: string; first?: Date }>();
    for (const batch of chunks(frontier, 400)) {
      const rows = await tx('delivery_pushes')
        .select('service_ref', 'after_sha', 'before_sha', 'first_commit_at')
        .where(q => {
          for (const f of batch)
            q.orWhere({ service_ref: f.serviceRef, after_sha: f.sha });
        });
      for (const row of rows) {
        const key = `${row.service_ref}\u0000${row.after_sha}`;
        const first = toDate(row.first_commit_at);
        const had = found.get(key);
        found.set(key, {
          before: had?.before ?? row.before_sha,
          first:
            had?.first && first
              ? new Date(Math.min(had.first.getTime(), first.getTime()))
              : had?.first ?? first,
        });
      }
    }
    const next: typeof frontier = [];
    for (const f of frontier) {
      const push = found.get(`${f.serviceRef}\u0000${f.sha}`);
      if (!push) continue;
      const sofar = out.get(f.key);
      if (push.first && (!sofar || push.first < sofar))
        out.set(f.key, push.first);
      if (NO_COMMIT.test(push.before) || f.seen.has(push.before)) continue;
      f.seen.add(push.before);
      next.push({ ...f, sha: push.before });
    }
    const stop = shipped && next.length > 0 ? await shipped(next) : undefined;
    frontier = stop
      ? next.filter(f => !stop.has(`${f.serviceRef}\u0000${f.sha}`))
      : next;
  }
  return out;
}
