/**
 * Iterates `source` one item ahead: the next item is requested as soon as the current one is
 * handed out, so a consumer busy with the current item does not then wait for the next. A
 * consumer that stops early ends the source, and the item being read is dropped.
 */
export async function* readAhead<T>(
  source: AsyncIterable<T>,
): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  let done = false;
  try {
    for (;;) {
      const result = await next;
      if (result.done) {
        done = true;
        return;
      }
      next = iterator.next();
      yield result.value;
    }
  } finally {
    if (!done) {
      // The consumer stopped (or the source failed): nothing is left reading behind it.
      await next.catch(() => undefined);
      await iterator.return?.();
    }
  }
}
