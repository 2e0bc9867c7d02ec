import { Config } from '@backstage/config';
import {
  GitRepositoryConfig,
  readGitRepositoryConfig,
  readRepositoryFolder,
} from '@internal/gitops-repository';
import { parseCpu, parseMemory } from './manifests/quantities';

export const CONFIG_KEY = 'environments.drivers.gitops';

/** Upper bounds of the quota a resource may ask for. */
export type GitopsLimits = {
  maxCpuMillis: number;
  maxMemoryBytes: number;
  maxCpu: string;
  maxMemory: string;
  maxPods: number;
};

export type GitopsDriverConfig = GitRepositoryConfig & {
  basePath: string;
  namespacePrefix: string;
  limits: GitopsLimits;
};

/**
 * Reads `environments.drivers.gitops`, or undefined when the section is absent. A present but
 * invalid section throws, naming the key, so a misconfigured driver stops the start.
 */
export function readGitopsDriverConfig(
  root: Config,
): GitopsDriverConfig | undefined {
  const repository = readGitRepositoryConfig(root, CONFIG_KEY);
  if (!repository) {
    return undefined;
  }
  const config = root.getConfig(CONFIG_KEY);
  const basePath = readRepositoryFolder(root, CONFIG_KEY, 'basePath', 'envs');
  const namespacePrefix = config.getOptionalString('namespacePrefix') ?? '';
  if (!/^([a-z0-9][a-z0-9-]{0,21})?$/.test(namespacePrefix)) {
    throw new Error(
      `${CONFIG_KEY}.namespacePrefix: "${namespacePrefix}" must be lowercase letters, digits and -, at most 22 characters`,
    );
  }
  return {
    ...repository,
    basePath,
    namespacePrefix,
    limits: readLimits(config),
  };
}

function readLimits(config: Config): GitopsLimits {
  const maxCpu = config.getOptionalString('limits.maxCpu') ?? '8';
  const maxMemory = config.getOptionalString('limits.maxMemory') ?? '16Gi';
  const maxPods = config.getOptionalNumber('limits.maxPods') ?? 50;
  const maxCpuMillis = parseCpu(maxCpu);
  const maxMemoryBytes = parseMemory(maxMemory);
  if (!maxCpuMillis) {
    throw new Error(
      `${CONFIG_KEY}.limits.maxCpu: "${maxCpu}" is not a CPU quantity such as 8 or 500m`,
    );
  }
  if (!maxMemoryBytes) {
    throw new Error(
      `${CONFIG_KEY}.limits.maxMemory: "${maxMemory}" is not a memory quantity such as 16Gi`,
    );
  }
  if (!Number.isInteger(maxPods) || maxPods < 1) {
    throw new Error(
      `${CONFIG_KEY}.limits.maxPods: ${maxPods} must be a positive integer`,
    );
  }
  return { maxCpu, maxMemory, maxCpuMillis, maxMemoryBytes, maxPods };
}
