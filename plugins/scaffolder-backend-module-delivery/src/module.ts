import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { DeliveryClient } from '@internal/plugin-delivery-common';
import { createDeliveryActions } from './actions/createDeliveryActions';

/** Scaffolder actions for deploys, calling /api/delivery as the template's user. */
export const scaffolderModuleDelivery = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'delivery',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, discovery, auth }) {
        scaffolder.addActions(
          ...createDeliveryActions({
            auth,
            api: token =>
              new DeliveryClient({
                discoveryApi: discovery,
                token: async () => token,
              }),
          }),
        );
      },
    });
  },
});
