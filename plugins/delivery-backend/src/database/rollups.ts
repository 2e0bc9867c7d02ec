import { Knex } from 'knex';
import { toDate } from '../lib/time';
import { insertChunks } from './chunks';

type Row = Record<string, any>;
const DAY_MS = 86_400_000;

/** The UTC day number of a time. */
export const dayOf = (at: Date) => Math.floor(at.getTime() / DAY_MS);

/**
 * Changes to the daily rollups caused by changes of deployment rows: each changed row's old
 * version is taken out and its new one put in, applied in the transaction that changed it.
 */
export class RollupDelta {
  private readonly counts = new Map<string, Row>();
  private readonly leads = new Map<string, Row>();

  /** Takes a row's contribution out (`-1`) or puts it in (`+1`). */
  add(row: Row | undefined, sign: 1 | -1) {
    if (!row || !Boolean(row.is_production)) return;
    const finished = toDate(row.finished_at);
    if (!finished) return;
    const day = dayOf(finished);
    const key = `${row.service_ref} ${day}`;
    const c = this.counts.get(key) ?? {
      service_ref: row.service_ref,
      day,
      finished: 0,
      live: 0,
      failed: 0,
      rework: 0,
      self_service: 0,
    };
    const status = row.status;
    c.finished += sign;
    if (status === 'succeeded' || status === 'rolled-back') c.live += sign;
    if (
      status === 'failed' ||
      status === 'rolled-back' ||
      Boolean(row.caused_incident)
    )
      c.failed += sign;
    if (row.change_type === 'fix' || row.change_type === 'rollback')
      c.rework += sign;
    if (Boolean(row.self_service)) c.self_service += sign;
    this.counts.set(key, c);
    if (row.lead_time_bucket !== null && row.lead_time_bucket !== undefined) {
      const bucket = Number(row.lead_time_bucket);
      const lkey = `${day} ${bucket}`;
      const l = this.leads.get(lkey) ?? { day, bucket, deployments: 0 };
      l.deployments += sign;
      this.leads.set(lkey, l);
    }
  }

  /** Replaces `before` with `after` in the rollups. */
  change(before: Row | undefined, after: Row | undefined) {
    this.add(before, -1);
    this.add(after, 1);
  }

  async apply(tx: Knex.Transaction) {
    const plus = (table: string, column: string) =>
      tx.raw(`??.?? + excluded.??`, [table, column, column]);
    const counts = [...this.counts.values()].filter(
      c => c.finished || c.live || c.failed || c.rework || c.self_service,
    );
    for (const batch of insertChunks(counts)) {
      await tx('delivery_deployment_days')
        .insert(batch)
        .onConflict(['service_ref', 'day'])
        .merge(
          Object.fromEntries(
            ['finished', 'live', 'failed', 'rework', 'self_service'].map(c => [
              c,
              plus('delivery_deployment_days', c),
            ]),
          ),
        );
    }
    const leads = [...this.leads.values()].filter(l => l.deployments !== 0);
    for (const batch of insertChunks(leads)) {
      await tx('delivery_lead_time_days')
        .insert(batch)
        .onConflict(['day', 'bucket'])
        .merge({ deployments: plus('delivery_lead_time_days', 'deployments') });
    }
  }
}
