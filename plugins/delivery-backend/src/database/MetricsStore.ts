/** Which deployments, PRs, runs and incidents a metric covers. */
export type MetricsFilter = {
  from: Date;
  to: Date;
  /** Service entity refs; undefined for the whole organisation. */
  services?: string[];
};

/** Durations in seconds (or sizes in lines), summarised. */
export type Summary = {
  count: number;
  p50?: number;
  p90?: number;
  approximate?: boolean;
};

export type ServiceDeploymentCounts = {
  serviceRef: string;
  /** Finished production deployments (succeeded, failed, rolled back). */
  finished: number;
  /** Of those, the ones that went live (succeeded or later rolled back). */
  live: number;
  /** Distinct failed changes: failed, rolled back, or linked to one or more incidents. */
  failed: number;
  /** Unplanned: fixes and rollbacks. */
  rework: number;
  selfService: number;
};

export interface MetricsStore {
  deploymentCounts(filter: MetricsFilter): Promise<ServiceDeploymentCounts[]>;
  leadTime(filter: MetricsFilter): Promise<Summary>;
  timeToRestore(filter: MetricsFilter): Promise<Summary>;
  pullRequests(filter: MetricsFilter): Promise<{
    timeToFirstReview: Summary;
    timeToApproval: Summary;
    timeToMerge: Summary;
    inReview: Summary;
    sizeLines: Summary;
  }>;
  testRuns(
    filter: MetricsFilter,
  ): Promise<{ runs: number; flakyRuns: number; duration: Summary }>;
  /** Completed CI runs (workflow runs, check suites of other CI) finished in the window. */
  ciRuns(
    filter: MetricsFilter,
  ): Promise<{ runs: number; failed: number; duration: Summary }>;
  /** Whether a production environment of the service has two or more succeeded versions. */
  hasEarlierProductionVersion(serviceRef: string): Promise<boolean>;
  /** Which of these services have any delivery data at all (deploys, PRs, test runs, incidents). */
  servicesWithData(serviceRefs: string[]): Promise<Set<string>>;
  /** Whether the service has any production deployment recorded, ever. */
  hasProductionDeployments(serviceRef: string): Promise<boolean>;
  deployWaits(filter: MetricsFilter): Promise<{
    mergeToDeploy: Summary;
    approval: Summary;
    queue: Summary;
    deploying: Summary;
  }>;
}
