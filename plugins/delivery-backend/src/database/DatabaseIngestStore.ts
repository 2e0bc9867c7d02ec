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
    return this.db.transaction(async tx => {
      const fresh = await this.newItems(tx, items, source, now);
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
      const accepted = fresh.length - runDuplicates;
      return { accepted, duplicates: items.length - accepted };
    });
  }

  /**
   * Drops items whose delivery id was stored before (or repeats within the batch) with the
   * same content; the same id with other content is a ConflictError naming it.
   */
  private async newItems(
    tx: Knex.Transaction,
    items: IngestItem[],
    source: string,
    now: Date,
  ): Promise<IngestItem[]> {
    const ids = [
      ...new Set(items.flatMap(i => (i.deliveryId ? [i.deliveryId] : []))),
    ];
    // Delivery id -> content hash ('' when stored before hashes were kept).
    const seen = new Map<string, string>();
    for (const batch of chunks(ids, 1000)) {
      const rows = await tx('delivery_received')
        .select('delivery_id', 'content_hash')
        .whereIn('delivery_id', batch);
      for (const row of rows) seen.set(row.delivery_id, row.content_hash ?? '');
    }
    const fresh: IngestItem[] = [];
    const rows: Row[] = [];
    for (const item of items) {
      const id = item.deliveryId;
      if (id) {
        const before = seen.get(id);
        if (before !== undefined) {
          if (before && item.contentHash && before !== item.contentHash)
            throw new ConflictError(
              `Delivery id ${id} was received before with other content; nothing was stored: a new event needs a new delivery id`,
            );
          continue;
        }
        seen.set(id, item.contentHash ?? '');
        rows.push({
          delivery_id: id,
          source,
          received_at: now,
          content_hash: item.contentHash ?? null,
        });
      }
      fresh.push(item);
    }
    for (const batch of insertChunks(rows)) {
      await tx('delivery_received')
        .insert(batch)
        .onConflict('delivery_id')
        .ignore();
    }
    return fresh;
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
