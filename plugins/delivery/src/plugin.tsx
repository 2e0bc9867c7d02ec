import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { DeliveryClient } from '@internal/plugin-delivery-common';
import { RiRocket2Line } from '@remixicon/react';
import { deliveryApiRef } from './api/deliveryApiRef';
import { rootRouteRef } from './routes';

const deliveryApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: deliveryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DeliveryClient({ discoveryApi, fetchApi }),
    }),
});

/** The "Delivery" tab on a component: environments, deploy / promote / roll back, history, DORA. */
const entityDeliveryContent = EntityContentBlueprint.make({
  params: {
    path: 'delivery',
    title: 'Delivery',
    filter: (entity: Entity) => entity.kind.toLocaleLowerCase() === 'component',
    loader: () =>
      import('./components/EntityDeliveryContent').then(m => (
        <m.EntityDeliveryContent />
      )),
  },
});

/** On a team's page: the team's DORA tiles and where its changes wait longest. */
const teamDeliveryCard = EntityCardBlueprint.make({
  name: 'team-delivery',
  params: {
    filter: (entity: Entity) => entity.kind.toLocaleLowerCase() === 'group',
    loader: () =>
      import('./components/TeamDeliveryCard').then(m => <m.TeamDeliveryCard />),
  },
});

/** The organisation's delivery dashboard, and any team's. */
const deliveryPage = PageBlueprint.make({
  params: {
    path: '/delivery',
    title: 'Delivery',
    icon: <RiRocket2Line size={24} />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/DeliveryPage').then(m => <m.DeliveryPage />),
  },
});

export const deliveryPlugin = createFrontendPlugin({
  pluginId: 'delivery',
  routes: { root: rootRouteRef },
  extensions: [
    deliveryApi,
    entityDeliveryContent,
    teamDeliveryCard,
    deliveryPage,
  ],
});
