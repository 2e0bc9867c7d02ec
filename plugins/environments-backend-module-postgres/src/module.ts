import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { environmentsDriversExtensionPoint } from '@internal/plugin-environments-node';
import { CONFIG_KEY, readPostgresDriverConfig } from './config';
import { PostgresDriver } from './PostgresDriver';

/** Adds the `postgres` resource driver to the environments backend when it is configured. */
export const environmentsModulePostgresDriver = createBackendModule({
  pluginId: 'environments',
  moduleId: 'postgres-driver',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        drivers: environmentsDriversExtensionPoint,
      },
      async init({ config, logger, drivers }) {
        const driverConfig = readPostgresDriverConfig(config);
        if (!driverConfig) {
          logger.info(
            `The postgres environment driver is unavailable: ${CONFIG_KEY} is not configured`,
          );
          return;
        }
        drivers.addDriver(new PostgresDriver(driverConfig));
        logger.info(
          `The postgres environment driver creates databases on ${driverConfig.host}:${driverConfig.port}`,
        );
      },
    });
  },
});
