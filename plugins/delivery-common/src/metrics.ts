import { TierId } from './dora';

/** A distribution of durations in hours; `approximate` when read from histogram buckets. */
export type Distribution = {
  count: number;
  p50Hours?: number;
  p90Hours?: number;
  approximate?: boolean;
};

export const FLOW_STAGES = [
  'review-wait',
  'in-review',
  'ci-tests',
  'merge-to-deploy',
  'deploy-approval',
  'deploy-queue',
  'deploying',
] as const;
export type FlowStageId = (typeof FLOW_STAGES)[number];

export type MetricsScope =
  | { type: 'service'; ref: string }
  | { type: 'team'; ref: string; services: number }
  | { type: 'organisation'; services?: number };

/** GET /metrics */
export type MetricsResponse = {
  scope: MetricsScope;
  window: { from: string; to: string; days: number };
  tiers: { reportYear: number };
  dora: {
    deploymentFrequency: {
      /** Production deployments that went live, per day over the window. */
      perDay: number;
      deployments: number;
      /** Median over the scope's services of each one's deployments per day (team, organisation). */
      perServiceMedianPerDay?: number;
      tier?: TierId;
    };
    leadTime: Distribution & { tier?: TierId };
    changeFailureRate: {
      rate?: number;
      failedDeployments: number;
      deployments: number;
      tier?: TierId;
    };
    timeToRestore: Distribution & { tier?: TierId };
    reworkRate: {
      rate?: number;
      reworkDeployments: number;
      deployments: number;
      tier?: TierId;
    };
    /** Share of production deployments the owning team started itself (0..1). */
    selfServiceShare?: number;
  };
  flow: {
    timeToFirstReview: Distribution;
    timeToMerge: Distribution;
    timeToApproval: Distribution;
    prSize: { count: number; p50Lines?: number; p90Lines?: number };
    testRuns: Distribution & {
      runs: number;
      flakyRuns: number;
      flakyRate?: number;
      p50Seconds?: number;
      p90Seconds?: number;
    };
    deployApprovalWait: Distribution;
    deployQueueWait: Distribution;
    /** Completed CI runs (GitHub workflow runs, check suites of other CI). */
    ciRuns: Distribution & { runs: number; failedRuns: number };
  };
  /** Median wait per stage of a change's way to production, in flow order. */
  stages: FlowStage[];
  /** The fewest measurements a stage needs to be compared (delivery.stages.minimumSample). */
  minimumSample: number;
  /**
   * The stage where changes wait longest (largest median) among the stages with enough data:
   * the binding constraint. Absent when fewer than two stages have enough data to compare.
   */
  constraint?: { stage: FlowStageId; p50Hours: number; comparedStages: number };
  /** Why there is no constraint, said plainly, when there is none. */
  noConstraint?: string;
};

export type FlowStage = {
  stage: FlowStageId;
  /** Measurements in the window. */
  count: number;
  /** The median, only when `count` reaches the minimum sample. */
  p50Hours?: number;
  enoughData: boolean;
  /** What the stage is measured from, e.g. "pull requests opened in the window". */
  measuredFrom: string;
  /** How to feed it, when it lacks data. */
  howToFeed: string;
};

/** POST /metrics/services: the figures readiness turns into facts, per service (absent = no data). */
export type ServiceDeliveryFacts = {
  /** Production deployments that went live, per week over the window (0 when none). */
  deploysPerWeek?: number;
  selfServiceShare?: number;
  leadTimeHoursP50?: number;
  timeToRestoreHoursP50?: number;
  /** A production environment has an earlier successful version to roll back to. */
  rollbackAvailable?: boolean;
  testDurationP50Seconds?: number;
  testDurationP90Seconds?: number;
  testFlakyRate?: number;
  reviewWaitHoursP50?: number;
};

export type ServiceFactsResponse = {
  window: { from: string; to: string };
  services: Record<string, ServiceDeliveryFacts>;
};

export const MAX_SERVICES_PER_FACTS_REQUEST = 1000;
