import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readinessFactProvidersExtensionPoint } from '@internal/plugin-readiness-node';
import { DeliveryFactProvider } from './DeliveryFactProvider';

/** Feeds readiness with delivery facts: deploy frequency, lead time, tests, reviews, restore. */
export const readinessModuleDelivery = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'delivery',
  register(env) {
    env.registerInit({
      deps: {
        providers: readinessFactProvidersExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ providers, discovery, auth, logger }) {
        providers.addFactProvider(
          new DeliveryFactProvider({ discovery, auth, logger }),
        );
      },
    });
  },
});
