import {
  AuditRecord,
  EnvironmentEvent,
  EnvironmentEventKind,
  EnvironmentStatus,
  ResourceStatus,
} from '@internal/plugin-environments-common';
import { StoredEnvironment, StoredResource } from './EnvironmentStore';

export type Timestamp = Date | string | number;

export type EnvironmentRow = {
  id: string;
  name: string;
  active_name: string | null;
  class_name: string;
  owner: string;
  component: string | null;
  template: string | null;
  status: string;
  status_message: string | null;
  failure: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  expires_at: Timestamp;
  expiry_notified_at: Timestamp | null;
  approval_decision: string | null;
  approval_by: string | null;
  approval_at: Timestamp | null;
  approval_reason: string | null;
  lease_owner: string | null;
  lease_until: Timestamp | null;
};

export type ResourceRow = {
  environment_id: string;
  name: string;
  position: number;
  type: string;
  status: string;
  parameters: string;
  outputs: string;
  secrets_encrypted: string | null;
  state_encrypted: string | null;
  error: string | null;
  updated_at: Timestamp;
};

export type EventRow = {
  id: number | string;
  environment_id: string;
  at: Timestamp;
  kind: string;
  resource: string | null;
  status: string | null;
  message: string;
};

export type AuditRow = {
  id: number | string;
  at: Timestamp;
  environment_id: string;
  environment_name: string;
  owner: string;
  actor: string;
  action: string;
  outcome: string;
  message: string | null;
};

export const iso = (v: Timestamp) => new Date(v).toISOString();

export function environmentFromRows(
  row: EnvironmentRow,
  resources: ResourceRow[],
): StoredEnvironment {
  return {
    id: row.id,
    name: row.name,
    className: row.class_name,
    owner: row.owner,
    ...(row.component && { component: row.component }),
    ...(row.template && { template: row.template }),
    status: row.status as EnvironmentStatus,
    ...(row.status_message && { statusMessage: row.status_message }),
    ...(row.failure && { failure: row.failure }),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    expiresAt: iso(row.expires_at),
    ...(row.expiry_notified_at && {
      expiryNotifiedAt: iso(row.expiry_notified_at),
    }),
    ...(row.approval_decision && {
      approval: {
        decision: row.approval_decision as 'approved' | 'rejected',
        decidedBy: row.approval_by ?? '',
        decidedAt: iso(row.approval_at ?? row.updated_at),
        ...(row.approval_reason && { reason: row.approval_reason }),
      },
    }),
    resources: resources
      .sort((a, b) => a.position - b.position)
      .map(resourceFromRow),
  };
}

function resourceFromRow(row: ResourceRow): StoredResource {
  return {
    name: row.name,
    type: row.type,
    position: Number(row.position),
    status: row.status as ResourceStatus,
    parameters: JSON.parse(row.parameters),
    outputs: JSON.parse(row.outputs),
    ...(row.secrets_encrypted && { secretsEncrypted: row.secrets_encrypted }),
    ...(row.state_encrypted && { stateEncrypted: row.state_encrypted }),
    ...(row.error && { error: row.error }),
  };
}

export function eventFromRow(row: EventRow): EnvironmentEvent {
  return {
    id: Number(row.id),
    environmentId: row.environment_id,
    at: iso(row.at),
    kind: row.kind as EnvironmentEventKind,
    ...(row.resource && { resource: row.resource }),
    ...(row.status && { status: row.status as EnvironmentStatus }),
    message: row.message,
  };
}

export function auditFromRow(row: AuditRow): AuditRecord {
  return {
    id: Number(row.id),
    at: iso(row.at),
    environmentId: row.environment_id,
    environmentName: row.environment_name,
    owner: row.owner,
    actor: row.actor,
    action: row.action as AuditRecord['action'],
    outcome: row.outcome as AuditRecord['outcome'],
    ...(row.message && { message: row.message }),
  };
}
