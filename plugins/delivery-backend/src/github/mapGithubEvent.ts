import { CHANGE_TYPES, ChangeType } from '@internal/plugin-delivery-common';
import {
  CiRunInput,
  DeploymentInput,
  PullRequestInput,
  ReviewInput,
} from '../database/IngestStore';
import { checkTime, TimeRange } from '../lib/timeRange';
import { parseInput } from '@internal/backend-common';
import {
  checkRunEvent,
  checkSuiteEvent,
  deploymentEvent,
  deploymentStatusEvent,
  GithubDeploymentPayload,
  GithubPullRequest,
  pullRequestEvent,
  pushEvent,
  reviewEvent,
  workflowRunEvent,
} from './payloads';

export type GithubPullRequestRecord = Omit<PullRequestInput, 'serviceRef'>;

/** A deployment before its service and environment are known (they come from the catalog). */
export type GithubDeploymentRecord = Omit<
  DeploymentInput,
  'serviceRef' | 'environment' | 'production' | 'selfService' | 'pullRequests'
> & {
  /** GitHub's environment name, e.g. `production`, `payments-api/production`. */
  githubEnvironment: string;
  /** `deployment.production_environment`, when GitHub says. */
  productionEnvironment?: boolean;
  /** `deployment.payload.service`: which component of a monorepo it deploys. */
  service?: string;
};

export type GithubCommit = { sha: string; at?: Date; files: string[] };

/** One delivery, reduced to what delivery stores; `hint` picks the component of a monorepo. */
export type GithubRecord =
  | { kind: 'pull_request'; value: GithubPullRequestRecord; labels: string[] }
  | {
      kind: 'review';
      value: ReviewInput;
      pullRequest: GithubPullRequestRecord;
      labels: string[];
    }
  | { kind: 'deployment'; value: GithubDeploymentRecord }
  | {
      kind: 'push';
      value: {
        repository: string;
        ref: string;
        before: string;
        after: string;
        forced: boolean;
        pushedAt?: Date;
        commits: GithubCommit[];
      };
    }
  | {
      kind: 'ci_run';
      value: Omit<CiRunInput, 'serviceRef'>;
      /** The workflow file (`.github/workflows/ci.yml`) or check name. */
      workflow?: string;
    };

export type GithubEvent =
  | { repository: string; record: GithubRecord }
  | { ignored: string };

const ignored = (reason: string): GithubEvent => ({ ignored: reason });

/** A payload time as a Date, within the accepted range, or a 400 naming the payload's field. */
type At = (value: string, field: string) => Date;

/** Which pull_request actions change what delivery measures. */
const PR_ACTIONS = new Set([
  'opened',
  'reopened',
  'closed',
  'edited',
  'synchronize',
  'ready_for_review',
  'converted_to_draft',
  'labeled',
  'unlabeled',
]);

/**
 * GitHub's `deployment_status` states to deploy states (docs.github.com: error, failure,
 * inactive, in_progress, queued, pending, success; `waiting` while an environment's
 * protection rule holds it). `inactive` only says a later deployment replaced this one.
 */
const DEPLOYMENT_STATES: Record<
  string,
  DeploymentInput['status'] | 'inactive'
> = {
  queued: 'queued',
  pending: 'queued',
  waiting: 'queued',
  in_progress: 'running',
  success: 'succeeded',
  failure: 'failed',
  error: 'failed',
  inactive: 'inactive',
};

/**
 * Maps a GitHub webhook delivery (X-GitHub-Event and its JSON payload) to a delivery
 * record, or says why it carries nothing delivery measures. A payload missing a field
 * delivery reads is a 400 naming the field.
 */
