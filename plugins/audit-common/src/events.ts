import { JsonObject } from '@backstage/types';

export const AUDIT_EVENT_STATUSES = [
  'initiated',
  'succeeded',
  'failed',
] as const;
export type AuditEventStatus = (typeof AUDIT_EVENT_STATUSES)[number];

export const AUDIT_SEVERITY_LEVELS = [
  'low',
  'medium',
  'high',
  'critical',
] as const;
export type AuditSeverityLevel = (typeof AUDIT_SEVERITY_LEVELS)[number];

/**
 * One audited action, as Backstage's auditor described it. An action that was started and then
 * finished is one event: `status` moves from `initiated` to `succeeded` or `failed`.
 */
export type AuditEvent = {
  /** Runway's id of this occurrence (Backstage's `eventId` names the kind of action). */
  id: string;
  /** The plugin that audited the action, e.g. `catalog`, `environments`. */
  plugin: string;
  /** The kind of action, e.g. `entity-mutate`, `environment-create`. */
  eventId: string;
  severityLevel: AuditSeverityLevel;
  status: AuditEventStatus;
  actor: {
    /** A user entity ref, or the subject of a service principal. */
    actorId?: string;
    ip?: string;
    hostname?: string;
    userAgent?: string;
  };
  request?: { method: string; url: string };
  /** What the plugin said about the target (entity refs, ids, parameters). */
  meta?: JsonObject;
  /** The error message of a failed action. */
  error?: string;
  /** When the action started (ISO 8601). */
  createdAt: string;
  /** When it succeeded or failed. */
  completedAt?: string;
};

export type AuditEventsResponse = {
  events: AuditEvent[];
  /** Pass as `cursor` for the next (older) page; absent on the last page. */
  nextCursor?: string;
};
