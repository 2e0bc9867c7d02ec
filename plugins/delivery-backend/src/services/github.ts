import { z } from 'zod';
import { PullRequestInput, ReviewInput } from '../database/IngestStore';
import { parseInput } from '../service/validation';

/** A GitHub webhook event delivery reduces to a PR record and maybe a review. */
export type GithubEvent = {
  repository: string;
  pullRequest: Omit<PullRequestInput, 'serviceRef'>;
  review?: ReviewInput;
};

const isoDate = z.iso.datetime({ offset: true });
// GitHub sends many more fields; only these are read (z.object ignores the rest).
const pullRequest = z.object({
  number: z.number().int().positive(),
  title: z.string().optional(),
  user: z.object({ login: z.string() }).nullish(),
  created_at: isoDate,
  merged_at: isoDate.nullish(),
  closed_at: isoDate.nullish(),
  merged: z.boolean().nullish(),
  merge_commit_sha: z.string().nullish(),
  additions: z.number().int().nullish(),
  deletions: z.number().int().nullish(),
  changed_files: z.number().int().nullish(),
});
const repository = z.object({ full_name: z.string().min(1) });
const pullRequestEvent = z.object({
  action: z.string(),
  number: z.number().int().optional(),
  pull_request: pullRequest,
  repository,
});
const reviewEvent = z.object({
  action: z.string(),
  review: z.object({
    id: z.union([z.number(), z.string()]),
    user: z.object({ login: z.string() }).nullish(),
    state: z.string(),
    submitted_at: isoDate,
  }),
  pull_request: pullRequest,
  repository,
});

const PR_ACTIONS = new Set([
  'opened',
  'reopened',
  'closed',
  'edited',
  'synchronize',
  'ready_for_review',
]);
const REVIEW_STATES = new Set([
  'approved',
  'changes_requested',
  'commented',
  'dismissed',
]);

/**
 * Maps GitHub's `pull_request` (opened, closed with merged true or false, ...) and
 * `pull_request_review` (submitted) payloads; returns undefined for events and actions that
 * carry nothing delivery measures (ping, labeled, ...).
 */
export function mapGithubEvent(
  eventName: string,
  payload: unknown,
): GithubEvent | undefined {
  if (eventName === 'pull_request') {
    const e = parseInput(pullRequestEvent, payload, 'pull_request payload');
    if (!PR_ACTIONS.has(e.action)) return undefined;
    return {
      repository: e.repository.full_name,
      pullRequest: pr(e.repository.full_name, e.pull_request),
    };
  }
  if (eventName === 'pull_request_review') {
    const e = parseInput(reviewEvent, payload, 'pull_request_review payload');
    if (e.action !== 'submitted') return undefined;
    const state = e.review.state.toLocaleLowerCase('en-US');
    return {
      repository: e.repository.full_name,
      pullRequest: pr(e.repository.full_name, e.pull_request),
      review: {
        repository: e.repository.full_name,
        number: e.pull_request.number,
        reviewId: String(e.review.id),
        reviewer: e.review.user?.login,
        state: REVIEW_STATES.has(state) ? state : 'commented',
        submittedAt: new Date(e.review.submitted_at),
      },
    };
  }
  return undefined;
}

function pr(
  repo: string,
  p: z.infer<typeof pullRequest>,
): Omit<PullRequestInput, 'serviceRef'> {
  const merged = Boolean(p.merged ?? p.merged_at);
  return {
    repository: repo,
    number: p.number,
    title: p.title,
    author: p.user?.login,
    openedAt: new Date(p.created_at),
    mergedAt: merged && p.merged_at ? new Date(p.merged_at) : undefined,
    closedAt: p.closed_at ? new Date(p.closed_at) : undefined,
    additions: p.additions ?? undefined,
    deletions: p.deletions ?? undefined,
    changedFiles: p.changed_files ?? undefined,
    // Before the merge GitHub's merge_commit_sha is a test merge: only a merged PR's counts.
    mergeCommitSha: merged ? p.merge_commit_sha ?? undefined : undefined,
  };
}
