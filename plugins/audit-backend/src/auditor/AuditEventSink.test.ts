import { mockServices } from '@backstage/backend-test-utils';
import { auditRecord } from '../__testUtils__/records';
import { RecordingWriter } from '../__testUtils__/RecordingWriter';
import { AuditEventSink } from './AuditEventSink';

const t0 = new Date('2026-12-01T10:00:00.000Z');
const t1 = new Date('2026-12-01T10:00:01.000Z');

function createSink(options: { maxBatch?: number; maxPending?: number } = {}) {
  const logger = mockServices.logger.mock();
  const sink = new AuditEventSink({
    logger,
    minimumSeverity: 'medium',
    flushDelayMs: 60_000,
    ...options,
  });
  return { sink, logger };
}

describe('AuditEventSink', () => {
  it('keeps events until the audit plugin attaches, and joins an outcome to its start', async () => {
    const { sink } = createSink();
    sink.record(auditRecord({ id: 'a', createdAt: t0 }));
    sink.record(
      auditRecord({
        id: 'a',
        status: 'succeeded',
        createdAt: t1,
        completedAt: t1,
      }),
    );
    // Reads are `low`: below the default minimum, not stored.
    sink.record(auditRecord({ id: 'read', severityLevel: 'low' }));
    const writer = new RecordingWriter();
    sink.attach(writer);
    await sink.flush();
    expect(writer.batches).toEqual([
      [
        expect.objectContaining({
          id: 'a',
          status: 'succeeded',
          createdAt: t0,
          completedAt: t1,
        }),
      ],
    ]);
  });

  it('writes at once when a batch is full, without waiting for the timer', async () => {
    const { sink } = createSink({ maxBatch: 2 });
    const writer = new RecordingWriter();
    sink.attach(writer);
    sink.record(auditRecord({ id: 'a' }));
    sink.record(auditRecord({ id: 'b' }));
    sink.record(auditRecord({ id: 'c' }));
    await sink.flush();
    expect(writer.batches.map(b => b.map(r => r.id))).toEqual([
      ['a', 'b'],
      ['c'],
    ]);
  });

  it('logs a failed write and retries it, then drops what keeps failing', async () => {
    const { sink, logger } = createSink();
    const writer = new RecordingWriter();
    sink.attach(writer);
    writer.failures = 1;
    sink.record(auditRecord({ id: 'a' }));
    await sink.flush();
    expect(logger.error).toHaveBeenCalledWith(
      'Could not write 1 audit events (1 will be retried, 0 dropped): Error: database unavailable',
    );
    await sink.flush();
    expect(writer.batches.map(b => b.map(r => r.id))).toEqual([['a']]);

    writer.failures = 3;
    sink.record(auditRecord({ id: 'b' }));
    for (let i = 0; i < 3; i++) await sink.flush();
    expect(logger.error).toHaveBeenLastCalledWith(
      'Could not write 1 audit events (0 will be retried, 1 dropped): Error: database unavailable',
    );
    await sink.flush();
    expect(writer.batches).toHaveLength(1);
  });

  it('drops the oldest events, saying so, when too many wait', async () => {
    const { sink, logger } = createSink({ maxPending: 2 });
    for (const id of ['a', 'b', 'c']) sink.record(auditRecord({ id }));
    expect(logger.error).toHaveBeenCalledWith(
      'Audit events dropped: more than 2 waiting to be written (1 so far)',
    );
    const writer = new RecordingWriter();
    sink.attach(writer);
    await sink.flush();
    expect(writer.batches.flat().map(r => r.id)).toEqual(['b', 'c']);
  });
});
