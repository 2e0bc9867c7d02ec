import os from 'node:os';
import path from 'node:path';
import { Config } from '@backstage/config';

/** Where the commits go: a working repository on disk, or a remote the driver clones. */
export type GitRepositoryLocation =
  | { kind: 'local'; path: string }
  | {
      kind: 'remote';
      url: string;
      /** Basic-auth user and secret for HTTPS, when configured. */
      credentials?: { username: string; secret: string };
      /** The driver's own clone. */
      workDirectory: string;
    };

export type GitRepositoryConfig = {
  repository: GitRepositoryLocation;
  branch: string;
  author: { name: string; email: string };
};

/**
 * Reads the repository part of a driver's section (`localPath` or `url`, `username`, `token`
 * or `password`, `branch`, `author`, `workDirectory`), or undefined when the section is absent.
 * An invalid section throws, naming `key`, so a misconfigured driver stops the start.
 */
export function readGitRepositoryConfig(
  root: Config,
  key: string,
): GitRepositoryConfig | undefined {
  const config = root.getOptionalConfig(key);
  if (!config) {
    return undefined;
  }
  const localPath = config.getOptionalString('localPath');
  const url = config.getOptionalString('url');
  if (!localPath === !url) {
    throw new Error(
      `${key}: set exactly one of localPath (a working repository on disk) and url (a remote)`,
    );
  }
  const branch = config.getOptionalString('branch') ?? 'main';
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(branch) || branch.includes('..')) {
    throw new Error(`${key}.branch: "${branch}" is not a branch name`);
  }
  const repository: GitRepositoryLocation = localPath
    ? { kind: 'local', path: path.resolve(localPath) }
    : {
        kind: 'remote',
        url: url!,
        credentials: readCredentials(config, key),
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
  };
}

function readCredentials(
  config: Config,
  key: string,
): { username: string; secret: string } | undefined {
  const token = config.getOptionalString('token');
  const password = config.getOptionalString('password');
  if (token && password) {
    throw new Error(`${key}: set token or password, not both`);
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

/**
 * Reads a folder setting of a driver's section (`<key>.<setting>`, default `fallback`): a
 * relative path that stays inside the repository.
 */
export function readRepositoryFolder(
  root: Config,
  key: string,
  setting: string,
  fallback: string,
): string {
  const folder = path.posix.normalize(
    root.getOptionalString(`${key}.${setting}`) ?? fallback,
  );
  if (
    path.posix.isAbsolute(folder) ||
    folder.split('/').includes('..') ||
    folder === '.' ||
    !/^[A-Za-z0-9._/-]+$/.test(folder)
  ) {
    throw new Error(
      `${key}.${setting}: "${folder}" must be a folder inside the repository (letters, digits, . _ - /)`,
    );
  }
  return folder;
}
