import {
  AuditorService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  AuditorEvent,
  DefaultAuditorService,
} from '@backstage/backend-defaults/auditor';
import { JsonObject } from '@backstage/types';
import { randomUUID } from 'node:crypto';
import { auditEventRecord } from './auditEventRecord';
import { auditEventSinkServiceRef } from './auditEventSinkServiceRef';
import { severityLogLevels } from './severityLogLevels';

/**
 * Replaces Backstage's auditor for every plugin: events are logged exactly as the default
 * auditor logs them (same shape, same severity-to-level mapping) and also recorded in the
 * audit trail. Each createEvent gets its own DefaultAuditorService whose log function knows
 * the occurrence's id, so the initiated and the final event land on one row.
 */
export const auditorServiceFactory = createServiceFactory({
  service: coreServices.auditor,
  deps: {
    config: coreServices.rootConfig,
    logger: coreServices.logger,
    auth: coreServices.auth,
    httpAuth: coreServices.httpAuth,
    plugin: coreServices.pluginMetadata,
    sink: auditEventSinkServiceRef,
  },
  factory({ config, logger, auth, httpAuth, plugin, sink }): AuditorService {
    const auditLogger = logger.child({ isAuditEvent: true });
    const levels = severityLogLevels(config);

    const log = (event: AuditorEvent) => {
      const message = `${event.plugin}.${event.eventId}`;
      const level = levels[event.severityLevel];
      if ('error' in event) {
        const { error, ...rest } = event;
        auditLogger.child(rest as JsonObject)[level](message, error);
      } else {
        auditLogger[level](message, event as unknown as JsonObject);
      }
    };

    return {
      createEvent(options) {
        const id = randomUUID();
        return DefaultAuditorService.create(
          event => {
            log(event);
            try {
              sink.record(auditEventRecord(id, event, new Date()));
            } catch (error) {
              // The trail must never fail the audited action.
              logger.error(`Audit event not recorded: ${error}`);
            }
          },
          { auth, httpAuth, plugin },
        ).createEvent(options);
      },
    };
  },
});
