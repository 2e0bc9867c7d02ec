import { useEffect, useRef, useState } from 'react';
import { AuditEvent, AuditEventsFilter } from '@internal/plugin-audit-common';
import { AuditApi } from '../../api/auditApiRef';

export const PAGE_SIZE = 50;

export type EventPages = {
  events?: AuditEvent[];
  /** More (older) events exist. */
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error?: Error;
  /** A failed "load more"; the rows already shown stay. */
  moreError?: Error;
  loadMore: () => void;
  /** The filter the rows were loaded with (a preset range as loaded), for the CSV. */
  query: () => AuditEventsFilter;
};

/**
 * The events matching a filter, a page at a time. The filter is resolved once per `key`
 * (a preset time range counts back from that moment), so "load more" continues the same
 * query with the cursor; answers for an older key are dropped.
 */
export function useEventPages(
  api: AuditApi,
  resolve: () => AuditEventsFilter,
  key: string,
): EventPages {
  const resolveRef = useRef(resolve);
  resolveRef.current = resolve;
  const query = useRef<AuditEventsFilter>({});
  const generation = useRef(0);
  const [state, setState] = useState<
    Omit<EventPages, 'loadMore' | 'hasMore' | 'query'> & { nextCursor?: string }
  >({ loading: true, loadingMore: false });

  useEffect(() => {
    const current = ++generation.current;
    query.current = { ...resolveRef.current(), limit: PAGE_SIZE };
    setState(previous => ({
      events: previous.events,
      loading: true,
      loadingMore: false,
    }));
    api.listEvents(query.current).then(
      page => {
        if (current !== generation.current) return;
        setState({
          events: page.events,
          nextCursor: page.nextCursor,
          loading: false,
          loadingMore: false,
        });
      },
      error => {
        if (current !== generation.current) return;
        setState({ loading: false, loadingMore: false, error: toError(error) });
      },
    );
  }, [api, key]);

  const loadMore = () => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    const current = generation.current;
    setState(s => ({ ...s, loadingMore: true, moreError: undefined }));
    api.listEvents({ ...query.current, cursor }).then(
      page => {
        if (current !== generation.current) return;
        setState(s => ({
          ...s,
          events: [...(s.events ?? []), ...page.events],
          nextCursor: page.nextCursor,
          loadingMore: false,
        }));
      },
      error => {
        if (current !== generation.current) return;
        setState(s => ({
          ...s,
          loadingMore: false,
          moreError: toError(error),
        }));
      },
    );
  };

  return {
    events: state.events,
    hasMore: Boolean(state.nextCursor),
    loading: state.loading,
    loadingMore: state.loadingMore,
    error: state.error,
    moreError: state.moreError,
    loadMore,
    query: () => {
      const { limit: _limit, cursor: _cursor, ...filter } = query.current;
      return filter;
    },
  };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
