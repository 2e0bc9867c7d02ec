import { useApi } from '@backstage/frontend-plugin-api';
import {
  OverviewQuery,
  OverviewResponse,
  Rollup,
} from '@internal/plugin-readiness-common';
import { readinessApiRef } from '../../api/readinessApiRef';
import { useAsync } from '@internal/frontend-common';

/** One page of the heatmap for the query. */
export function useOverview(query: OverviewQuery) {
  const api = useApi(readinessApiRef);
  return useAsync<OverviewResponse>(
    () => api.getOverview(query),
    JSON.stringify(query),
  );
}

/** The whole organisation's rollup: where the constraint is. */
export function useOrganisationRollup() {
  const api = useApi(readinessApiRef);
  return useAsync<Rollup | undefined>(
    async () => (await api.getRollups({ groupBy: 'none' })).rollups[0],
    'organisation',
  );
}

/** The owners that have scored entities, for the owner filter. */
export function useOwners() {
  const api = useApi(readinessApiRef);
  return useAsync<string[]>(async () => {
    const { rollups } = await api.getRollups({ groupBy: 'owner' });
    return rollups
      .flatMap(r => (r.owner ? [r.owner] : []))
      .sort((a, b) => a.localeCompare(b));
  }, 'owners');
}
