import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { useAsync } from '@internal/frontend-common';

export type GroupOption = { id: string; label: string };

/** The catalog's groups, for the owner filter. */
export function useGroups() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync<GroupOption[]>(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(entity => {
        const profile = (entity.spec?.profile ?? {}) as {
          displayName?: string;
        };
        return {
          id: stringifyEntityRef(entity),
          label:
            profile.displayName ??
            entity.metadata.title ??
            entity.metadata.name,
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  }, 'groups');
}
