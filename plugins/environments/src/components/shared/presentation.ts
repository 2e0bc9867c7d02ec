import {
  ENDED_ENVIRONMENT_STATUSES,
  EnvironmentStatus,
  ResourceStatus,
} from '@internal/plugin-environments-common';

export const STATUS_LABEL: Record<EnvironmentStatus, string> = {
  requested: 'Requested',
  'awaiting-approval': 'Awaiting approval',
  provisioning: 'Provisioning',
  ready: 'Ready',
  failed: 'Failed',
  'tearing-down': 'Tearing down',
  'torn-down': 'Torn down',
  rejected: 'Rejected',
};

export const RESOURCE_STATUS_LABEL: Record<ResourceStatus, string> = {
  pending: 'Pending',
  provisioning: 'Provisioning',
  ready: 'Ready',
  failed: 'Failed',
  'tearing-down': 'Tearing down',
  'torn-down': 'Torn down',
};

/** How a status looks: one colour family per kind of state. */
export type Tone = 'success' | 'progress' | 'waiting' | 'danger' | 'ended';

export const STATUS_TONE: Record<EnvironmentStatus | ResourceStatus, Tone> = {
  pending: 'waiting',
  requested: 'progress',
  'awaiting-approval': 'waiting',
  provisioning: 'progress',
  ready: 'success',
  failed: 'danger',
  'tearing-down': 'progress',
  'torn-down': 'ended',
  rejected: 'ended',
};

/** Statuses in which the backend is working on the environment right now. */
export const IN_PROGRESS_STATUSES: readonly EnvironmentStatus[] = [
  'requested',
  'provisioning',
  'tearing-down',
];

/** Everything that is not over: what lists show unless asked for all. */
export const CURRENT_STATUSES: EnvironmentStatus[] = [
  'requested',
  'awaiting-approval',
  'provisioning',
  'ready',
  'failed',
  'tearing-down',
];

/** Statuses whose expiry the backend will still push out. */
export const EXTENDABLE_STATUSES: readonly EnvironmentStatus[] = [
  'requested',
  'awaiting-approval',
  'provisioning',
  'ready',
];

/** Statuses an owner can tear down from (awaiting approval: withdraws the request). */
export const TEARDOWN_STATUSES: readonly EnvironmentStatus[] = [
  'awaiting-approval',
  'ready',
  'failed',
];

export function isEnded(status: EnvironmentStatus): boolean {
  return ENDED_ENVIRONMENT_STATUSES.includes(status);
}
