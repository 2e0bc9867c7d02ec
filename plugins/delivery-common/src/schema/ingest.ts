import { z } from 'zod';
import { commitShaSchema } from './git';

export const MAX_EVENTS_PER_BATCH = 5000;
const MAX_RUN_SECONDS = 7 * 86_400;
const MAX_TESTS = 10_000_000;
const MAX_LINES = 100_000_000;

const isoDate = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(200);
/** `component:default/payments-api`, or `payments-api` for a Component in the default namespace. */
const serviceRef = z.string().min(1).max(300);
/**
 * A delivery id: the sender's id of this event (GitHub's X-GitHub-Delivery, a CI run id). An
 * event whose delivery id was stored before is skipped, so a replayed batch is stored once.
 */
const deliveryId = id.optional();

export const DEPLOYMENT_STATUSES = [
  'awaiting-approval',
  'queued',
  'running',
  'succeeded',
  'failed',
  'rolled-back',
] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/**
 * `planned`: a normal change. `fix`: an unplanned deploy to repair production (hotfix).
 * `rollback`: back to an earlier version. Fixes and rollbacks are deployment rework.
 */
export const CHANGE_TYPES = ['planned', 'fix', 'rollback'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

const pullRequestLink = z.strictObject({
  repository: z.string().min(1),
  number: z.number().int().positive(),
});

/** A deployment done by external CI/CD (or a status change of one). */
export const deploymentEventSchema = z.strictObject({
  type: z.literal('deployment'),
  deliveryId,
  /** The sender's deployment id: events with the same id update one deployment. */
  id,
  service: serviceRef,
  environment: z.string().min(1).max(100),
  /** Whether the environment is production; defaults to the configured environment's tier. */
  production: z.boolean().optional(),
  version: z.string().min(1).max(200),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'rolled-back']),
  changeType: z.enum(CHANGE_TYPES).optional(),
  queuedAt: isoDate.optional(),
  startedAt: isoDate.optional(),
  /** When it ended; defaults to when a terminal status is received. */
  finishedAt: isoDate.optional(),
  commitSha: commitShaSchema.optional(),
  /** When the first commit of the change was made (the start of its lead time). */
  firstCommitAt: isoDate.optional(),
  /** Pull requests the deployment ships: their open and first-commit times start the lead time. */
  pullRequests: z.array(pullRequestLink).max(100).optional(),
  triggeredBy: z.string().min(1).max(300).optional(),
  /** Started by the owning team's own pipeline or people (default true) rather than by a ticket. */
  selfService: z.boolean().optional(),
});

/** A pull request's state, as a batch event (the GitHub webhook maps to the same record). */
export const pullRequestEventSchema = z.strictObject({
  type: z.literal('pull_request'),
  deliveryId,
  service: serviceRef,
  repository: z.string().min(1).max(300),
  number: z.number().int().positive(),
  action: z.enum(['opened', 'closed', 'merged', 'updated']),
  title: z.string().max(1000).optional(),
  author: z.string().max(300).optional(),
  openedAt: isoDate,
  firstCommitAt: isoDate.optional(),
  mergedAt: isoDate.optional(),
  closedAt: isoDate.optional(),
  additions: z.number().int().min(0).max(MAX_LINES).optional(),
  deletions: z.number().int().min(0).max(MAX_LINES).optional(),
  changedFiles: z.number().int().min(0).max(MAX_LINES).optional(),
  mergeCommitSha: z.string().min(1).max(100).optional(),
});

export const REVIEW_STATES = [
  'approved',
  'changes_requested',
  'commented',
  'dismissed',
] as const;

export const reviewEventSchema = z.strictObject({
  type: z.literal('review'),
  deliveryId,
  service: serviceRef,
  repository: z.string().min(1).max(300),
  number: z.number().int().positive(),
  reviewId: id,
  reviewer: z.string().max(300).optional(),
  state: z.enum(REVIEW_STATES),
  submittedAt: isoDate,
});

/** A CI test run's summary (JUnit XML goes to POST /test-runs/junit instead). */
export const testRunEventSchema = z.strictObject({
  type: z.literal('test_run'),
  deliveryId,
  id,
  service: serviceRef,
  startedAt: isoDate.optional(),
  finishedAt: isoDate,
  /** At most 7 days: a longer run is a unit mistake. */
  durationSeconds: z.number().min(0).max(MAX_RUN_SECONDS),
  tests: z.number().int().min(0).max(MAX_TESTS),
  failures: z.number().int().min(0).max(MAX_TESTS),
  skipped: z.number().int().min(0).max(MAX_TESTS).optional(),
  /** Tests that failed and then passed on a retry within the run. */
  flakyTests: z.number().int().min(0).max(MAX_TESTS).optional(),
});

export const incidentEventSchema = z.strictObject({
  type: z.literal('incident'),
  deliveryId,
  id,
  service: serviceRef,
  status: z.enum(['opened', 'resolved']),
  title: z.string().max(1000).optional(),
  openedAt: isoDate,
  resolvedAt: isoDate.optional(),
  /** The deployment that caused it: that deployment counts as a failed change. */
  causedByDeploymentId: id.optional(),
});

export const deliveryEventSchema = z.discriminatedUnion('type', [
  deploymentEventSchema,
  pullRequestEventSchema,
  reviewEventSchema,
  testRunEventSchema,
  incidentEventSchema,
]);

/** POST /events: a batch of delivery events. */
export const ingestRequestSchema = z.strictObject({
  events: z.array(deliveryEventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});

export type DeploymentEvent = z.infer<typeof deploymentEventSchema>;
export type PullRequestEvent = z.infer<typeof pullRequestEventSchema>;
export type ReviewEvent = z.infer<typeof reviewEventSchema>;
export type TestRunEvent = z.infer<typeof testRunEventSchema>;
export type IncidentEvent = z.infer<typeof incidentEventSchema>;
export type DeliveryEvent = z.infer<typeof deliveryEventSchema>;
export type IngestRequest = z.infer<typeof ingestRequestSchema>;

/** What an ingest answers: how many events were new and how many were replays. */
export type IngestResponse = { accepted: number; duplicates: number };
