import { z } from 'zod';
import { AUDIT_EVENT_STATUSES } from './events';

export const AUDIT_EVENTS_MAX_LIMIT = 1000;

const text = z.string().trim().min(1).max(500);

/** The query string of GET /api/audit/events. */
export const auditEventsQuerySchema = z.strictObject({
  plugin: text.optional(),
  eventId: text.optional(),
  /** Part of the actor (user entity ref or service subject), any case. */
  actor: text.optional(),
  /** Part of the target: anything in the event's meta, e.g. an entity ref or an id. */
  target: text.optional(),
  status: z.enum(AUDIT_EVENT_STATUSES).optional(),
  /** Events started at or after this time. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Events started before this time. */
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(AUDIT_EVENTS_MAX_LIMIT)
    .default(100),
  cursor: z.string().min(1).max(500).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export type AuditEventsQueryInput = z.input<typeof auditEventsQuerySchema>;
export type AuditEventsQuery = z.output<typeof auditEventsQuerySchema>;
