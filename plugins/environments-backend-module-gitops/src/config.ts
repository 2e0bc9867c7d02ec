import os from 'node:os';
import path from 'node:path';
import { Config } from '@backstage/config';
import { parseCpu, parseMemory } from './manifests/quantities';

export const CONFIG_KEY = 'environments.drivers.gitops';

/** Where the manifests go: a working repository on disk, or a remote the driver clones. */
export type GitopsRepositoryConfig =
  | { kind: 'local'; path: string }
  | {
      kind: 'remote';
      url: string;
      /** Basic-auth user and secret for HTTPS, when configured. */
      credentials?: { username: string; secret: string };
      /** The driver's own clone. */
      workDirectory: string;
    };

/** Upper bounds of the quota a resource may ask for. */
export type GitopsLimits = {
  maxCpuMillis: number;
  maxMemoryBytes: number;
  maxCpu: string;
  maxMemory: string;
  maxPods: number;
};

export type GitopsDriverConfig = {
  repository: GitopsRepositoryConfig;
  branch: string;
  author: { name: string; email: string };
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
  const config = root.getOptionalConfig(CONFIG_KEY);
  if (!config) {
    return undefined;
  }
  const localPath = config.getOptionalString('localPath');
  const url = config.getOptionalString('url');
  if (!localPath === !url) {
    throw new Error(
      `${CONFIG_KEY}: set exactly one of localPath (a working repository on disk) and url (a remote)`,
    );
  }
  const branch = config.getOptionalString('branch') ?? 'main';
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(branch) || branch.includes('..')) {
    throw new Error(`${CONFIG_KEY}.branch: "${branch}" is not a branch name`);
  }
  const basePath = path.posix.normalize(
    config.getOptionalString('basePath') ?? 'envs',
  );
  if (
    path.posix.isAbsolute(basePath) ||
    basePath.split('/').includes('..') ||
    basePath === '.' ||
    !/^[A-Za-z0-9._/-]+$/.test(basePath)
  ) {
    throw new Error(
      `${CONFIG_KEY}.basePath: "${basePath}" must be a folder inside the repository (letters, digits, . _ - /)`,
    );
  }
  const namespacePrefix = config.getOptionalString('namespacePrefix') ?? '';
  if (!/^([a-z0-9][a-z0-9-]{0,21})?$/.test(namespacePrefix)) {
    throw new Error(
      `${CONFIG_KEY}.namespacePrefix: "${namespacePrefix}" must be lowercase letters, digits and -, at most 22 characters`,
    );
  }
  const repository: GitopsRepositoryConfig = localPath
    ? { kind: 'local', path: path.resolve(localPath) }
    : {
        kind: 'remote',
        url: url!,
        credentials: readCredentials(config),
        workDirectory: path.resolve(
          config.getOptionalString('workDirectory') ??
            path.join(
              root.getOptionalString('backend.workingDirectory') ?? os.tmpdir(),
              'runway-gitops',
            ),
        ),
      };
  return {
    repository,
    branch,
    author: {
      name: config.getOptionalString('author.name') ?? 'Runway',
      email: config.getOptionalString('author.email') ?? 'runway@localhost',
    },
    basePath,
    namespacePrefix,
    limits: readLimits(config),
  };
}

function readCredentials(
  config: Config,
): { username: string; secret: string } | undefined {
  const token = config.getOptionalString('token');
  const password = config.getOptionalString('password');
  if (token && password) {
    throw new Error(`${CONFIG_KEY}: set token or password, not both`);
  }
  const secret = token ?? password;
  if (!secret) {
    return undefined;
  }
  return {
    username: config.getOptionalString('username') ?? 'x-access-token',
    secret,
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
