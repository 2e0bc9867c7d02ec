import { createApiRef } from '@backstage/frontend-plugin-api';
import { OwnershipClient } from '@internal/plugin-ownership-common';

export type OwnershipApi = Pick<
  OwnershipClient,
  'listEntities' | 'listTeams' | 'exportCsv'
>;

export const ownershipApiRef = createApiRef<OwnershipApi>({
  id: 'plugin.ownership.api',
});
