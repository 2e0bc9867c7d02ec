import { useEffect, useRef, useState } from 'react';

export type AsyncState<T> = {
  loading: boolean;
  error?: Error;
  /** The last value loaded; kept while a new load is in flight. */
  value?: T;
};

/**
 * Runs `load` whenever `key` changes and returns its state. A response that arrives after
 * the key has changed again is dropped, so quick filter changes cannot show stale rows.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  key: string,
): AsyncState<T> {
  const loadRef = useRef(load);
  loadRef.current = load;
  const [state, setState] = useState<AsyncState<T>>({ loading: true });

  useEffect(() => {
    let current = true;
    setState(previous => ({ value: previous.value, loading: true }));
    loadRef.current().then(
      value => {
        if (current) setState({ loading: false, value });
      },
      error => {
        if (current) setState({ loading: false, error: toError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [key]);

  return state;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
