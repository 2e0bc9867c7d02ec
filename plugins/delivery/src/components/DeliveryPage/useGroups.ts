import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { useAsync } from '@internal/frontend-common';

/** The catalog's groups for the team selector, by display name. */
export function useGroups() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
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
      .map(entity => ({
        id: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        label:
          (entity.spec?.profile as { displayName?: string } | undefined)
            ?.displayName ??
          entity.metadata.title ??
          entity.metadata.name,
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, 'groups');
}
