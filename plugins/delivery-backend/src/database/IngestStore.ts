import { ChangeType, DeploymentStatus } from '@internal/plugin-delivery-common';

/** A deployment reported by CI/CD, normalised (service resolved, production decided). */
export type DeploymentInput = {
  id: string;
  serviceRef: string;
  environment: string;
  production: boolean;
  version: string;
  status: Exclude<DeploymentStatus, 'awaiting-approval'>;
  changeType: ChangeType;
  triggeredBy?: string;
  selfService: boolean;
  commitSha?: string;
  firstCommitAt?: Date;
  pullRequests: Array<{ repository: string; number: number }>;
  queuedAt?: Date;
  startedAt?: Date;
  finishedAt?: Date;
};

export type PullRequestInput = {
  repository: string;
  number: number;
  serviceRef: string;
  title?: string;
  author?: string;
  openedAt: Date;
  firstCommitAt?: Date;
  /** null: known not merged (GitHub's whole state); undefined: unknown, keep what is stored. */
  mergedAt?: Date | null;
  /** null: known open, e.g. reopened; undefined: unknown, keep what is stored. */
  closedAt?: Date | null;
  additions?: number;
  deletions?: number;
  changedFiles?: number;
  mergeCommitSha?: string;
  draft?: boolean;
  /** When it was opened as, or first marked, ready for review. */
  readyAt?: Date;
  /** The time of the state carried (GitHub's updated_at): an older state never undoes a newer. */
  stateAt?: Date;
  headSha?: string;
};

/** New commits pushed to a branch, as far as they touch one service. */
export type PushInput = {
  repository: string;
  serviceRef: string;
  ref: string;
  before: string;
  after: string;
  forced: boolean;
  pushedAt: Date;
  firstCommitAt?: Date;
  commits: number;
};

/** A CI run: a GitHub Actions workflow run, or a check suite or check run of another CI. */
export type CiRunInput = {
  id: string;
  serviceRef: string;
  kind: 'workflow_run' | 'check_suite' | 'check_run';
  provider: string;
  name: string;
  headSha: string;
  headBranch?: string;
  trigger?: string;
  status: 'running' | 'completed';
  conclusion?: string;
  startedAt?: Date;
  finishedAt?: Date;
  url?: string;
};

export type ReviewInput = {
  repository: string;
  number: number;
  reviewId: string;
  reviewer?: string;
  state: string;
  submittedAt: Date;
};

export type TestCaseInput = {
  /** Names of the enclosing testsuite elements, outermost first, joined by " › ". */
  suite: string;
  classname: string;
  name: string;
  outcome: 'passed' | 'failed' | 'skipped' | 'flaky';
  attempts: number;
  durationSeconds: number;
  message?: string;
};

export type TestRunInput = {
  serviceRef: string;
  runId: string;
  source: 'junit' | 'api';
  startedAt?: Date;
  finishedAt: Date;
  durationSeconds: number;
  tests: number;
  failures: number;
  skipped: number;
  flakyTests: number;
  cases?: TestCaseInput[];
  /** SHA-256 of the report or event: the same run id with other content is a conflict. */
  contentHash: string;
};

export type IncidentInput = {
  id: string;
  serviceRef: string;
  /** api, incident-webhook, pagerduty, opsgenie, alertmanager */
  source?: string;
  status: 'opened' | 'resolved';
  title?: string;
  url?: string;
  openedAt: Date;
  resolvedAt?: Date;
  /** Opened again after it was resolved: its resolution no longer holds. */
  reopened?: boolean;
  /** The deployment the sender says caused it; else the one live when it opened counts. */
  causedByDeploymentId?: string;
};

/**
 * `contentHash` identifies what a delivery id carried: the same id again with the same hash is
 * a replay, with another hash a conflict.
 */
export type IngestItem = { deliveryId?: string; contentHash?: string } & (
  | { kind: 'deployment'; value: DeploymentInput }
  | { kind: 'pull_request'; value: PullRequestInput }
  | { kind: 'review'; value: ReviewInput }
  | { kind: 'test_run'; value: TestRunInput }
  | { kind: 'incident'; value: IncidentInput }
  | { kind: 'push'; value: PushInput }
  | { kind: 'ci_run'; value: CiRunInput }
);

/**
 * Stores delivery events: one transaction per batch, each delivery id once. A delivery id or
 * test run id received before with other content is a ConflictError and nothing is stored.
 */
export interface IngestStore {
  ingest(
    items: IngestItem[],
    source: string,
    now: Date,
  ): Promise<{ accepted: number; duplicates: number }>;
}

export const prKey = (repository: string, number: number) =>
  `${repository.toLocaleLowerCase('en-US')}#${number}`;