export function mapGithubEvent(
  name: string,
  payload: unknown,
  range: TimeRange,
): GithubEvent {
  const at: At = (value, field) => checkTime(new Date(value), field, range);
  switch (name) {
    case 'pull_request':
      return pullRequestOf(payload, at);
    case 'pull_request_review':
      return reviewOf(payload, at);
    case 'deployment': {
      const e = parseInput(deploymentEvent, payload, 'deployment payload');
      return {
        repository: e.repository.full_name,
        record: {
          kind: 'deployment',
          value: deploymentOf(e.deployment, 'queued', undefined, at),
        },
      };
    }
    case 'deployment_status':
      return deploymentStatusOf(payload, at);
    case 'push':
      return pushOf(payload, range);
    case 'workflow_run':
      return workflowRunOf(payload, at);
    case 'check_suite':
      return checkSuiteOf(payload, at);
    case 'check_run':
      return checkRunOf(payload, at);
    case 'ping':
      return ignored('ping');
    default:
      return ignored(
        `${
          name.slice(0, 100) || 'an event without X-GitHub-Event'
        }: not an event delivery reads`,
      );
  }
}

function pullRequestOf(payload: unknown, at: At): GithubEvent {
  const e = parseInput(pullRequestEvent, payload, 'pull_request payload');
  if (!PR_ACTIONS.has(e.action))
    return ignored(`pull_request ${e.action.slice(0, 100)}`);
  const repository = e.repository.full_name;
  return {
    repository,
    record: {
      kind: 'pull_request',
      value: pullRequestRecord(repository, e.pull_request, e.action, at),
      labels: labelsOf(e.pull_request),
    },
  };
}

function reviewOf(payload: unknown, at: At): GithubEvent {
  const e = parseInput(reviewEvent, payload, 'pull_request_review payload');
  const state =
    e.action === 'dismissed'
      ? 'dismissed'
      : e.review.state.toLocaleLowerCase('en-US');
  if (e.action !== 'submitted' && e.action !== 'dismissed')
    return ignored(`pull_request_review ${e.action.slice(0, 100)}`);
  if (!e.review.submitted_at)
    return ignored('pull_request_review of a pending review (not submitted)');
  const repository = e.repository.full_name;
  return {
    repository,
    record: {
      kind: 'review',
      value: {
        repository,
        number: e.pull_request.number,
        reviewId: String(e.review.id),
        reviewer: e.review.user?.login,
        state: ['approved', 'changes_requested', 'dismissed'].includes(state)
          ? state
          : 'commented',
        submittedAt: at(e.review.submitted_at, 'review.submitted_at'),
      },
      // A review's pull request is a snapshot without its size: only its identity and times.
      pullRequest: pullRequestRecord(repository, e.pull_request, undefined, at),
      labels: labelsOf(e.pull_request),
    },
  };
}

function deploymentStatusOf(payload: unknown, at: At): GithubEvent {
  const e = parseInput(
    deploymentStatusEvent,
    payload,
    'deployment_status payload',
  );
  const state = e.deployment_status.state.toLocaleLowerCase('en-US');
  const status = DEPLOYMENT_STATES[state];
  if (!status)
    return ignored(
      `deployment_status ${state.slice(0, 100)}: not a known state`,
    );
  if (status === 'inactive')
    return ignored(
      'deployment_status inactive: a later deployment replaced it',
    );
  return {
    repository: e.repository.full_name,
    record: {
      kind: 'deployment',
      value: deploymentOf(
        e.deployment,
        status,
        at(e.deployment_status.created_at, 'deployment_status.created_at'),
        at,
      ),
    },
  };
}

