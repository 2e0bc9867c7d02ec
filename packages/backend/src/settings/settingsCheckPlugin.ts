import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  describeSettingProblems,
  findSettingProblems,
} from './requiredSettings';

/**
 * Fails the backend's start when a required setting is missing or invalid, naming each key.
 * A plugin rather than a pre-start script so it reads the same merged config as every plugin.
 */
export const settingsCheckPlugin = createBackendPlugin({
  pluginId: 'runway-settings',
  register(env) {
    env.registerInit({
      deps: { config: coreServices.rootConfig },
      async init({ config }) {
        const problems = findSettingProblems(config);
        if (problems.length > 0) {
          throw new Error(
            `Runway cannot start: ${problems.length} required setting(s) missing or invalid:\n${describeSettingProblems(problems)}`,
          );
        }
      },
    });
  },
});
