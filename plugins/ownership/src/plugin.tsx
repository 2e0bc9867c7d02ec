import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import {
  isOwnedKind,
  OWNERSHIP_STATUS_TYPE,
  OwnershipClient,
} from '@internal/plugin-ownership-common';
import { RiTeamLine } from '@remixicon/react';
import { ownershipApiRef } from './api/ownershipApiRef';
import { rootRouteRef } from './routes';

const ownershipApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: ownershipApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new OwnershipClient({ discoveryApi, fetchApi }),
    }),
});

/** Teams and what they own; orphaned services, teams of one, on-call gaps; CSV. */
const ownershipPage = PageBlueprint.make({
  params: {
    path: '/ownership',
    title: 'Ownership',
    // With an icon and a route ref the page is listed in the sidebar (nav.rest in packages/app).
    icon: <RiTeamLine size={24} />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/OwnershipPage').then(m => <m.OwnershipPage />),
  },
});

/** On an owned entity's overview: the catalog module's ownership findings, with how to fix. */
const entityOwnershipCard = EntityCardBlueprint.make({
  name: 'ownership-problems',
  params: {
    // Only where there is something to fix: a clean entity's overview stays as it was.
    filter: (entity: Entity) =>
      isOwnedKind(entity) &&
      ((entity as AlphaEntity).status?.items ?? []).some(
        i => i.type === OWNERSHIP_STATUS_TYPE,
      ),
    loader: () =>
      import('./components/EntityOwnershipCard').then(m => (
        <m.EntityOwnershipCard />
      )),
  },
});

export const ownershipPlugin = createFrontendPlugin({
  pluginId: 'ownership',
  routes: { root: rootRouteRef },
  extensions: [ownershipApi, ownershipPage, entityOwnershipCard],
});
