import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  EnvironmentEvent,
  EnvironmentStatus,
} from '@internal/plugin-environments-common';
import { environmentsApiRef } from '../../api/environmentsApiRef';
import { IN_PROGRESS_STATUSES, isEnded } from '../shared/presentation';

/**
 * How often the log is asked for new lines: every 2 s while the backend works on the
 * environment, every 10 s while it waits (for approval, for its expiry, for a teardown of what
 * failed), never once it is over. A signal from the backend asks at once.
 */
export const POLL_INTERVALS = { working: 2_000, waiting: 10_000 };

/** The backend's page size for events: a full page means there is more to read now. */
const EVENTS_PAGE = 500;

export type LiveEvents = {
  events: EnvironmentEvent[];
  /** The environment's status as of the last poll. */
  status?: EnvironmentStatus;
  /** The last poll failed; polling goes on. */
  error?: Error;
  loaded: boolean;
  /** Ask for new lines now (after an action on the page). */
  refresh: () => void;
};

export function pollDelay(status: EnvironmentStatus): number | undefined {
  if (isEnded(status)) return undefined;
  return IN_PROGRESS_STATUSES.includes(status)
    ? POLL_INTERVALS.working
    : POLL_INTERVALS.waiting;
}

/** Follows an environment's log with `?after=<last id>`, appending what is new. */
export function useLiveEvents(environmentId: string): LiveEvents {
  const api = useApi(environmentsApiRef);
  const { lastSignal } = useSignal(`environments:${environmentId}`);
  const [state, setState] = useState<Omit<LiveEvents, 'refresh'>>({
    events: [],
    loaded: false,
  });
  const wake = useRef<() => void>();

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let after = 0;
    let running = false;
    let again = false;
    setState({ events: [], loaded: false });

    const schedule = (delay: number | undefined) => {
      if (timer) clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/no-use-before-define
      timer = delay === undefined ? undefined : setTimeout(poll, delay);
    };

    async function poll() {
      if (running) {
        again = true;
        return;
      }
      running = true;
      let next: number | undefined;
      try {
        const response = await api.getEvents(environmentId, after);
        if (stopped) return;
        const fresh = response.events.filter(e => e.id > after);
        if (fresh.length > 0) after = fresh[fresh.length - 1].id;
        setState(previous => ({
          events:
            fresh.length > 0 ? [...previous.events, ...fresh] : previous.events,
          status: response.status,
          loaded: true,
        }));
        next =
          response.events.length >= EVENTS_PAGE
            ? 0
            : pollDelay(response.status);
      } catch (error) {
        if (stopped) return;
        setState(previous => ({
          ...previous,
          error: error instanceof Error ? error : new Error(String(error)),
          loaded: true,
        }));
        next = POLL_INTERVALS.waiting;
      } finally {
        running = false;
      }
      if (again) {
        again = false;
        next = 0;
      }
      schedule(next);
    }

    wake.current = () => schedule(0);
    poll();
    return () => {
      stopped = true;
      schedule(undefined);
      wake.current = undefined;
    };
  }, [api, environmentId]);

  useEffect(() => {
    if (lastSignal) wake.current?.();
  }, [lastSignal]);

  const refresh = useCallback(() => wake.current?.(), []);
  return { ...state, refresh };
}
