import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { environmentsDriversExtensionPoint } from '@internal/plugin-environments-node';
import { CONFIG_KEY, readGitopsDriverConfig } from './config';
import { GitopsDriver } from './GitopsDriver';

/** Adds the `gitops` resource driver to the environments backend when it is configured. */
export const environmentsModuleGitopsDriver = createBackendModule({
  pluginId: 'environments',
  moduleId: 'gitops-driver',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        drivers: environmentsDriversExtensionPoint,
      },
      async init({ config, logger, drivers }) {
        const driverConfig = readGitopsDriverConfig(config);
        if (!driverConfig) {
          logger.info(
            `The gitops environment driver is unavailable: ${CONFIG_KEY} is not configured`,
          );
          return;
        }
        const driver = new GitopsDriver({ config: driverConfig });
        drivers.addDriver(driver);
        logger.info(
          `The gitops environment driver commits to ${
            driverConfig.repository.kind === 'local'
              ? driverConfig.repository.path
              : 'a remote repository'
          }, branch ${driverConfig.branch}, under ${driverConfig.basePath}/`,
        );
      },
    });
  },
});
