import {
  AuditRecord,
  EnvironmentEvent,
} from '@internal/plugin-environments-common';

export type NewEvent = Omit<EnvironmentEvent, 'id' | 'at' | 'environmentId'>;
export type NewAuditRecord = Omit<AuditRecord, 'id' | 'at'>;

/** The live log of each environment and the audit trail. */
export interface EventStore {
  append(
    environmentId: string,
    event: NewEvent,
    now: Date,
  ): Promise<EnvironmentEvent>;
  list(
    environmentId: string,
    after: number,
    limit: number,
  ): Promise<EnvironmentEvent[]>;
  audit(record: NewAuditRecord, now: Date): Promise<void>;
  listAudit(
    filter: { environmentId: string } | { owner: string },
    limit: number,
  ): Promise<AuditRecord[]>;
}
