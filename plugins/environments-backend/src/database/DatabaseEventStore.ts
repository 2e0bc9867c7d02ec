import { Knex } from 'knex';
import { EventStore, NewAuditRecord, NewEvent } from './EventStore';
import { auditFromRow, AuditRow, eventFromRow, EventRow } from './rows';

export class DatabaseEventStore implements EventStore {
  constructor(private readonly db: Knex) {}

  async append(environmentId: string, event: NewEvent, now: Date) {
    const row = {
      environment_id: environmentId,
      at: now,
      kind: event.kind,
      resource: event.resource ?? null,
      status: event.status ?? null,
      message: event.message,
    };
    const [inserted] = await this.db('environment_events')
      .insert(row)
      .returning('id');
    const id = typeof inserted === 'object' ? inserted.id : inserted;
    return eventFromRow({ ...row, id });
  }

  async list(environmentId: string, after: number, limit: number) {
    const rows = await this.db<EventRow>('environment_events')
      .where('environment_id', environmentId)
      .andWhere('id', '>', after)
      .orderBy('id', 'asc')
      .limit(limit);
    return rows.map(eventFromRow);
  }

  async audit(record: NewAuditRecord, now: Date) {
    await this.db('environment_audit').insert({
      at: now,
      environment_id: record.environmentId,
      environment_name: record.environmentName,
      owner: record.owner,
      actor: record.actor,
      action: record.action,
      outcome: record.outcome,
      message: record.message ?? null,
    });
  }

  async listAudit(
    filter: { environmentId: string } | { owner: string },
    limit: number,
  ) {
    const query = this.db<AuditRow>('environment_audit');
    if ('environmentId' in filter) {
      query.where('environment_id', filter.environmentId);
    } else {
      query.where('owner', filter.owner);
    }
    const rows = await query.orderBy('id', 'desc').limit(limit);
    return rows.map(auditFromRow);
  }
}
