import { AuditEventRecord } from '../database/AuditEventStore';

/** An audit record with sensible defaults; tests override what they look at. */
export function auditRecord(
  overrides: Partial<AuditEventRecord> = {},
): AuditEventRecord {
  return {
    id: 'evt-1',
    pluginId: 'environments',
    eventId: 'environment-create',
    severityLevel: 'medium',
    status: 'initiated',
    actorId: 'user:default/ana',
    ip: '10.0.0.7',
    userAgent: 'Mozilla/5.0',
    method: 'POST',
    url: '/api/environments/environments',
    meta: { environment: 'pr-42', entityRef: 'component:default/payments-api' },
    createdAt: new Date('2026-12-01T10:00:00.000Z'),
    ...overrides,
  };
}
