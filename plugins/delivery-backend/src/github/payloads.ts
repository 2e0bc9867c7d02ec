import { z } from 'zod';

/**
 * The fields Runway reads of GitHub's webhook payloads (z.object ignores the rest). Shapes
 * from docs.github.com "Webhook events and payloads" and the payloads GitHub sent, kept in
 * src/__fixtures__/github with their sources.
 */
const isoDate = z.iso.datetime({ offset: true });
const login = z.object({ login: z.string().max(300) }).nullish();
const sha = z
  .string()
  .regex(/^[0-9a-f]{40}$/, 'is not a 40-character commit SHA');
const text = (max: number) => z.string().max(max);

export const repository = z.object({ full_name: z.string().min(1).max(300) });

export const pullRequest = z.object({
  number: z.number().int().positive(),
  title: text(1000).nullish(),
  user: login,
  state: z.enum(['open', 'closed']).optional(),
  draft: z.boolean().nullish(),
  created_at: isoDate,
  updated_at: isoDate.nullish(),
  merged_at: isoDate.nullish(),
  closed_at: isoDate.nullish(),
  merged: z.boolean().nullish(),
  merge_commit_sha: sha.nullish(),
  head: z.object({ sha }).nullish(),
  labels: z
    .array(z.object({ name: text(100) }))
    .max(100)
    .nullish(),
  additions: z.number().int().min(0).max(100_000_000).nullish(),
  deletions: z.number().int().min(0).max(100_000_000).nullish(),
  changed_files: z.number().int().min(0).max(1_000_000).nullish(),
});
export type GithubPullRequest = z.infer<typeof pullRequest>;

export const pullRequestEvent = z.object({
  action: z.string().max(100),
  pull_request: pullRequest,
  repository,
});

export const reviewEvent = z.object({
  action: z.string().max(100),
  review: z.object({
    id: z.union([z.number().int(), z.string().max(200)]),
    user: login,
    state: z.string().max(100),
    submitted_at: isoDate.nullish(),
  }),
  pull_request: pullRequest,
  repository,
});

const deployment = z.object({
  id: z.number().int().positive(),
  sha,
  ref: text(300),
  task: text(300).nullish(),
  environment: z.string().min(1).max(300),
  production_environment: z.boolean().nullish(),
  payload: z.union([z.record(z.string(), z.unknown()), z.string()]).nullish(),
  creator: login,
  created_at: isoDate,
});
export type GithubDeploymentPayload = z.infer<typeof deployment>;

export const deploymentEvent = z.object({ deployment, repository });

export const deploymentStatusEvent = z.object({
  deployment_status: z.object({
    state: z.string().max(100),
    created_at: isoDate,
    environment: text(300).nullish(),
  }),
  deployment,
  repository,
});

export const pushEvent = z.object({
  ref: text(300),
  before: sha,
  after: sha,
  created: z.boolean().nullish(),
  deleted: z.boolean().nullish(),
  forced: z.boolean().nullish(),
  commits: z
    .array(
      z.object({
        id: sha,
        distinct: z.boolean().nullish(),
        // Git metadata: the committer's clock, any zone; checked against the accepted range.
        timestamp: isoDate,
        added: z.array(text(4096)).max(3000).nullish(),
        modified: z.array(text(4096)).max(3000).nullish(),
        removed: z.array(text(4096)).max(3000).nullish(),
      }),
    )
    .max(2048),
  repository: repository.extend({
    pushed_at: z.union([z.number(), isoDate]).nullish(),
  }),
});

export const workflowRunEvent = z.object({
  action: z.string().max(100),
  workflow_run: z.object({
    id: z.number().int().positive(),
    name: text(500).nullish(),
    path: text(1000).nullish(),
    run_attempt: z.number().int().min(1).max(1000).nullish(),
    event: text(100).nullish(),
    status: text(100).nullish(),
    conclusion: text(100).nullish(),
    head_sha: sha,
    head_branch: text(300).nullish(),
    created_at: isoDate,
    run_started_at: isoDate.nullish(),
    updated_at: isoDate,
    html_url: text(2000).nullish(),
  }),
  workflow: z.object({ name: text(500).nullish() }).nullish(),
  repository,
});

const app = z
  .object({ slug: text(200).nullish(), name: text(200).nullish() })
  .nullish();

export const checkSuiteEvent = z.object({
  action: z.string().max(100),
  check_suite: z.object({
    id: z.number().int().positive(),
    app,
    status: text(100).nullish(),
    conclusion: text(100).nullish(),
    head_sha: sha,
    head_branch: text(300).nullish(),
    created_at: isoDate,
    updated_at: isoDate,
  }),
  repository,
});

export const checkRunEvent = z.object({
  action: z.string().max(100),
  check_run: z.object({
    id: z.number().int().positive(),
    name: text(500),
    app,
    status: text(100).nullish(),
    conclusion: text(100).nullish(),
    head_sha: sha,
    started_at: isoDate.nullish(),
    completed_at: isoDate.nullish(),
    html_url: text(2000).nullish(),
    check_suite: z.object({ head_branch: text(300).nullish() }).nullish(),
  }),
  repository,
});
