import {
  ChangeType,
  Deployment,
  DeploymentLogEvent,
  DeploymentStatus,
} from '@internal/plugin-delivery-common';

/** A Runway deploy about to be recorded. */
export type NewDeploy = {
  id: string;
  serviceRef: string;
  environment: string;
  production: boolean;
  version: string;
  status: 'awaiting-approval' | 'queued';
  changeType: ChangeType;
  driver: string;
  triggeredBy: string;
  selfService: boolean;
  commitSha?: string;
  rollbackOf?: string;
  promotedFrom?: string;
  requestKey?: string;
  /** What the request key was first used for: a retry must carry the same request. */
  requestHash?: string;
  approvalReason?: string;
  freezeWindow?: string;
  overrideReason?: string;
};

/** Runway's own deploys: one active per service and environment, their lifecycle and live log. */
export interface DeploymentStore {
  /**
   * Records a deploy holding its service and environment; a retry with the same request key
   * returns the first deploy (ConflictError when the key was used for a different request).
   * Throws ConflictError naming the active deploy when there is one.
   */
  create(deploy: NewDeploy, now: Date): Promise<Deployment>;
  get(id: string): Promise<Deployment | undefined>;
  list(query: {
    serviceRef: string;
    environment?: string;
    limit: number;
  }): Promise<Deployment[]>;
  /** The latest deployment in the environment whose version went live (succeeded). */
  current(
    serviceRef: string,
    environment: string,
  ): Promise<Deployment | undefined>;
  /** The latest succeeded deployment with a version other than `version`. */
  lastSucceededOtherThan(
    serviceRef: string,
    environment: string,
    version: string,
  ): Promise<Deployment | undefined>;
  /** Moves a deploy on only if it is in one of `from`; returns whether it moved. */
  transition(
    id: string,
    from: DeploymentStatus[],
    to: DeploymentStatus,
    now: Date,
    patch?: { approvedBy?: string; message?: string },
  ): Promise<boolean>;
  appendEvent(
    id: string,
    message: string,
    now: Date,
    status?: DeploymentStatus,
  ): Promise<void>;
  events(
    id: string,
    after: number,
    limit: number,
  ): Promise<DeploymentLogEvent[]>;
  /** Queued deploys no worker has started (after a restart), oldest first. */
  queued(olderThan: Date, limit: number): Promise<string[]>;
  /**
   * Running deploys that started before `quietSince` and have logged nothing since, oldest
   * first: those whose driver handed them off (waiting for a callback), or those it did not
   * (their backend stopped inside the driver's `deploy`).
   */
  stalled(
    quietSince: Date,
    limit: number,
    handedOff: boolean,
  ): Promise<Array<Pick<Deployment, 'id' | 'driver' | 'environment'>>>;
  /** Notes that the driver answered pending: a pipeline runs the deploy and calls back. */
  markHandedOff(id: string, now: Date): Promise<void>;
}
