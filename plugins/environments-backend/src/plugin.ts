import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { isResourcePermission } from '@backstage/plugin-permission-common';
import { Ownership } from '@internal/backend-common';
import {
  ENVIRONMENT_RESOURCE_TYPE,
  environmentsPermissions,
} from '@internal/plugin-environments-common';
import {
  environmentsDriversExtensionPoint,
  ResourceDriver,
} from '@internal/plugin-environments-node';
import { registerEnvironmentsActions } from './actions/registerEnvironmentsActions';
import { ClassRegistry } from './classes/ClassRegistry';
import { DatabaseEnvironmentStore } from './database/DatabaseEnvironmentStore';
import { DatabaseEventStore } from './database/DatabaseEventStore';
import { applyDatabaseMigrations } from './database/migrations';
import { ConfigDriver } from './drivers/ConfigDriver';
import { SecretBox } from './lib/SecretBox';
import { createRouter } from './service/createRouter';
import { AuthorizedEnvironmentsService } from './services/AuthorizedEnvironmentsService';
import {
  environmentResourceRef,
  environmentRules,
} from './permissions/environmentRules';
import { EnvironmentReaper } from './services/EnvironmentReaper';
import { EnvironmentsService } from './services/EnvironmentsService';
import { ProvisioningEngine } from './services/ProvisioningEngine';

/** Environments at /api/environments: classes, the provisioning lifecycle, expiry, quotas. */
export const environmentsPlugin = createBackendPlugin({
  pluginId: 'environments',
  register(env) {
    const drivers = new Map<string, ResourceDriver>();
    const addDriver = (driver: ResourceDriver) => {
      if (drivers.has(driver.type)) {
        throw new Error(
          `A second driver for resource type "${driver.type}" was registered`,
        );
      }
      drivers.set(driver.type, driver);
    };
    addDriver(new ConfigDriver());
    env.registerExtensionPoint(environmentsDriversExtensionPoint, {
      addDriver: (...added) => added.forEach(addDriver),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auditor: coreServices.auditor,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        notifications: notificationService,
        signals: signalsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger } = deps;
        const key = config.getOptionalString('environments.encryptionKey');
        if (!key) {
          throw new Error(
            'environments.encryptionKey is required: it encrypts driver state and secrets at rest (set ENVIRONMENTS_ENCRYPTION_KEY in production)',
          );
        }
        const box = new SecretBox(key);
        const knex = await deps.database.getClient();
        if (!deps.database.migrations?.skip) {
          await applyDatabaseMigrations(knex);
        }

        const classes = new ClassRegistry({
          configured: () =>
            (config.getOptionalConfigArray('environments.classes') ?? []).map(
              c => c.get(),
            ),
          files: () =>
            config.getOptionalStringArray('environments.classFiles') ?? [],
          drivers,
          logger,
        });
        classes.reload();

        // Followers of an environment's page hear that something changed, then poll events.
        const onChange = (environmentId: string) => {
          deps.signals
            .publish({
              recipients: { type: 'broadcast' },
              channel: `environments:${environmentId}`,
              message: { environmentId },
            })
            .catch(() => undefined);
        };
        const store = new DatabaseEnvironmentStore(knex);
        const events = new DatabaseEventStore(knex);
        const engine = new ProvisioningEngine({
          store,
          events,
          drivers,
          box,
          logger,
          onChange,
        });
        deps.lifecycle.addShutdownHook(() => engine.stop());
        const domain = new EnvironmentsService({
          classes,
          drivers,
          store,
          events,
          engine,
          onChange,
        });
        const service = new AuthorizedEnvironmentsService(
          domain,
          deps.permissions,
          Ownership.fromConfig(config, deps.userInfo),
          box,
        );
        deps.permissionsRegistry.addPermissions(
          environmentsPermissions.filter(p => !isResourcePermission(p)),
        );
        // Lets a policy decide by ownership (IS_ENVIRONMENT_OWNER), per environment or per list.
        deps.permissionsRegistry.addResourceType({
          resourceRef: environmentResourceRef,
          permissions: environmentsPermissions.filter(p =>
            isResourcePermission(p, ENVIRONMENT_RESOURCE_TYPE),
          ),
          rules: environmentRules,
          getResources: ids => Promise.all(ids.map(id => store.get(id))),
        });
        const reaper = new EnvironmentReaper({
          store,
          events,
          engine,
          notifications: deps.notifications,
          logger,
          onChange,
          noticeHours: config.getOptionalNumber(
            'environments.expiryNoticeHours',
          ),
        });

        // Each runs once across replicas. Resuming picks up environments whose worker stopped
        // (a killed backend) once its lease has run out, starting soon after start-up.
        await deps.scheduler.scheduleTask({
          id: 'environments-resume-unfinished',
          frequency: {
            seconds:
              config.getOptionalNumber('environments.resumeIntervalSeconds') ??
              30,
          },
          initialDelay: { seconds: 3 },
          // It only takes environments on (they run in the background under their own
          // leases): a replica killed inside it must not hold the task for long.
          timeout: { minutes: 1 },
          fn: async () => {
            const resumed = await engine.resumeUnfinished();
            if (resumed > 0) logger.info(`Resumed ${resumed} environments`);
          },
        });
        await deps.scheduler.scheduleTask({
          id: 'environments-reaper',
          frequency: {
            minutes:
              config.getOptionalNumber('environments.reaperIntervalMinutes') ??
              5,
          },
          initialDelay: { seconds: 30 },
          timeout: { minutes: 30 },
          fn: async () => {
            const notified = await reaper.notifyExpiring();
            const reaped = await reaper.reap();
            if (notified + reaped > 0) {
              logger.info(
                `Environments: ${notified} expiry notices sent, ${reaped} expired environments torn down`,
              );
            }
          },
        });

        deps.httpRouter.use(
          createRouter({
            service,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );
        registerEnvironmentsActions(deps.actionsRegistry, service);
      },
    });
  },
});
