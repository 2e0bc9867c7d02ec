import { Pipeline } from './Pipeline';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise(r => setImmediate(r));

describe('Pipeline', () => {
  it('makes the producer wait while the pipeline is full', async () => {
    const pipeline = new Pipeline(2);
    const first = deferred();
    const second = deferred();
    await pipeline.add(first.promise);
    let admitted = false;
    const adding = pipeline.add(second.promise).then(() => {
      admitted = true;
    });
    await settle();
    expect(admitted).toBe(false);
    first.resolve();
    await adding;
    expect(admitted).toBe(true);
    second.resolve();
    await pipeline.drain();
  });

  it('throws the first failure only after the work already started has settled', async () => {
    const pipeline = new Pipeline(3);
    const failing = deferred();
    const slow = deferred();
    await pipeline.add(failing.promise);
    await pipeline.add(slow.promise);
    failing.reject(new Error('batch 1 failed'));
    await settle();
    let thrown: unknown;
    const draining = pipeline.drain().catch(e => {
      thrown = e;
    });
    await settle();
    expect(thrown).toBeUndefined();
    slow.resolve();
    await draining;
    expect(thrown).toEqual(new Error('batch 1 failed'));
    await expect(pipeline.add(Promise.resolve())).rejects.toThrow(
      'batch 1 failed',
    );
  });
});
