import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import {
  driverContext,
  LogLines,
} from '@internal/plugin-environments-node/testUtils';
import { readGitopsDriverConfig } from '../config';
import { GitopsDriver } from '../GitopsDriver';
import { renderEnvironmentManifests } from '../manifests/renderManifests';

export const OWNER = 'group:default/payments-team';

export function driverFor(
  gitops: JsonObject,
  renderer?: typeof renderEnvironmentManifests,
) {
  const config = readGitopsDriverConfig(
    new ConfigReader({ environments: { drivers: { gitops } } }),
  )!;
  return new GitopsDriver({ config, renderer });
}

export function context(
  environmentName: string,
  lines: LogLines,
  extra: { parameters?: JsonObject; config?: Record<string, string> } = {},
) {
  const ctx = driverContext({
    environmentName,
    store: {},
    lines,
    parameters: extra.parameters,
  });
  ctx.environment.config = extra.config ?? {};
  return ctx;
}
