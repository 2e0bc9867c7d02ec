import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AUDIT_SEVERITY_LEVELS,
  AuditSeverityLevel,
} from '@internal/plugin-audit-common';
import { AuditEventRecord } from '../database/AuditEventStore';

/** Where the sink writes: the audit plugin's store once it has started. */
export type AuditEventWriter = {
  write(records: AuditEventRecord[]): Promise<void>;
};

export type AuditEventSinkOptions = {
  logger: LoggerService;
  minimumSeverity: AuditSeverityLevel;
  /** Wait this long after an event before writing, to batch. Default 1000 ms. */
  flushDelayMs?: number;
  /** Write at once when this many events wait. Default 200. */
  maxBatch?: number;
  /** Beyond this many waiting events (the database is away), the oldest are dropped. Default 10,000. */
  maxPending?: number;
  /** Attempts at writing an event before it is dropped. Default 3. */
  maxAttempts?: number;
};

type Pending = { record: AuditEventRecord; attempts: number };

/**
 * Carries audit events from every plugin's auditor to the audit plugin's database, off the
 * request path: record() only queues, and writes happen in batches on a timer. An event's
 * initiated and final records that are still queued together become one write. Events recorded
 * before the audit plugin has started wait for it (bounded).
 */
export class AuditEventSink {
  private readonly logger: LoggerService;
  private readonly minimumRank: number;
  private readonly flushDelayMs: number;
  private readonly maxBatch: number;
  private readonly maxPending: number;
  private readonly maxAttempts: number;
  private readonly pending = new Map<string, Pending>();
  private writer?: AuditEventWriter;
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private dropped = 0;

  constructor(options: AuditEventSinkOptions) {
    this.logger = options.logger;
    this.minimumRank = AUDIT_SEVERITY_LEVELS.indexOf(options.minimumSeverity);
    this.flushDelayMs = options.flushDelayMs ?? 1000;
    this.maxBatch = options.maxBatch ?? 200;
    this.maxPending = options.maxPending ?? 10_000;
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  /** Queues an event; never throws and never waits for the database. */
  record(record: AuditEventRecord): void {
    try {
      if (
        AUDIT_SEVERITY_LEVELS.indexOf(record.severityLevel) < this.minimumRank
      )
        return;
      const queued = this.pending.get(record.id);
      if (queued && record.status !== 'initiated') {
        // Still unwritten: the outcome joins its initiated record, keeping the start time.
        queued.record = { ...record, createdAt: queued.record.createdAt };
      } else if (!queued) {
        this.pending.set(record.id, { record, attempts: 0 });
        this.dropOverflow();
      }
      this.schedule();
    } catch (error) {
      this.logger.error(`Audit event not recorded: ${error}`);
    }
  }

  /** Starts writing, including what was queued before. */
  attach(writer: AuditEventWriter): void {
    this.writer = writer;
    this.schedule();
  }

  /** Writes everything queued now and waits for it (shutdown, tests). */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.writer && this.pending.size > 0) {
      const before = this.pending.size;
      await this.enqueueWrite();
      // Failed events are queued again; stop once a round makes no progress.
      if (this.pending.size >= before) break;
    }
    await this.writing;
  }

  private schedule() {
    if (!this.writer || this.pending.size === 0) return;
    if (this.pending.size >= this.maxBatch) {
      this.clearTimer();
      void this.enqueueWrite();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.enqueueWrite();
      }, this.flushDelayMs);
      // A queued audit event must not keep a stopping process alive.
      this.timer.unref();
    }
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One write at a time, in order, so an outcome is never written before its start. */
  private enqueueWrite(): Promise<void> {
    this.writing = this.writing.then(() => this.writeBatch());
    return this.writing;
  }

  private async writeBatch(): Promise<void> {
    const writer = this.writer;
    if (!writer || this.pending.size === 0) return;
    const batch = [...this.pending.values()].slice(0, this.maxBatch);
    for (const p of batch) this.pending.delete(p.record.id);
    try {
      await writer.write(batch.map(p => p.record));
    } catch (error) {
      const retry = batch.filter(p => p.attempts + 1 < this.maxAttempts);
      this.logger.error(
        `Could not write ${batch.length} audit events (${
          retry.length
        } will be retried, ${batch.length - retry.length} dropped): ${error}`,
      );
      for (const p of retry) this.requeue({ ...p, attempts: p.attempts + 1 });
    }
    this.schedule();
  }

  private requeue(p: Pending) {
    const newer = this.pending.get(p.record.id);
    // An outcome that arrived meanwhile is newer than the failed initiated record.
    const record = newer
      ? { ...newer.record, createdAt: p.record.createdAt }
      : p.record;
    this.pending.delete(p.record.id);
    this.pending.set(p.record.id, { record, attempts: p.attempts });
  }

  private dropOverflow() {
    while (this.pending.size > this.maxPending) {
      const oldest = this.pending.keys().next().value as string;
      this.pending.delete(oldest);
      this.dropped += 1;
      if (this.dropped === 1 || this.dropped % 1000 === 0) {
        this.logger.error(
          `Audit events dropped: more than ${this.maxPending} waiting to be written (${this.dropped} so far)`,
        );
      }
    }
  }
}
