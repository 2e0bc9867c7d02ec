import { IngestItem, IngestStore } from './IngestStore';
import {
  DatabaseIngestStore,
  IngestCall,
  IngestResult,
} from './DatabaseIngestStore';

type Pending = {
  call: IngestCall;
  resolve: (result: IngestResult) => void;
  reject: (error: unknown) => void;
};

/** Items of one group commit, at most: a batch API call of 5,000 events is a group alone. */
const MAX_GROUP_ITEMS = 5000;

/**
 * A group commit in front of the ingest store: the calls that arrive while a transaction runs
 * (webhook deliveries come many at a time) are written together in the next one, so each
 * costs a share of a transaction's statements instead of all of them. A call alone is written
 * at once. When a group fails, each of its calls is tried alone, so one delivery's 409 or 404 is
 * that delivery's answer and the others are stored: every call stays all or nothing.
 */
export class GroupCommitIngestStore implements IngestStore {
  private readonly queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly store: DatabaseIngestStore) {}

  ingest(
    items: IngestItem[],
    source: string,
    now: Date,
  ): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ call: { items, source, now }, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private async flush() {
    while (this.queue.length > 0) {
      const group = [this.queue.shift()!];
      let items = group[0].call.items.length;
      while (
        this.queue.length > 0 &&
        items + this.queue[0].call.items.length <= MAX_GROUP_ITEMS
      ) {
        const next = this.queue.shift()!;
        items += next.call.items.length;
        group.push(next);
      }
      await this.write(group);
    }
    this.flushing = false;
  }

  private async write(group: Pending[]) {
    try {
      const results = await this.store.ingestMany(group.map(p => p.call));
      group.forEach((p, i) => p.resolve(results[i]));
      return;
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
    }
    for (const p of group) {
      try {
        p.resolve((await this.store.ingestMany([p.call]))[0]);
      } catch (error) {
        p.reject(error);
      }
    }
  }
}
