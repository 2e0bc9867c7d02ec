import { MetricsScope } from './metrics';
import { TimeseriesBucket } from './schema/views';
import { Deployment } from './types';

/** One bucket (UTC day, or week from Monday) of GET /metrics/timeseries. */
export type TimeseriesPoint = {
  /** The bucket's first instant and the next bucket's (UTC). */
  start: string;
  end: string;
  /** Production deployments that went live (succeeded, or later rolled back). */
  deployments: number;
  /** Finished production deployments (the denominator of the rates). */
  finished: number;
  failedDeployments: number;
  changeFailureRate?: number;
  reworkRate?: number;
  /**
   * Median lead time of the production deployments that finished in the bucket, from the
   * stored log-scale histogram (within about 4.4%): the rollups keep buckets, not values.
   */
  leadTimeP50Hours?: number;
  leadTimes: number;
  /** Median time to restore of the incidents resolved in the bucket. */
  timeToRestoreP50Hours?: number;
  incidentsResolved: number;
};

/** GET /metrics/timeseries */
export type TimeseriesResponse = {
  scope: MetricsScope;
  bucket: TimeseriesBucket;
  /** The window snapped outwards to whole buckets. */
  window: { from: string; to: string };
  points: TimeseriesPoint[];
};

export type EnvironmentTierId = 'production' | 'staging' | 'development';

/** One environment on a service's deploy path, as GET /environments reports it. */
export type ServiceEnvironment = {
  name: string;
  /** Absent when the deploy path names an environment delivery has no configuration for. */
  tier?: EnvironmentTierId;
  configured: boolean;
  /** The deployment live now (the latest that succeeded). */
  current?: Deployment;
  /** A deploy awaiting approval, queued or running (at most one per environment). */
  active?: Deployment;
  /** The freeze window in force now, if any: deploys need an override and a reason. */
  freeze?: { window: string; description: string };
};

/** GET /environments?service= */
export type ServiceEnvironmentsResponse = {
  service: string;
  owner?: string;
  /** The service's `runway.dev/deploy-path`, or every configured environment without one. */
  deployPath: string[];
  pathFromAnnotation: boolean;
  environments: ServiceEnvironment[];
  /** Members of this group may override freeze windows (with a reason). */
  platformTeam?: string;
};

/** A version seen in the service's deployments (Runway's and those CI/CD reported). */
export type KnownVersion = {
  version: string;
  commitSha?: string;
  /** When a deployment of it last finished (or was requested, if none finished). */
  lastSeenAt: string;
  /** Environments where it went live. */
  liveIn: string[];
};

/** GET /versions?service=&limit= */
export type KnownVersionsResponse = { versions: KnownVersion[] };
