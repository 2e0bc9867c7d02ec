import { useApi } from '@backstage/frontend-plugin-api';
import {
  ACTIVE_ENVIRONMENT_STATUSES,
  EnvironmentSummary,
  ListEnvironmentsResponse,
} from '@internal/plugin-environments-common';
import { environmentsApiRef } from '../../api/environmentsApiRef';
import { EXTENDABLE_STATUSES } from '../shared/presentation';
import { DAY_MS } from '../shared/time';
import { useAsync } from '@internal/frontend-common';

/** The list endpoint's largest page. */
const MAX_PAGE = 500;
/** Team counts read at most this many active environments (the API has no per-team usage). */
export const TEAM_COUNT_LIMIT = 2_000;

export type ActiveFleet = {
  items: EnvironmentSummary[];
  totalCount: number;
};

/** Everything the fleet view shows; `generation` changes after an approval or rejection. */
export function useFleet(generation: number) {
  const api = useApi(environmentsApiRef);
  const key = String(generation);
  const awaiting = useAsync<ListEnvironmentsResponse>(
    () =>
      api.listEnvironments({
        scope: 'all',
        status: 'awaiting-approval',
        limit: 100,
      }),
    key,
  );
  const failed = useAsync<ListEnvironmentsResponse>(
    () => api.listEnvironments({ scope: 'all', status: 'failed', limit: 100 }),
    key,
  );
  const expiring = useAsync<ListEnvironmentsResponse>(
    () =>
      api.listEnvironments({
        scope: 'all',
        status: [...EXTENDABLE_STATUSES],
        expiringBefore: new Date(Date.now() + DAY_MS).toISOString(),
        limit: 100,
      }),
    key,
  );
  const active = useAsync<ActiveFleet>(async () => {
    const items: EnvironmentSummary[] = [];
    let totalCount = 0;
    do {
      const page = await api.listEnvironments({
        scope: 'all',
        status: [...ACTIVE_ENVIRONMENT_STATUSES],
        limit: MAX_PAGE,
        offset: items.length,
      });
      totalCount = page.totalCount;
      items.push(...page.items);
      if (page.items.length === 0) break;
    } while (items.length < Math.min(totalCount, TEAM_COUNT_LIMIT));
    return { items, totalCount };
  }, key);
  const classes = useAsync(() => api.listClasses(), key);
  const usage = useAsync(() => api.getUsage(), key);

  // The API has no "who am I"; an environment's record says whether the reader may approve.
  const firstAwaiting = awaiting.value?.items[0]?.id;
  const viewer = useAsync(
    async () =>
      firstAwaiting
        ? (await api.getEnvironment(firstAwaiting)).viewer
        : undefined,
    firstAwaiting ?? '',
  );

  return { awaiting, failed, expiring, active, classes, usage, viewer };
}
