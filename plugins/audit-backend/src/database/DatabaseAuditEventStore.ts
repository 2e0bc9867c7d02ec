import { containsPattern, LIKE_ESCAPED } from '@internal/backend-common';
import { AuditEvent } from '@internal/plugin-audit-common';
import { Knex } from 'knex';
import {
  AuditEventFilter,
  AuditEventRecord,
  AuditEventStore,
} from './AuditEventStore';
import { decodeCursor, encodeCursor } from './cursor';

type Row = {
  id: string;
  plugin_id: string;
  event_id: string;
  severity_level: string;
  status: string;
  actor_id: string | null;
  actor_ip: string | null;
  actor_hostname: string | null;
  actor_user_agent: string | null;
  request_method: string | null;
  request_url: string | null;
  meta: string | null;
  error: string | null;
  created_at: Date | string | number;
  completed_at: Date | string | number | null;
};

// SQLite returns the milliseconds knex stored; PostgreSQL returns a Date.
const iso = (v: Date | string | number) => new Date(v).toISOString();

const TABLE = 'audit_events';
// 15 columns a row: well under SQLite's limit on bound variables per statement.
const INSERT_CHUNK = 200;
const DELETE_CHUNK = 5000;
// A scaffolder task's parameters can be large; the trail keeps a searchable preview of them.
const MAX_META_CHARS = 64 * 1024;

export class DatabaseAuditEventStore implements AuditEventStore {
  constructor(private readonly db: Knex) {}

  async write(records: AuditEventRecord[]): Promise<void> {
    const initiated = records.filter(r => r.status === 'initiated');
    const finished = records.filter(r => r.status !== 'initiated');
    await this.db.transaction(async tx => {
      for (const chunk of chunks(initiated.map(toRow), INSERT_CHUNK)) {
        // An outcome may already be there (written first): it wins.
        await tx(TABLE).insert(chunk).onConflict('id').ignore();
      }
      for (const chunk of chunks(finished.map(toRow), INSERT_CHUNK)) {
        await tx(TABLE)
          .insert(chunk)
          .onConflict('id')
          .merge(['status', 'meta', 'error', 'completed_at']);
      }
    });
  }

  async list(
    filter: AuditEventFilter,
  ): Promise<{ events: AuditEvent[]; nextCursor?: string }> {
    const query = this.db<Row>(TABLE);
    if (filter.plugin) query.where('plugin_id', filter.plugin);
    if (filter.eventId) query.where('event_id', filter.eventId);
    if (filter.status) query.where('status', filter.status);
    if (filter.actor) containing(query, 'actor_id', filter.actor);
    if (filter.target) containing(query, 'meta', filter.target);
    if (filter.from) query.where('created_at', '>=', filter.from);
    if (filter.to) query.where('created_at', '<', filter.to);
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor);
      query.where(q =>
        q
          .where('created_at', '<', after.createdAt)
          .orWhere(same =>
            same
              .where('created_at', '=', after.createdAt)
              .andWhere('id', '<', after.id),
          ),
      );
    }
    const rows = await query
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(filter.limit + 1);
    const events = rows.slice(0, filter.limit).map(fromRow);
    const last = events[events.length - 1];
    return {
      events,
      nextCursor:
        rows.length > filter.limit
          ? encodeCursor({ createdAt: new Date(last.createdAt), id: last.id })
          : undefined,
    };
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    // In chunks, so a first run over a year of events does not hold one huge transaction.
    let total = 0;
    for (;;) {
      const deleted = await this.db(TABLE)
        .whereIn(
          'id',
          this.db(TABLE)
            .select('id')
            .where('created_at', '<', cutoff)
            .limit(DELETE_CHUNK),
        )
        .delete();
      total += deleted;
      if (deleted < DELETE_CHUNK) return total;
    }
  }
}

/** Case-insensitive substring match, with the user's `%` and `_` taken literally. */
function containing(query: Knex.QueryBuilder, column: string, part: string) {
  query.whereRaw(`lower(??) ${LIKE_ESCAPED}`, [column, containsPattern(part)]);
}

function toRow(r: AuditEventRecord): Row {
  return {
    id: r.id,
    plugin_id: r.pluginId,
    event_id: r.eventId,
    severity_level: r.severityLevel,
    status: r.status,
    actor_id: clean(r.actorId),
    actor_ip: clean(r.ip),
    actor_hostname: clean(r.hostname),
    actor_user_agent: clean(r.userAgent),
    request_method: clean(r.method),
    request_url: clean(r.url),
    meta: r.meta ? metaText(r.meta) : null,
    error: clean(r.error),
    created_at: r.createdAt,
    completed_at: r.completedAt ?? null,
  };
}

function metaText(meta: object): string {
  const text = JSON.stringify(meta);
  if (text.length <= MAX_META_CHARS) return text;
  return JSON.stringify({
    truncated: true,
    preview: text.slice(0, MAX_META_CHARS),
  });
}

/** PostgreSQL text cannot hold NUL characters; an error message might. */
function clean(value: string | undefined): string | null {
  return value === undefined ? null : value.split('\u0000').join('');
}

function fromRow(row: Row): AuditEvent {
  const event: AuditEvent = {
    id: row.id,
    plugin: row.plugin_id,
    eventId: row.event_id,
    severityLevel: row.severity_level as AuditEvent['severityLevel'],
    status: row.status as AuditEvent['status'],
    actor: {},
    createdAt: iso(row.created_at),
  };
  if (row.actor_id !== null) event.actor.actorId = row.actor_id;
  if (row.actor_ip !== null) event.actor.ip = row.actor_ip;
  if (row.actor_hostname !== null) event.actor.hostname = row.actor_hostname;
  if (row.actor_user_agent !== null)
    event.actor.userAgent = row.actor_user_agent;
  if (row.request_method !== null && row.request_url !== null) {
    event.request = { method: row.request_method, url: row.request_url };
  }
  if (row.meta !== null) event.meta = JSON.parse(row.meta);
  if (row.error !== null) event.error = row.error;
  if (row.completed_at !== null) event.completedAt = iso(row.completed_at);
  return event;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}
