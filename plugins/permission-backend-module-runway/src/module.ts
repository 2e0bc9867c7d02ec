import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { RunwayPermissionPolicy } from './RunwayPermissionPolicy';
import { SessionUserInfo } from './SessionUserInfo';

/** Installs Runway's permission policy (config: `permission.runway`). */
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
        // A user's ownership claims are read once per session, not on every decision.
        policy.setPolicy(
          RunwayPermissionPolicy.fromConfig(
            config,
            new SessionUserInfo(userInfo),
          ),
        );
      },
    });
  },
});
