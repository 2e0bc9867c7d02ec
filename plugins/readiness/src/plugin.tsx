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
import { ReadinessClient } from '@internal/plugin-readiness-common';
import { RiMedalLine } from '@remixicon/react';
import { readinessApiRef } from './api/readinessApiRef';
import { rootRouteRef } from './routes';

const SCORED_KINDS = ['component', 'api', 'resource', 'system'];

const readinessApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: readinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReadinessClient({ discoveryApi, fetchApi }),
    }),
});

/** The "Readiness" tab on every scored entity: six capabilities, checks, how to fix, trend. */
const entityReadinessContent = EntityContentBlueprint.make({
  params: {
    path: 'readiness',
    title: 'Readiness',
    filter: (entity: Entity) =>
      SCORED_KINDS.includes(entity.kind.toLocaleLowerCase()),
    loader: () =>
      import('./components/EntityReadinessContent').then(m => (
        <m.EntityReadinessContent />
      )),
  },
});

/** On a team's page: the team's rollup and its weakest capability. */
const teamReadinessCard = EntityCardBlueprint.make({
  name: 'team-readiness',
  params: {
    filter: (entity: Entity) => entity.kind.toLocaleLowerCase() === 'group',
    loader: () =>
      import('./components/TeamReadinessCard').then(m => (
        <m.TeamReadinessCard />
      )),
  },
});

/** The organisation's heatmap of services x capabilities, with the constraint called out. */
const readinessOverviewPage = PageBlueprint.make({
  params: {
    path: '/readiness',
    title: 'Readiness',
    // With an icon and a route ref the page is listed in the sidebar.
    icon: <RiMedalLine size={24} />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ReadinessOverviewPage').then(m => (
        <m.ReadinessOverviewPage />
      )),
  },
});

export const readinessPlugin = createFrontendPlugin({
  pluginId: 'readiness',
  routes: { root: rootRouteRef },
  extensions: [
    readinessApi,
    entityReadinessContent,
    teamReadinessCard,
    readinessOverviewPage,
  ],
});
