import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { deliveryDeployDriversExtensionPoint } from '@internal/plugin-delivery-node';
import { CONFIG_KEY, readGitopsDeployConfig } from './config';
import { GitopsDeployDriver } from './GitopsDeployDriver';

/** Adds the `gitops` deploy driver to the delivery backend when it is configured. */
export const deliveryModuleGitopsDriver = createBackendModule({
  pluginId: 'delivery',
  moduleId: 'gitops',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        drivers: deliveryDeployDriversExtensionPoint,
      },
      async init({ config, logger, drivers }) {
        const driverConfig = readGitopsDeployConfig(config);
        if (!driverConfig) {
          logger.info(
            `The gitops deploy driver is unavailable: ${CONFIG_KEY} is not configured`,
          );
          return;
        }
        drivers.addDeployDriver(new GitopsDeployDriver(driverConfig));
        logger.info(
          `The gitops deploy driver commits to ${
            driverConfig.repository.kind === 'local'
              ? driverConfig.repository.path
              : 'a remote repository'
          }, branch ${driverConfig.branch}, under ${driverConfig.basePath}/`,
        );
      },
    });
  },
});
