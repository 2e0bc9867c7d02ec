import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> = {
  loading: boolean;
  error?: Error;
  /** The last value loaded; kept while a new load is in flight, and when it fails. */
  value?: T;
};

/**
 * Runs `load` whenever `key` changes (or `reload` is called) and returns its state. A response
 * that arrives after the key has changed again is dropped, so quick filter changes cannot show
 * stale rows.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  key: string,
): AsyncState<T> & { reload: () => void } {
  const loadRef = useRef(load);
  loadRef.current = load;
  const [state, setState] = useState<AsyncState<T>>({ loading: true });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setState(previous => ({ value: previous.value, loading: true }));
    loadRef.current().then(
      value => {
        if (current) setState({ loading: false, value });
      },
      error => {
        if (current) {
          setState(previous => ({
            loading: false,
            error: toError(error),
            value: previous.value,
          }));
        }
      },
    );
    return () => {
      current = false;
    };
  }, [key, generation]);

  const reload = useCallback(() => setGeneration(g => g + 1), []);
  return { ...state, reload };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
