import { useApi } from '@backstage/frontend-plugin-api';
import { Rollup } from '@internal/plugin-readiness-common';
import { readinessApiRef } from '../../api/readinessApiRef';
import { useAsync } from '@internal/frontend-common';

/** The rollup of everything the group owns; undefined when it owns nothing scored. */
export function useTeamRollup(ownerRef: string) {
  const api = useApi(readinessApiRef);
  return useAsync<Rollup | undefined>(async () => {
    const { rollups } = await api.getRollups({
      groupBy: 'owner',
      owner: [ownerRef],
    });
    return rollups.find(r => r.owner === ownerRef) ?? rollups[0];
  }, ownerRef);
}
