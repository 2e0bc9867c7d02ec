import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { auditPermissions } from '@internal/plugin-audit-common';
import { readAuditConfig } from './auditConfig';
import { auditEventSinkServiceRef } from './auditor/auditEventSinkServiceRef';
import { DatabaseAuditEventStore } from './database/DatabaseAuditEventStore';
import { applyDatabaseMigrations } from './database/migrations';
import { createRouter } from './service/createRouter';
import { AuthorizedAuditTrail } from './services/AuthorizedAuditTrail';

/**
 * The audit trail at /api/audit. It owns the audit tables; the events come from every plugin's
 * auditor (see auditorServiceFactory) through the shared sink.
 */
export const auditPlugin = createBackendPlugin({
  pluginId: 'audit',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        sink: auditEventSinkServiceRef,
      },
      async init(deps) {
        const { retentionDays } = readAuditConfig(deps.config);
        const knex = await deps.database.getClient();
        if (!deps.database.migrations?.skip)
          await applyDatabaseMigrations(knex);

        const store = new DatabaseAuditEventStore(knex);
        deps.sink.attach(store);
        // Plugins stop before the database closes: write what is still queued.
        deps.lifecycle.addShutdownHook(() => deps.sink.flush());

        // Once across replicas.
        await deps.scheduler.scheduleTask({
          id: 'audit-retention',
          frequency: { hours: 24 },
          timeout: { minutes: 30 },
          initialDelay: { minutes: 5 },
          fn: async () => {
            const cutoff = new Date(Date.now() - retentionDays * 86400_000);
            const removed = await store.deleteOlderThan(cutoff);
            deps.logger.info(
              `Deleted ${removed} audit events older than ${retentionDays} days`,
            );
          },
        });

        deps.permissionsRegistry.addPermissions(auditPermissions);
        deps.httpRouter.use(
          createRouter({
            trail: new AuthorizedAuditTrail(store, deps.permissions),
            httpAuth: deps.httpAuth,
          }),
        );
      },
    });
  },
});
