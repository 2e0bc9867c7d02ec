import { useEffect, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  DeploymentLogEvent,
  DeploymentStatus,
} from '@internal/plugin-delivery-common';
import { deliveryApiRef } from '../../api/deliveryApiRef';
import { isActive } from '../shared/format';

/** Follows a deploy's live log with `?after=<last id>` every 1.5 s until the deploy ends. */
export function useDeployLog(deploymentId: string, status: DeploymentStatus) {
  const api = useApi(deliveryApiRef);
  const [events, setEvents] = useState<DeploymentLogEvent[]>([]);
  const [error, setError] = useState<Error>();
  const active = isActive(status);

  useEffect(() => {
    setEvents([]);
    setError(undefined);
  }, [deploymentId]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let after = 0;
    async function poll() {
      try {
        const response = await api.getDeploymentEvents(deploymentId, after);
        if (stopped) return;
        const fresh = response.events.filter(e => e.id > after);
        if (fresh.length) {
          after = fresh[fresh.length - 1].id;
          setEvents(previous => [
            ...previous.filter(e => e.id < fresh[0].id),
            ...fresh,
          ]);
        }
        setError(undefined);
      } catch (e) {
        if (!stopped) setError(e instanceof Error ? e : new Error(String(e)));
      }
      // One more read after the deploy ended picks up its last lines.
      if (!stopped && active) timer = setTimeout(poll, 1_500);
    }
    poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, deploymentId, active]);

  return { events, error };
}
