import { AuditEventRecord } from '../database/AuditEventStore';
import { AuditEventWriter } from '../auditor/AuditEventSink';

/** A writer that keeps each batch, and fails the next `failures` writes when told to. */
export class RecordingWriter implements AuditEventWriter {
  readonly batches: AuditEventRecord[][] = [];
  failures = 0;

  async write(records: AuditEventRecord[]) {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('database unavailable');
    }
    this.batches.push(records);
  }
}
