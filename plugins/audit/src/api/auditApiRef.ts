import { createApiRef } from '@backstage/frontend-plugin-api';
import { AuditClient } from '@internal/plugin-audit-common';

export type AuditApi = Pick<AuditClient, 'listEvents' | 'exportCsv'>;

export const auditApiRef = createApiRef<AuditApi>({
  id: 'plugin.audit.api',
});
