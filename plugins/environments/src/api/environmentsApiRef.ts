import { createApiRef } from '@backstage/frontend-plugin-api';
import { EnvironmentsClient } from '@internal/plugin-environments-common';

/** What the portal pages call; creating environments goes through the scaffolder template. */
export type EnvironmentsApi = Pick<
  EnvironmentsClient,
  | 'listEnvironments'
  | 'getEnvironment'
  | 'extendEnvironment'
  | 'teardownEnvironment'
  | 'approveEnvironment'
  | 'rejectEnvironment'
  | 'getEvents'
  | 'getEnvironmentAudit'
  | 'getTeamAudit'
  | 'listClasses'
  | 'getUsage'
>;

export const environmentsApiRef = createApiRef<EnvironmentsApi>({
  id: 'plugin.environments.api',
});
