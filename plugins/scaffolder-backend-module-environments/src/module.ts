import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { EnvironmentsClient } from '@internal/plugin-environments-common';
import {
  createEnvironmentCreateAction,
  createEnvironmentExtendAction,
  createEnvironmentTeardownAction,
} from './actions/createEnvironmentActions';

/** Scaffolder actions for environments, calling /api/environments as the template's user. */
export const scaffolderModuleEnvironments = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'environments',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, discovery, auth }) {
        const api = new EnvironmentsClient({ discoveryApi: discovery });
        scaffolder.addActions(
          createEnvironmentCreateAction({ api, auth }),
          createEnvironmentExtendAction({ api, auth }),
          createEnvironmentTeardownAction({ api, auth }),
        );
      },
    });
  },
});
