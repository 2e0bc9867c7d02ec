import { readAhead } from './readAhead';

/** A source that records when each item is requested, and whether it was ended. */
function source(items: number[]) {
  const log: string[] = [];
  async function* generate() {
    try {
      for (const item of items) {
        log.push(`read ${item}`);
        yield item;
      }
    } finally {
      log.push('ended');
    }
  }
  return { log, iterable: generate() };
}

describe('readAhead', () => {
  it('requests the next item before the consumer is done with the current one', async () => {
    const { log, iterable } = source([1, 2, 3]);
    const seen: number[] = [];
    for await (const item of readAhead(iterable)) {
      await new Promise(r => setImmediate(r));
      log.push(`consumed ${item}`);
      seen.push(item);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(log.indexOf('read 2')).toBeLessThan(log.indexOf('consumed 1'));
    expect(log.indexOf('read 3')).toBeLessThan(log.indexOf('consumed 2'));
  });

  it('ends the source when the consumer stops early', async () => {
    const { log, iterable } = source([1, 2, 3]);
    const failing = async () => {
      for await (const item of readAhead(iterable)) {
        if (item === 1) throw new Error('consumer failed');
      }
    };
    await expect(failing()).rejects.toThrow('consumer failed');
    expect(log).toContain('ended');
    expect(log).not.toContain('read 3');
  });

  it('passes on a failure of the source', async () => {
    async function* broken() {
      yield 1;
      throw new Error('catalog unavailable');
    }
    const seen: number[] = [];
    const consume = async () => {
      for await (const item of readAhead(broken())) seen.push(item);
    };
    await expect(consume()).rejects.toThrow('catalog unavailable');
    expect(seen).toEqual([1]);
  });
});
