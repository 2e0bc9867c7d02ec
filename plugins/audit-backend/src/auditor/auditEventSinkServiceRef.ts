import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { readAuditConfig } from '../auditConfig';
import { AuditEventSink } from './AuditEventSink';

/**
 * One sink per backend, shared by every plugin's auditor (which records into it) and the audit
 * plugin (which attaches its database to it). The audit plugin keeps owning its database
 * through coreServices.database; the auditors never open it.
 */
export const auditEventSinkServiceRef = createServiceRef<AuditEventSink>({
  id: 'runway.audit.sink',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
      },
      factory: ({ config, logger }) =>
        new AuditEventSink({
          logger: logger.child({ plugin: 'audit' }),
          minimumSeverity: readAuditConfig(config).minimumSeverity,
        }),
    }),
});
