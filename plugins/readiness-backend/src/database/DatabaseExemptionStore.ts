import { ConflictError } from '@backstage/errors';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { chunks } from './chunks';
import { Exemption, ExemptionStore } from './ExemptionStore';

type Row = {
  id: string;
  entity_ref: string;
  check_id: string;
  reason: string;
  created_by: string;
  created_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
  revoked_by: string | null;
};

const iso = (v: Date | string) => new Date(v).toISOString();

export class DatabaseExemptionStore implements ExemptionStore {
  constructor(private readonly db: Knex) {}

  async create(
    input: Omit<Exemption, 'id' | 'createdAt' | 'revokedAt' | 'revokedBy'>,
    now: Date,
  ): Promise<Exemption> {
    return this.db.transaction(async tx => {
      // Two concurrent requests must not both find no active exemption and both insert one:
      // SQLite runs one write transaction at a time; Postgres needs a lock per key.
      if (tx.client.dialect === 'postgresql') {
        await tx.raw('select pg_advisory_xact_lock(hashtext(?))', [
          `readiness-exemption:${input.entityRef}:${input.checkId}`,
        ]);
      }
      const active = await this.active(tx, [input.entityRef], now)
        .where('check_id', input.checkId)
        .first();
      if (active) {
        throw new ConflictError(
          `${input.entityRef} is already exempted from ${
            input.checkId
          } until ${iso(active.expires_at)} (exemption ${active.id})`,
        );
      }
      const row: Row = {
        id: randomUUID(),
        entity_ref: input.entityRef,
        check_id: input.checkId,
        reason: input.reason,
        created_by: input.createdBy,
        created_at: now,
        expires_at: new Date(input.expiresAt),
        revoked_at: null,
        revoked_by: null,
      };
      await tx('readiness_exemptions').insert(row);
      return fromRow(row);
    });
  }

  async revoke(id: string, revokedBy: string, now: Date) {
    await this.db('readiness_exemptions')
      .where({ id })
      .whereNull('revoked_at')
      .update({ revoked_at: now, revoked_by: revokedBy });
    return this.get(id);
  }

  async get(id: string) {
    const row = await this.db<Row>('readiness_exemptions')
      .where({ id })
      .first();
    return row ? fromRow(row) : undefined;
  }

  async listForEntity(entityRef: string) {
    const rows = await this.db<Row>('readiness_exemptions')
      .where({ entity_ref: entityRef })
      .orderBy('created_at', 'desc');
    return rows.map(fromRow);
  }

  async activeFor(entityRefs: string[], now: Date) {
    const out = new Map<string, Exemption[]>();
    for (const batch of chunks(entityRefs)) {
      for (const row of await this.active(this.db, batch, now)) {
        const exemption = fromRow(row);
        out.set(exemption.entityRef, [
          ...(out.get(exemption.entityRef) ?? []),
          exemption,
        ]);
      }
    }
    return out;
  }

  private active(db: Knex, entityRefs: string[], now: Date) {
    return db<Row>('readiness_exemptions')
      .whereIn('entity_ref', entityRefs)
      .whereNull('revoked_at')
      .andWhere('expires_at', '>', now);
  }
}

function fromRow(row: Row): Exemption {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    ...(row.revoked_at && { revokedAt: iso(row.revoked_at) }),
    ...(row.revoked_by && { revokedBy: row.revoked_by }),
  };
}
