import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read the audit trail of every plugin (GET /api/audit/events). Runway's policy grants it to
 * the platform team only: the trail names people, IP addresses and what they changed.
 */
export const auditEventsReadPermission = createPermission({
  name: 'audit.events.read',
  attributes: { action: 'read' },
});

export const auditPermissions = [auditEventsReadPermission];
