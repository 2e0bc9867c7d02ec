import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { deliveryPermissions } from '@internal/plugin-delivery-common';
import { DatabaseIngestStore } from './database/DatabaseIngestStore';
import { DatabaseMetricsStore } from './database/DatabaseMetricsStore';
import { applyDatabaseMigrations } from './database/migrations';
import { createRouter } from './service/createRouter';
import { AuthorizedDeliveryService } from './services/AuthorizedDeliveryService';
import { IngestService } from './services/IngestService';
import { MetricsService } from './services/MetricsService';
import { ServiceCatalog } from './services/ServiceCatalog';
import { readSettings } from './services/settings';

/** Delivery events, DORA and flow metrics, and self-service deploys at /api/delivery. */
export const deliveryPlugin = createBackendPlugin({
  pluginId: 'delivery',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auditor: coreServices.auditor,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const settings = readSettings(deps.config);
        const knex = await deps.database.getClient();
        if (!deps.database.migrations?.skip)
          await applyDatabaseMigrations(knex);

        const catalog = new ServiceCatalog(deps.catalog, deps.auth);
        const service = new AuthorizedDeliveryService(
          new IngestService(new DatabaseIngestStore(knex), catalog, settings),
          new MetricsService(
            new DatabaseMetricsStore(knex),
            catalog,
            settings.tiers,
          ),
          deps.permissions,
        );
        deps.permissionsRegistry.addPermissions(deliveryPermissions);

        deps.httpRouter.use(
          createRouter({
            service,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            webhookSecrets: settings.webhookSecrets,
          }),
        );
        // Signed by HMAC instead of a Backstage token.
        deps.httpRouter.addAuthPolicy({
          path: '/webhooks',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
