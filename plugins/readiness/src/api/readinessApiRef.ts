import { createApiRef } from '@backstage/frontend-plugin-api';
import { ReadinessClient } from '@internal/plugin-readiness-common';

export type ReadinessApi = Pick<
  ReadinessClient,
  | 'getScorecard'
  | 'getHistory'
  | 'getOverview'
  | 'getRollups'
  | 'overviewCsvUrl'
>;

export const readinessApiRef = createApiRef<ReadinessApi>({
  id: 'plugin.readiness.api',
});
