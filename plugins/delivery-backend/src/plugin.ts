import { Ownership } from '@internal/backend-common';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { deliveryPermissions } from '@internal/plugin-delivery-common';
import {
  DeployDriver,
  DeployGate,
  deliveryDeployDriversExtensionPoint,
  deliveryDeployGatesExtensionPoint,
} from '@internal/plugin-delivery-node';
import { registerDeliveryActions } from './actions/registerDeliveryActions';
import { DatabaseDeploymentStore } from './database/DatabaseDeploymentStore';
import { DatabaseIngestStore } from './database/DatabaseIngestStore';
import { GroupCommitIngestStore } from './database/GroupCommitIngestStore';
import { DatabaseMetricsStore } from './database/DatabaseMetricsStore';
import { DatabaseServiceStateStore } from './database/DatabaseServiceStateStore';
import { DatabaseTimelineStore } from './database/DatabaseTimelineStore';
import { applyDatabaseMigrations } from './database/migrations';
import { WebhookDeployDriver } from './drivers/WebhookDeployDriver';
import { createRouter } from './service/createRouter';
import { AuthorizedDeliveryService } from './services/AuthorizedDeliveryService';
import { DeployService } from './services/DeployService';
import { IngestService } from './services/IngestService';
import { MetricsService } from './services/MetricsService';
import { MetricsTimeline } from './services/MetricsTimeline';
import { ServiceEnvironments } from './services/ServiceEnvironments';
import { ReadinessLevelGate } from './services/ReadinessLevelGate';
import { ServiceCatalog } from './services/ServiceCatalog';
import { readSettings } from './services/settings';

/** Delivery events, DORA and flow metrics, and self-service deploys at /api/delivery. */
export const deliveryPlugin = createBackendPlugin({
  pluginId: 'delivery',
  register(env) {
    const drivers = new Map<string, DeployDriver>();
    const gates: DeployGate[] = [];
    env.registerExtensionPoint(deliveryDeployDriversExtensionPoint, {
      addDeployDriver: (...added) => {
        for (const d of added) {
          if (drivers.has(d.id))
            throw new Error(`A deploy driver "${d.id}" is already registered`);
          drivers.set(d.id, d);
        }
      },
    });
    env.registerExtensionPoint(deliveryDeployGatesExtensionPoint, {
      addDeployGate: (...added) => gates.push(...added),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auditor: coreServices.auditor,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger } = deps;
        const settings = readSettings(config);
        const knex = await deps.database.getClient();
        if (!deps.database.migrations?.skip)
          await applyDatabaseMigrations(knex);

        const webhook = config.getOptionalConfig('delivery.drivers.webhook');
        if (webhook && !drivers.has('webhook'))
          drivers.set(
            'webhook',
            new WebhookDeployDriver({
              url: webhook.getString('url'),
              secret: webhook.getString('secret'),
              timeoutMs:
                (webhook.getOptionalNumber('timeoutSeconds') ?? 30) * 1000,
            }),
          );
        for (const e of settings.environments) {
          if (!drivers.has(e.driver))
            logger.warn(
              `Delivery environment ${e.name} uses deploy driver "${e.driver}", which is not installed; its deploys will fail`,
            );
        }
        // Modules' gates replace the configured default.
        if (gates.length === 0 && settings.readinessGate)
          gates.push(
            new ReadinessLevelGate({
              discovery: deps.discovery,
              auth: deps.auth,
              ...settings.readinessGate,
            }),
          );

        const catalog = new ServiceCatalog(deps.catalog, deps.auth);
        const ownership = Ownership.fromConfig(config, deps.userInfo);
        const platformTeam = ownership.platformTeam;
        const deploys = new DeployService({
          store: new DatabaseDeploymentStore(knex),
          services: catalog,
          settings,
          platformTeam,
          drivers,
          gates,
          callbackBaseUrl: () => deps.discovery.getExternalBaseUrl('delivery'),
          logger,
        });
        const metrics = new MetricsService(
          new DatabaseMetricsStore(knex),
          catalog,
          settings.tiers,
          settings.stageMinimumSample,
        );
        const service = new AuthorizedDeliveryService(
          new IngestService(
            // Deliveries arriving together are written in one transaction (a group commit).
            new GroupCommitIngestStore(
              new DatabaseIngestStore(knex, {
                attributionHours: settings.incidentAttributionHours,
              }),
            ),
            catalog,
            settings,
          ),
          metrics,
          deploys,
          deps.permissions,
          {
            timeline: new MetricsTimeline(
              new DatabaseTimelineStore(knex),
              metrics,
            ),
            environments: new ServiceEnvironments({
              store: new DatabaseServiceStateStore(knex),
              services: catalog,
              settings,
              platformTeam,
            }),
          },
          ownership,
        );
        deps.permissionsRegistry.addPermissions(deliveryPermissions);

        // Once across replicas: queued deploys a stopped backend did not start, and running ones
        // whose driver went quiet.
        await deps.scheduler.scheduleTask({
          id: 'delivery-resume-deploys',
          frequency: {
            minutes:
              config.getOptionalNumber('delivery.resumeIntervalMinutes') ?? 1,
          },
          // A replica killed inside it holds the task until the timeout: keep it short.
          timeout: { minutes: 2 },
          initialDelay: { seconds: 30 },
          fn: async () => {
            const resumed = await deploys.resumeQueued();
            if (resumed)
              logger.info(`Delivery resumed ${resumed} queued deploys`);
            const rerun = await deploys.resumeRunning();
            if (rerun)
              logger.info(
                `Delivery ran again ${rerun} deploys whose backend stopped inside the driver`,
              );
            const failed = await deploys.failStalled();
            if (failed)
              logger.warn(
                `Delivery failed ${failed} running deploys whose driver said nothing for ${settings.deployTimeoutMinutes} minutes`,
              );
          },
        });

        deps.httpRouter.use(
          createRouter({
            service,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            webhookSecrets: settings.webhookSecrets,
            junitMaxBytes: settings.junitMaxBytes,
            webhookTokens: settings.webhookTokens,
          }),
        );
        // Signed by HMAC instead of a Backstage token.
        deps.httpRouter.addAuthPolicy({
          path: '/webhooks',
          allow: 'unauthenticated',
        });
        deps.httpRouter.addAuthPolicy({
          path: '/deploys/:id/callback',
          allow: 'unauthenticated',
        });
        registerDeliveryActions(deps.actionsRegistry, service);
      },
    });
  },
});
