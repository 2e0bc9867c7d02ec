import { createBackend } from '@backstage/backend-defaults';
import { ConfigSources } from '@backstage/config-loader';
import {
  describeSettingProblems,
  findSettingProblems,
} from './requiredSettings';

/**
 * Starts the backend only when every required setting is present and valid. The config is
 * read the way the backend's root config service reads it (--config arguments, APP_CONFIG_*),
 * before any plugin starts, so a bad setting never gets as far as, say, a Postgres on
 * localhost retrying its connection.
 */
export async function startAfterSettingsCheck(
  backend: ReturnType<typeof createBackend>,
) {
  const config = await ConfigSources.toConfig(
    ConfigSources.default({ watch: false }),
  );
  const problems = findSettingProblems(config);
  config.close();
  if (problems.length > 0) {
    process.stderr.write(
      `Runway cannot start: ${
        problems.length
      } required setting(s) missing or invalid:\n${describeSettingProblems(
        problems,
      )}\n`,
    );
    process.exit(1);
  }
  await backend.start();
}
