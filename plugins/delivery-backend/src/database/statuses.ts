import { DeploymentStatus } from '@internal/plugin-delivery-common';

const RANK: Record<DeploymentStatus, number> = {
  'awaiting-approval': 0,
  queued: 1,
  running: 2,
  succeeded: 3,
  failed: 3,
  'rolled-back': 4,
};

/** How far a deployment got: a later event with a lower rank never moves it back. */
export function statusRank(status: DeploymentStatus): number {
  return RANK[status];
}

/** Statuses of a Runway deploy that still holds its service and environment. */
export const ACTIVE_STATUSES: DeploymentStatus[] = [
  'awaiting-approval',
  'queued',
  'running',
];

/** Statuses whose version went live (a rolled-back one was live until rolled back). */
export const LIVE_STATUSES: DeploymentStatus[] = ['succeeded', 'rolled-back'];

/** Statuses a production deployment counts in change failure rate with. */
export const FAILED_STATUSES: DeploymentStatus[] = ['failed', 'rolled-back'];

export const FINISHED_STATUSES: DeploymentStatus[] = [
  'succeeded',
  'failed',
  'rolled-back',
];
