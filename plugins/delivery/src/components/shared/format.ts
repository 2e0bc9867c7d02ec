import {
  DeploymentStatus,
  FlowStageId,
  TierId,
} from '@internal/plugin-delivery-common';

/** A duration in hours as a person reads it: minutes under an hour, days above two. */
export function formatHours(hours: number | undefined): string {
  if (hours === undefined) return '—';
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${round(hours)} h`;
  return `${round(hours / 24)} days`;
}

export function formatRate(rate: number | undefined): string {
  return rate === undefined ? '—' : `${round(rate * 100)}%`;
}

/** Deployments per day, or per week / month when that reads better. */
export function formatFrequency(perDay: number): string {
  if (perDay >= 1) return `${round(perDay)} / day`;
  if (perDay * 7 >= 1) return `${round(perDay * 7)} / week`;
  return `${round(perDay * 30)} / month`;
}

function round(n: number): string {
  return n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
}

export const TIER_LABEL: Record<TierId, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** Stage names as "changes wait longest in: …" reads them. */
export const STAGE_LABEL: Record<FlowStageId, string> = {
  'review-wait': 'review',
  'in-review': 'review rounds (first review to merge)',
  'ci-tests': 'CI tests',
  'merge-to-deploy': 'merge to deploy',
  'deploy-approval': 'deploy approval',
  'deploy-queue': 'the deploy queue',
  deploying: 'deploying',
};

export const STATUS_LABEL: Record<DeploymentStatus, string> = {
  'awaiting-approval': 'Waiting for approval',
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  'rolled-back': 'Rolled back',
};

export type Tone = 'success' | 'progress' | 'waiting' | 'danger' | 'ended';

export const STATUS_TONE: Record<DeploymentStatus, Tone> = {
  'awaiting-approval': 'waiting',
  queued: 'progress',
  running: 'progress',
  succeeded: 'success',
  failed: 'danger',
  'rolled-back': 'ended',
};

export const ACTIVE: DeploymentStatus[] = [
  'awaiting-approval',
  'queued',
  'running',
];

export function isActive(status: DeploymentStatus) {
  return ACTIVE.includes(status);
}

/** `component:default/payments-api` as `payments-api`. */
export function shortRef(ref: string | undefined): string {
  if (!ref) return '';
  return ref.replace(/^[^:]+:/, '').replace(/^default\//, '');
}

export function formatWhen(iso: string | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
