import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { AuditClient } from '@internal/plugin-audit-common';
import { auditApiRef } from './api/auditApiRef';
import { AuditNavIcon } from './components/AuditNavIcon';
import { rootRouteRef } from './routes';

const auditApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: auditApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AuditClient({ discoveryApi, fetchApi }),
    }),
});

/** Every plugin's audited actions, for the platform team. */
const auditPage = PageBlueprint.make({
  params: {
    path: '/audit',
    title: 'Audit trail',
    // The icon turns into a lock, titled "For the platform team", for everyone else.
    icon: <AuditNavIcon />,
    routeRef: rootRouteRef,
    loader: () => import('./components/AuditPage').then(m => <m.AuditPage />),
  },
});

export const auditPlugin = createFrontendPlugin({
  pluginId: 'audit',
  routes: { root: rootRouteRef },
  extensions: [auditApi, auditPage],
});
