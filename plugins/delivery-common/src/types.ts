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
  message?: string;
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
