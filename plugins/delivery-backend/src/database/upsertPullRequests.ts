import { Knex } from 'knex';
import { insertChunks } from './chunks';
import { prKey, PullRequestInput } from './IngestStore';
import { firstCommitsOf } from './pushes';

type Row = Record<string, unknown>;

/** Filled in only when absent: a later event that does not carry them keeps them. */
const KEPT = [
  'title',
  'author',
  'additions',
  'deletions',
  'changed_files',
  'merge_commit_sha',
  'head_sha',
];
/** A pull request's state: taken whole from an event carrying a state time no older than the stored one. */
const STATE = ['merged_at', 'closed_at', 'draft'];

/**
 * Pull requests, one row each. Events of the batch API carry what they know (absent fields
 * keep what is stored); GitHub's carry the whole state at `stateAt`, so a null `closedAt` is
 * a reopened PR, and a delivery older than the stored state changes nothing of it. A PR without
 * a first commit time gets one from the pushes that led to its head commit.
 */
export async function upsertPullRequests(
  tx: Knex.Transaction,
  prs: PullRequestInput[],
) {
  if (prs.length === 0) return;
  // The last event of a PR in a batch wins; what it does not carry keeps the earlier one's.
  const byKey = new Map<string, Row>();
  for (const pr of prs) {
    const key = prKey(pr.repository, pr.number);
    const row: Row = {
      pr_key: key,
      repository: pr.repository.toLocaleLowerCase('en-US'),
      number: pr.number,
      service_ref: pr.serviceRef,
      title: pr.title,
      author: pr.author,
      opened_at: pr.openedAt,
      first_commit_at: pr.firstCommitAt,
      merged_at: pr.mergedAt,
      closed_at: pr.closedAt,
      draft: pr.draft,
      ready_at: pr.readyAt,
      state_at: pr.stateAt,
      additions: pr.additions,
      deletions: pr.deletions,
      changed_files: pr.changedFiles,
      merge_commit_sha: pr.mergeCommitSha,
      head_sha: pr.headSha,
    };
    const before = byKey.get(key);
    byKey.set(
      key,
      before
        ? Object.fromEntries(
            Object.entries(row).map(([k, v]) => [
              k,
              v === undefined ? before[k] : v,
            ]),
          )
        : row,
    );
  }
  const rows = [...byKey.values()];
  const firstCommits = await firstCommitsOf(
    tx,
    rows.flatMap(r =>
      !r.first_commit_at && r.head_sha
        ? [{ serviceRef: String(r.service_ref), sha: String(r.head_sha) }]
        : [],
    ),
  );
  for (const r of rows) {
    if (!r.first_commit_at && r.head_sha)
      r.first_commit_at = firstCommits.get(
        `${r.service_ref}\u0000${r.head_sha}`,
      );
  }

  const t = 'delivery_pull_requests';
  const keep = (c: string) => tx.raw(`coalesce(excluded.??, ??.??)`, [c, t, c]);
  // excluded.state_at set: a whole state, applied unless the stored one is newer.
  const state = (c: string) =>
    tx.raw(
      `case when excluded.state_at is null then coalesce(excluded.??, ??.??)
        when ??.state_at is null or excluded.state_at >= ??.state_at then excluded.??
        else ??.?? end`,
      [c, t, c, t, t, c, t, c],
    );
  const earliest = (c: string) =>
    tx.raw(
      tx.client.dialect === 'postgresql'
        ? `least(excluded.??, ??.??)`
        : `coalesce(min(excluded.??, ??.??), excluded.??, ??.??)`,
      tx.client.dialect === 'postgresql' ? [c, t, c] : [c, t, c, c, t, c],
    );
  const latest = (c: string) =>
    tx.raw(
      tx.client.dialect === 'postgresql'
        ? `greatest(excluded.??, ??.??)`
        : `coalesce(max(excluded.??, ??.??), excluded.??, ??.??)`,
      tx.client.dialect === 'postgresql' ? [c, t, c] : [c, t, c, c, t, c],
    );
  for (const batch of insertChunks(rows)) {
    await tx(t)
      .insert(
        batch.map(r =>
          Object.fromEntries(
            Object.entries(r).map(([k, v]) => [k, v === undefined ? null : v]),
          ),
        ),
      )
      .onConflict('pr_key')
      .merge({
        service_ref: tx.raw('excluded.service_ref'),
        opened_at: tx.raw('excluded.opened_at'),
        ...Object.fromEntries(KEPT.map(c => [c, keep(c)])),
        ...Object.fromEntries(STATE.map(c => [c, state(c)])),
        // The first time it was ready stays the first, as does its first commit.
        ready_at: earliest('ready_at'),
        first_commit_at: earliest('first_commit_at'),
        state_at: latest('state_at'),
      });
  }
}
