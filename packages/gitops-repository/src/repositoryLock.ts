const tails = new Map<string, Promise<unknown>>();

/**
 * Runs work for one repository after the work queued before it has finished: two
 * environments committing to the same repository in this process take turns, so neither sees
 * the other's half-written tree. Shared by every driver instance in the process. Other
 * backend replicas are handled by the push (a rejected push is retried on the new tip).
 */
export async function withRepositoryLock<T>(
  key: string,
  work: () => Promise<T>,
): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) {
      tails.delete(key);
    }
  }
}
