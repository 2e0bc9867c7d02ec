import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Deployment,
  KnownVersion,
  ServiceEnvironmentsResponse,
} from '@internal/plugin-delivery-common';
import { deliveryApiRef } from '../../api/deliveryApiRef';
import { isActive } from '../shared/format';

/** Every 2 s while a deploy is waiting, queued or running; every 15 s otherwise. */
export const POLL = { active: 2_000, idle: 15_000 };

export type ServiceDelivery = {
  environments?: ServiceEnvironmentsResponse;
  deployments: Deployment[];
  versions: KnownVersion[];
  /** The first load failed (later failures keep what was shown and set `stale`). */
  error?: Error;
  stale?: Error;
  loaded: boolean;
  /** Read again now (after an action). */
  refresh: () => void;
};

/** A service's environments, deploy history and known versions, kept current by polling. */
export function useServiceDelivery(service: string): ServiceDelivery {
  const api = useApi(deliveryApiRef);
  const [state, setState] = useState<Omit<ServiceDelivery, 'refresh'>>({
    deployments: [],
    versions: [],
    loaded: false,
  });
  const wake = useRef<() => void>();

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (delay: number) => {
      if (timer) clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/no-use-before-define
      timer = setTimeout(load, delay);
    };
    async function load() {
      let delay = POLL.idle;
      try {
        const [environments, history, known] = await Promise.all([
          api.getServiceEnvironments(service),
          api.listDeployments({ service, limit: 25 }),
          api.listVersions(service, 20),
        ]);
        if (stopped) return;
        setState({
          environments,
          deployments: history.deployments,
          versions: known.versions,
          loaded: true,
        });
        if (history.deployments.some(d => isActive(d.status)))
          delay = POLL.active;
      } catch (error) {
        if (stopped) return;
        const e = error instanceof Error ? error : new Error(String(error));
        setState(previous =>
          previous.loaded
            ? { ...previous, stale: e }
            : { ...previous, error: e, loaded: true },
        );
      }
      schedule(delay);
    }
    wake.current = () => schedule(0);
    load();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake.current = undefined;
    };
  }, [api, service]);

  const refresh = useCallback(() => wake.current?.(), []);
  return { ...state, refresh };
}
