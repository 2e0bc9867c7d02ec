import { AuditorEvent } from '@backstage/backend-defaults/auditor';
import { AuditEventRecord } from '../database/AuditEventStore';

/** One auditor event (as Backstage's auditor built it) as the audit trail stores it. */
export function auditEventRecord(
  id: string,
  event: AuditorEvent,
  at: Date,
): AuditEventRecord {
  const record: AuditEventRecord = {
    id,
    pluginId: event.plugin,
    eventId: event.eventId,
    severityLevel: event.severityLevel,
    status: event.status,
    actorId: event.actor.actorId,
    ip: event.actor.ip,
    hostname: event.actor.hostname,
    userAgent: event.actor.userAgent,
    method: event.request?.method,
    url: event.request?.url,
    meta: event.meta,
    createdAt: at,
  };
  if (event.status !== 'initiated') record.completedAt = at;
  if (event.status === 'failed') record.error = errorMessage(event.error);
  return record;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
