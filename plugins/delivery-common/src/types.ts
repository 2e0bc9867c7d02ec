import { ChangeType, DeploymentStatus } from './schema/ingest';

/** A deployment: one started through Runway (`source: runway`) or reported by external CI/CD. */
export type Deployment = {
  id: string;
  service: string;
  environment: string;
  production: boolean;
  version: string;
  status: DeploymentStatus;
  changeType: ChangeType;
  source: 'runway' | 'external';
  driver?: string;
  triggeredBy?: string;
  selfService: boolean;
  commitSha?: string;
  /** For a rollback: the deployment it rolled back. */
  rollbackOf?: string;
  /** For a promotion: the deployment in the previous environment whose version it promotes. */
  promotedFrom?: string;
  requestedAt: string;
  queuedAt?: string;
  startedAt?: string;
  finishedAt?: string;
  approval?: { reason: string; approvedBy?: string; approvedAt?: string };
  freezeOverride?: { window: string; reason: string };
  leadTimeSeconds?: number;
  causedIncident: boolean;
  /**
   * Why a finished production deployment counts as a failed change in the change failure
   * rate: it failed, it was rolled back, or incidents are tied to it. Absent when it does not
   * count as failed (or is not production).
   */
  failedChange?: {
    reasons: Array<'failed' | 'rolled-back' | 'incident'>;
    incidents: DeploymentIncident[];
  };
  message?: string;
};

/** An incident tied to a deployment, and how it was tied. */
export type DeploymentIncident = {
  id: string;
  title?: string;
  url?: string;
  /** pagerduty, opsgenie, alertmanager, api, ... */
  source?: string;
  openedAt: string;
  /** `reported`: the sender named the deployment; `live-at-open`: it was live when the incident opened. */
  link: 'reported' | 'live-at-open';
};

/** A line of a deployment's live log. */
export type DeploymentLogEvent = {
  id: number;
  deploymentId: string;
  at: string;
  status?: DeploymentStatus;
  message: string;
};

export type DeploymentListResponse = { deployments: Deployment[] };
export type DeploymentEventsResponse = { events: DeploymentLogEvent[] };
