import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ownershipPermissions } from '@internal/plugin-ownership-common';
import { createRouter } from './service/createRouter';
import { AuthorizedOwnershipService } from './services/AuthorizedOwnershipService';
import { OwnershipService } from './services/OwnershipService';
import { HttpOwnershipSources } from './services/sources';

/** The ownership report at /api/ownership (docs/ownership.md). No tables: it reads other APIs. */
export const ownershipPlugin = createBackendPlugin({
  pluginId: 'ownership',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(ownershipPermissions);
        const service = new AuthorizedOwnershipService(
          new OwnershipService(
            new HttpOwnershipSources({
              catalog: deps.catalog,
              auth: deps.auth,
              discovery: deps.discovery,
            }),
            deps.logger,
          ),
          deps.permissions,
        );
        deps.httpRouter.use(createRouter({ service, httpAuth: deps.httpAuth }));
      },
    });
  },
});