function deploymentOf(
  d: GithubDeploymentPayload,
  status: DeploymentInput['status'],
  statusAt: Date | undefined,
  at: At,
): GithubDeploymentRecord {
  const payload = typeof d.payload === 'object' && d.payload ? d.payload : {};
  const text = (key: string) => {
    const v = payload[key];
    return typeof v === 'string' && v.length > 0 && v.length <= 200
      ? v
      : undefined;
  };
  const changeType = text('changeType');
  const terminal = ['succeeded', 'failed'].includes(status);
  return {
    id: `github-deployment-${d.id}`,
    githubEnvironment: d.environment,
    productionEnvironment: d.production_environment ?? undefined,
    service: text('service'),
    // A version the workflow names, else a release-like ref, else the commit.
    version:
      text('version') ??
      (/^v?\d+(\.\d+)+([-+][\w.-]+)?$/.test(d.ref)
        ? d.ref
        : d.sha.slice(0, 12)),
    status,
    changeType: CHANGE_TYPES.includes(changeType as ChangeType)
      ? (changeType as ChangeType)
      : 'planned',
    commitSha: d.sha,
    triggeredBy: d.creator?.login ? `github:${d.creator.login}` : undefined,
    queuedAt: at(d.created_at, 'deployment.created_at'),
    startedAt: status === 'running' ? statusAt : undefined,
    finishedAt: terminal ? statusAt : undefined,
  };
}

function pushOf(payload: unknown, range: TimeRange): GithubEvent {
  const e = parseInput(pushEvent, payload, 'push payload');
  if (e.deleted) return ignored('push deleting a branch or tag');
  if (!e.ref.startsWith('refs/heads/'))
    return ignored(`push of ${e.ref.slice(0, 100)}: not a branch`);
  // Commit times are the committer's clock (a rebase can keep a years-old one): a time outside
  // the accepted range is not a refusal, it only does not count.
  const commits = e.commits
    .filter(c => c.distinct !== false)
    .map(c => {
      const time = new Date(c.timestamp);
      return {
        sha: c.id,
        at: time >= range.earliest && time <= range.latest ? time : undefined,
        files: [
          ...(c.added ?? []),
          ...(c.modified ?? []),
          ...(c.removed ?? []),
        ],
      };
    });
  if (commits.length === 0) return ignored('push without new commits');
  const pushed = e.repository.pushed_at;
  return {
    repository: e.repository.full_name,
    record: {
      kind: 'push',
      value: {
        repository: e.repository.full_name,
        ref: e.ref,
        before: e.before,
        after: e.after,
        forced: Boolean(e.forced),
        // GitHub sends pushed_at as epoch seconds in push payloads.
        pushedAt: pushedAtOf(pushed),
        commits,
      },
    },
  };
}

function workflowRunOf(payload: unknown, at: At): GithubEvent {
  const e = parseInput(workflowRunEvent, payload, 'workflow_run payload');
  const r = e.workflow_run;
  const completed = r.status === 'completed';
  const startedAt = r.run_started_at
    ? at(r.run_started_at, 'workflow_run.run_started_at')
    : at(r.created_at, 'workflow_run.created_at');
  return {
    repository: e.repository.full_name,
    record: {
      kind: 'ci_run',
      value: {
        id: `github-workflow-run-${r.id}-${r.run_attempt ?? 1}`,
        kind: 'workflow_run',
        provider: 'github-actions',
        name: e.workflow?.name || r.name || r.path || 'workflow',
        headSha: r.head_sha,
        headBranch: r.head_branch ?? undefined,
        trigger: r.event ?? undefined,
        status: completed ? 'completed' : 'running',
        conclusion: completed ? r.conclusion ?? undefined : undefined,
        startedAt,
        finishedAt: completed
          ? at(r.updated_at, 'workflow_run.updated_at')
          : undefined,
        url: r.html_url ?? undefined,
      },
      workflow: r.path ?? undefined,
    },
  };
}

