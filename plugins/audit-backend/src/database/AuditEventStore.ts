import {
  AuditEvent,
  AuditEventStatus,
  AuditSeverityLevel,
} from '@internal/plugin-audit-common';
import { JsonObject } from '@backstage/types';

/**
 * An audit event on its way to the store. `initiated` records create the row; a final record
 * (`succeeded` / `failed`) gives the same row (same `id`) its outcome, or creates it when the
 * initiated record never arrived.
 */
export type AuditEventRecord = {
  id: string;
  pluginId: string;
  eventId: string;
  severityLevel: AuditSeverityLevel;
  status: AuditEventStatus;
  actorId?: string;
  ip?: string;
  hostname?: string;
  userAgent?: string;
  method?: string;
  url?: string;
  meta?: JsonObject;
  error?: string;
  createdAt: Date;
  completedAt?: Date;
};

export type AuditEventFilter = {
  plugin?: string;
  eventId?: string;
  /** Case-insensitive part of the actor id. */
  actor?: string;
  /** Case-insensitive part of the meta JSON. */
  target?: string;
  status?: AuditEventStatus;
  from?: Date;
  to?: Date;
  limit: number;
  /** From a previous page's `nextCursor`. */
  cursor?: string;
};

export interface AuditEventStore {
  /** Writes a batch; a final record never goes back to `initiated`, whatever the order. */
  write(records: AuditEventRecord[]): Promise<void>;
  /** Newest first. */
  list(
    filter: AuditEventFilter,
  ): Promise<{ events: AuditEvent[]; nextCursor?: string }>;
  /** Deletes events started before `cutoff`; returns how many. */
  deleteOlderThan(cutoff: Date): Promise<number>;
}
