import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { requirePermission } from '@internal/backend-common';
import { auditEventsReadPermission } from '@internal/plugin-audit-common';
import { AuditEventFilter, AuditEventStore } from '../database/AuditEventStore';

/** The audit trail behind Runway's permissions: the one place the audit plugin authorizes. */
export class AuthorizedAuditTrail {
  constructor(
    private readonly store: AuditEventStore,
    private readonly permissions: PermissionsService,
  ) {}

  async listEvents(
    filter: AuditEventFilter,
    credentials: BackstageCredentials,
  ) {
    await requirePermission(
      this.permissions,
      auditEventsReadPermission,
      credentials,
    );
    return this.store.list(filter);
  }
}