function checkSuiteOf(payload: unknown, at: At): GithubEvent {
  const e = parseInput(checkSuiteEvent, payload, 'check_suite payload');
  const s = e.check_suite;
  // GitHub Actions' suites are its workflow runs, which workflow_run reports.
  if (s.app?.slug === 'github-actions')
    return ignored('check_suite of GitHub Actions (its workflow_run is read)');
  if (e.action !== 'completed')
    return ignored(`check_suite ${e.action.slice(0, 100)}`);
  return {
    repository: e.repository.full_name,
    record: {
      kind: 'ci_run',
      value: {
        id: `github-check-suite-${s.id}`,
        kind: 'check_suite',
        provider: s.app?.slug ?? 'github-checks',
        name: s.app?.name ?? s.app?.slug ?? 'check suite',
        headSha: s.head_sha,
        headBranch: s.head_branch ?? undefined,
        status: 'completed',
        conclusion: s.conclusion ?? undefined,
        startedAt: at(s.created_at, 'check_suite.created_at'),
        finishedAt: at(s.updated_at, 'check_suite.updated_at'),
      },
    },
  };
}

function checkRunOf(payload: unknown, at: At): GithubEvent {
  const e = parseInput(checkRunEvent, payload, 'check_run payload');
  const c = e.check_run;
  if (c.app?.slug === 'github-actions')
    return ignored('check_run of GitHub Actions (its workflow_run is read)');
  if (e.action !== 'completed' || !c.completed_at)
    return ignored(`check_run ${e.action.slice(0, 100)}`);
  return {
    repository: e.repository.full_name,
    record: {
      kind: 'ci_run',
      value: {
        id: `github-check-run-${c.id}`,
        kind: 'check_run',
        provider: c.app?.slug ?? 'github-checks',
        name: c.name,
        headSha: c.head_sha,
        headBranch: c.check_suite?.head_branch ?? undefined,
        status: 'completed',
        conclusion: c.conclusion ?? undefined,
        startedAt: c.started_at
          ? at(c.started_at, 'check_run.started_at')
          : undefined,
        finishedAt: at(c.completed_at, 'check_run.completed_at'),
        url: c.html_url ?? undefined,
      },
      workflow: c.name,
    },
  };
}

/**
 * GitHub's pull request object is its whole state at the event: a null `closed_at` means open
 * (a reopened PR), so nulls are carried as such; `updated_at` orders late deliveries.
 */
function pullRequestRecord(
  repository: string,
  p: GithubPullRequest,
  action: string | undefined,
  at: At,
): GithubPullRequestRecord {
  const merged = Boolean(p.merged ?? p.merged_at);
  const updatedAt = p.updated_at
    ? at(p.updated_at, 'pull_request.updated_at')
    : undefined;
  const openedAt = at(p.created_at, 'pull_request.created_at');
  const draft = p.draft ?? undefined;
  return {
    repository,
    number: p.number,
    title: p.title ?? undefined,
    author: p.user?.login,
    openedAt,
    readyAt: readyAtOf(action, draft, openedAt, updatedAt),
    draft,
    ...(action
      ? {
          stateAt: updatedAt,
          mergedAt:
            merged && p.merged_at
              ? at(p.merged_at, 'pull_request.merged_at')
              : null,
          closedAt: p.closed_at
            ? at(p.closed_at, 'pull_request.closed_at')
            : null,
        }
      : {}),
    additions: p.additions ?? undefined,
    deletions: p.deletions ?? undefined,
    changedFiles: p.changed_files ?? undefined,
    headSha: p.head?.sha,
    // Before the merge GitHub's merge_commit_sha is a test merge: only a merged PR's counts.
    mergeCommitSha: merged ? p.merge_commit_sha ?? undefined : undefined,
  };
}

/** When it became ready for review: opened as ready, or marked ready (the first time). */
function readyAtOf(
  action: string | undefined,
  draft: boolean | undefined,
  openedAt: Date,
  updatedAt: Date | undefined,
): Date | undefined {
  if (action === 'opened' && draft !== true) return openedAt;
  if (action === 'ready_for_review') return updatedAt;
  return undefined;
}

function pushedAtOf(value: number | string | null | undefined) {
  if (typeof value === 'number') return new Date(value * 1000);
  return value ? new Date(value) : undefined;
}

function labelsOf(p: GithubPullRequest): string[] {
  return (p.labels ?? []).map(l => l.name);
}
