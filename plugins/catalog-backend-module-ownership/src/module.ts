import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { CatalogOwnerDirectory } from './OwnerDirectory';
import { OwnershipProcessor } from './OwnershipProcessor';

/** Ownership validation in the catalog (docs/ownership.md). */
export const catalogModuleOwnership = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'ownership',
  register(env) {
    env.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ processing, catalog, auth, config, logger }) {
        const seconds =
          config.getOptionalNumber('ownership.catalog.ownerCacheSeconds') ?? 30;
        processing.addProcessor(
          new OwnershipProcessor(
            new CatalogOwnerDirectory(catalog, auth, seconds * 1000),
            logger,
          ),
        );
      },
    });
  },
});
