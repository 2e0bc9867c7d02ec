import { useRouteRef } from '@backstage/frontend-plugin-api';
import { environmentRouteRef, fleetRouteRef, rootRouteRef } from '../../routes';

/** Paths to the plugin's pages, wherever the app mounted them (undefined when it did not). */
export function useEnvironmentLinks() {
  const root = useRouteRef(rootRouteRef);
  const environment = useRouteRef(environmentRouteRef);
  const fleet = useRouteRef(fleetRouteRef);
  return {
    list: root?.(),
    fleet: fleet?.(),
    environment: (id: string) => environment?.({ id }),
  };
}
