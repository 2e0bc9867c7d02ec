import { AuditEvent } from '@internal/plugin-audit-common';

export const CSV_HEADER = [
  'created_at',
  'completed_at',
  'plugin',
  'event_id',
  'severity',
  'status',
  'actor',
  'ip',
  'user_agent',
  'method',
  'url',
  'meta',
  'error',
  'id',
].join(',');

export function csvRow(e: AuditEvent): string {
  return [
    e.createdAt,
    e.completedAt,
    e.plugin,
    e.eventId,
    e.severityLevel,
    e.status,
    e.actor.actorId,
    e.actor.ip,
    e.actor.userAgent,
    e.request?.method,
    e.request?.url,
    e.meta ? JSON.stringify(e.meta) : undefined,
    e.error,
    e.id,
  ]
    .map(csvCell)
    .join(',');
}

/** RFC 4180 quoting; a leading = + - @ is neutralised so spreadsheets do not run it. */
function csvCell(value: string | undefined) {
  let text = value ?? '';
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
