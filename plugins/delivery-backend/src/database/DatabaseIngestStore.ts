import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { chunks, insertChunks } from './chunks';
import { insertTestRuns } from './insertTestRuns';
import { upsertPushes } from './pushes';
import { upsertCiRuns } from './upsertCiRuns';
import { upsertPullRequests } from './upsertPullRequests';
import { IncidentAttribution, upsertIncidents } from './upsertIncidents';
import { IngestItem, IngestStore, prKey, ReviewInput } from './IngestStore';
import { upsertDeployments } from './upsertDeployments';

type Row = Record<string, any>;
/** An item with the call it came in and that call's source. */
type Tagged = { item: IngestItem; call: number; source: string };

export type IngestCall = { items: IngestItem[]; source: string; now: Date };
export type IngestResult = { accepted: number; duplicates: number };
type ValueOf<K extends IngestItem['kind']> = Extract<
  IngestItem,
  { kind: K }
>['value'];

/** Ingestion into the delivery tables, idempotent on delivery ids and natural keys. */
export class DatabaseIngestStore implements IngestStore {
  constructor(
    private readonly db: Knex,
    private readonly options: IncidentAttribution = { attributionHours: 24 },
  ) {}

  async ingest(items: IngestItem[], source: string, now: Date) {
    return (await this.ingestMany([{ items, source, now }]))[0];
  }

  /**
   * Several ingest calls in one transaction, as if one after another: a group commit (see
   * GroupCommitIngestStore). Any error fails them all; the caller then retries each alone.
   */
  async ingestMany(calls: IngestCall[]): Promise<IngestResult[]> {
    const now = new Date(Math.max(...calls.map(c => c.now.getTime())));
    const tagged: Tagged[] = calls.flatMap((c, call) =>
      c.items.map(item => ({ item, call, source: c.source })),
    );
    return this.db.transaction(async tx => {
      const taggedFresh = await this.newItems(tx, tagged, now);
      const fresh = taggedFresh.map(t => t.item);
      const of = <K extends IngestItem['kind']>(kind: K): ValueOf<K>[] =>
        fresh.filter(i => i.kind === kind).map(i => i.value as ValueOf<K>);
      await upsertPushes(tx, of('push'));
      await upsertPullRequests(tx, of('pull_request'));
      await this.insertReviews(tx, of('review'));
      await this.refreshReviewTimes(tx, [
        ...of('pull_request').map(p => prKey(p.repository, p.number)),
        ...of('review').map(r => prKey(r.repository, r.number)),
      ]);
      const runDuplicates = await insertTestRuns(tx, of('test_run'));
      await upsertCiRuns(tx, of('ci_run'));
      await upsertDeployments(tx, of('deployment'), now);
      await upsertIncidents(tx, of('incident'), now, this.options);
      return calls.map((c, call) => {
        const accepted = taggedFresh.filter(
          t =>
            t.call === call &&
            !(t.item.kind === 'test_run' && runDuplicates.has(t.item.value)),
        ).length;
        return { accepted, duplicates: c.items.length - accepted };
      });
    });
  }

  /**
   * Drops items whose delivery id was stored before (or repeats within the batch) with the
   * same content; the same id with other content is a ConflictError naming it.
   */
  private async newItems(
    tx: Knex.Transaction,
    items: Tagged[],
    now: Date,
  ): Promise<Tagged[]> {
    // Repeats within the batch: the same content is a replay, other content a conflict.
    const hashes = new Map<string, string>();
    const rows: Row[] = [];
    for (const { item, source } of items) {
      const id = item.deliveryId;
      if (!id) continue;
      const before = hashes.get(id);
      if (before === undefined) {
        hashes.set(id, item.contentHash ?? '');
        rows.push({
          delivery_id: id,
          source,
          received_at: now,
          content_hash: item.contentHash ?? null,
        });
      } else if (before && item.contentHash && before !== item.contentHash)
        throw conflict(id);
    }
    // One statement in the common case: the ids it could insert are new.
    const inserted = new Set<string>();
    for (const batch of insertChunks(rows)) {
      const added: Row[] = await tx('delivery_received')
        .insert(batch)
        .onConflict('delivery_id')
        .ignore()
        .returning('delivery_id');
      for (const row of added) inserted.add(row.delivery_id);
    }
    // The others were received before: a replay, unless their content differs.
    const old = rows.filter(r => !inserted.has(r.delivery_id));
    for (const batch of chunks(old, 1000)) {
      const stored = await tx('delivery_received')
        .select('delivery_id', 'content_hash')
        .whereIn(
          'delivery_id',
          batch.map(r => r.delivery_id),
        );
      for (const row of stored) {
        const sent = hashes.get(row.delivery_id);
        if (row.content_hash && sent && row.content_hash !== sent)
          throw conflict(row.delivery_id);
      }
    }
    const taken = new Set<string>();
    return items.filter(({ item }) => {
      const id = item.deliveryId;
      if (!id) return true;
      if (!inserted.has(id) || taken.has(id)) return false;
      taken.add(id);
      return true;
    });
  }

  private async insertReviews(tx: Knex.Transaction, reviews: ReviewInput[]) {
    const rows = reviews.map(r => ({
      pr_key: prKey(r.repository, r.number),
      review_id: r.reviewId,
      reviewer: r.reviewer ?? null,
      state: r.state,
      submitted_at: r.submittedAt,
    }));
    for (const batch of insertChunks(rows)) {
      // A dismissal changes a review; nothing else does (a redelivery of it is the same).
      await tx('delivery_reviews')
        .insert(batch)
        .onConflict(['pr_key', 'review_id'])
        .merge({
          state: tx.raw(
            `case when excluded.state = 'dismissed' then excluded.state else delivery_reviews.state end`,
          ),
        });
    }
  }

  /** A PR's first review and first approval, from its stored reviews (in either arrival order). */
  private async refreshReviewTimes(tx: Knex.Transaction, keys: string[]) {
    for (const batch of chunks([...new Set(keys)], 1000)) {
      const firstOf = (approvedOnly: boolean) =>
        tx('delivery_reviews as r')
          .min('r.submitted_at')
          .whereRaw('r.pr_key = delivery_pull_requests.pr_key')
          .modify(q => {
            if (approvedOnly) q.where('r.state', 'approved');
            else q.whereNot('r.state', 'dismissed');
          });
      await tx('delivery_pull_requests')
        .whereIn('pr_key', batch)
        .update({
          first_review_at: firstOf(false),
          first_approval_at: firstOf(true),
        });
    }
  }
}

function conflict(id: string) {
  return new ConflictError(
    `Delivery id ${id} was received before with other content; nothing was stored: a new event needs a new delivery id`,
  );
}
