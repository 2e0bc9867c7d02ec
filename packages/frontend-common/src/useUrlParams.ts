import { useCallback, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';

/** A value for a query param; empty ones (undefined, null, '') remove it. */
export type ParamValue = string | number | undefined | null;

/**
 * The page's state kept in the URL's query (so a view can be linked and survives a reload), and
 * an update that sets each param of a patch that has a value and removes each empty one, in
 * place of the current history entry.
 *
 * Each update starts from the latest params, including an update made since the last render.
 * react-router's own setter, even in its function form, starts from the params of the render
 * that made it: two updates before the page renders again (a debounced text field landing just
 * after another filter changed) would drop the first.
 */
export function useUrlParams(): {
  params: URLSearchParams;
  update: (patch: Record<string, ParamValue>) => void;
} {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  latest.current = params;
  const update = useCallback(
    (patch: Record<string, ParamValue>) => {
      const next = new URLSearchParams(latest.current);
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || value === null || value === '') {
          next.delete(key);
        } else {
          next.set(key, String(value));
        }
      }
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return { params, update };
}
