import {
  FlowStage,
  FlowStageId,
  MetricsResponse,
} from '@internal/plugin-delivery-common';
import { Summary } from '../database/MetricsStore';
import { HOUR } from '../lib/time';

type Inputs = {
  prs: { timeToFirstReview: Summary; inReview: Summary };
  tests: { duration: Summary };
  ci: { duration: Summary };
  waits: {
    mergeToDeploy: Summary;
    approval: Summary;
    queue: Summary;
    deploying: Summary;
  };
};

/** What each stage is measured from, and how a team feeds it (docs/delivery.md). */
const STAGES: Array<{
  stage: FlowStageId;
  summary: (i: Inputs) => Summary;
  measuredFrom: string;
  howToFeed: string;
}> = [
  {
    stage: 'review-wait',
    summary: i => i.prs.timeToFirstReview,
    measuredFrom:
      'pull requests opened in the window: ready for review to first review',
    howToFeed:
      'GitHub pull_request and pull_request_review webhooks, or pull_request and review events',
  },
  {
    stage: 'in-review',
    summary: i => i.prs.inReview,
    measuredFrom: 'pull requests merged in the window: first review to merge',
    howToFeed:
      'GitHub pull_request and pull_request_review webhooks, or pull_request and review events',
  },
  {
    stage: 'ci-tests',
    summary: i => i.tests.duration,
    measuredFrom: 'test runs finished in the window: their duration',
    howToFeed:
      'GitHub workflow_run or check_suite webhooks, JUnit reports, or test_run events',
  },
  {
    stage: 'merge-to-deploy',
    summary: i => i.waits.mergeToDeploy,
    measuredFrom:
      'production deployments finished in the window: merge of the pull requests they ship to deploy request',
    howToFeed:
      'production deployments that name their pull requests or deploy a merge commit (GitHub deployment webhooks, or deployment events with pullRequests)',
  },
  {
    stage: 'deploy-approval',
    summary: i => i.waits.approval,
    measuredFrom:
      'production deployments held for approval: request to approval',
    howToFeed: 'production deploys through Runway that a gate holds',
  },
  {
    stage: 'deploy-queue',
    summary: i => i.waits.queue,
    measuredFrom: 'production deployments: queued to started',
    howToFeed:
      'deploys through Runway, GitHub deployments with an in_progress status, or deployment events with queuedAt and startedAt',
  },
  {
    stage: 'deploying',
    summary: i => i.waits.deploying,
    measuredFrom: 'production deployments: started to finished',
    howToFeed:
      'deploys through Runway, GitHub deployment_status webhooks that include in_progress, or deployment events with startedAt',
  },
];

/**
 * The stages of a change's way to production with their median waits, and the binding
 * constraint: the stage with the largest median among those with at least `minimumSample`
 * measurements, named only when two or more stages can be compared. CI runs (workflow runs,
 * check suites) measure the CI stage when there are enough of them, else test runs do.
 */
export function flowStages(
  inputs: Inputs,
  minimumSample: number,
): Pick<
  MetricsResponse,
  'stages' | 'constraint' | 'noConstraint' | 'minimumSample'
> {
  const stages: FlowStage[] = STAGES.map(def => {
    let summary = def.summary(inputs);
    let measuredFrom = def.measuredFrom;
    if (def.stage === 'ci-tests' && inputs.ci.duration.count >= minimumSample) {
      summary = inputs.ci.duration;
      measuredFrom =
        'CI runs finished in the window (workflow runs, check suites): their duration';
    }
    const enoughData =
      summary.count >= minimumSample && summary.p50 !== undefined;
    return {
      stage: def.stage,
      count: summary.count,
      p50Hours: enoughData ? summary.p50! / HOUR : undefined,
      enoughData,
      measuredFrom,
      howToFeed: def.howToFeed,
    };
  });
  const compared = stages.filter(s => s.enoughData);
  if (compared.length < 2)
    return {
      stages,
      minimumSample,
      noConstraint:
        compared.length === 0
          ? `Not enough data: no stage has ${minimumSample} or more measurements in the window`
          : `Not enough data: only one stage (${compared[0].stage}) has ${minimumSample} or more measurements in the window, and a constraint is the slowest of several`,
    };
  const slowest = compared.reduce((a, b) =>
    b.p50Hours! > a.p50Hours! ? b : a,
  );
  return {
    stages,
    minimumSample,
    constraint: {
      stage: slowest.stage,
      p50Hours: slowest.p50Hours!,
      comparedStages: compared.length,
    },
  };
}
