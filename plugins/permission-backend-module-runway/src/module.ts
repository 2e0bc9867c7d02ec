import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { RunwayPermissionPolicy } from './RunwayPermissionPolicy';

/** Installs Runway's permission policy (config: `runway.platformTeam`, `permission.runway`). */
export const permissionModuleRunwayPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'runway-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(RunwayPermissionPolicy.fromConfig(config, userInfo));
      },
    });
  },
});
