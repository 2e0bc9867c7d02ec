import { Config } from '@backstage/config';

/** The admin connection and the limits of the postgres driver. */
export type PostgresDriverConfig = {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  ssl: boolean;
  namePrefix: string;
  allowedExtensions: string[];
  maxConnectionLimit: number;
  /** At most this many admin connections at once; more provisions wait their turn. */
  maxAdminConnections: number;
};

export const CONFIG_KEY = 'environments.drivers.postgres';

const DEFAULT_EXTENSIONS = [
  'pgcrypto',
  'uuid-ossp',
  'citext',
  'hstore',
  'pg_trgm',
  'btree_gin',
  'btree_gist',
  'ltree',
  'unaccent',
];

/**
 * Reads `environments.drivers.postgres`, or undefined when the section is absent. A present
 * but invalid section throws, naming the key, so a misconfigured driver stops the start.
 */
export function readPostgresDriverConfig(
  root: Config,
): PostgresDriverConfig | undefined {
  const config = root.getOptionalConfig(CONFIG_KEY);
  if (!config) {
    return undefined;
  }
  const namePrefix = config.getOptionalString('namePrefix') ?? 'env_';
  if (!/^[a-z][a-z0-9_]{0,19}$/.test(namePrefix)) {
    throw new Error(
      `${CONFIG_KEY}.namePrefix: "${namePrefix}" must be lowercase letters, digits and _, start with a letter, at most 20 characters`,
    );
  }
  const port = config.getOptionalNumber('port') ?? 5432;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${CONFIG_KEY}.port: ${port} is not a TCP port`);
  }
  const maxConnectionLimit =
    config.getOptionalNumber('maxConnectionLimit') ?? 100;
  if (!Number.isInteger(maxConnectionLimit) || maxConnectionLimit < 1) {
    throw new Error(
      `${CONFIG_KEY}.maxConnectionLimit: ${maxConnectionLimit} must be a positive integer`,
    );
  }
  const allowedExtensions =
    config.getOptionalStringArray('allowedExtensions') ?? DEFAULT_EXTENSIONS;
  allowedExtensions.forEach((name, index) => {
    if (!/^[a-z0-9_-]{1,63}$/.test(name)) {
      throw new Error(
        `${CONFIG_KEY}.allowedExtensions[${index}]: "${name}" is not an extension name`,
      );
    }
  });
  const maxAdminConnections =
    config.getOptionalNumber('maxAdminConnections') ?? 4;
  if (!Number.isInteger(maxAdminConnections) || maxAdminConnections < 1) {
    throw new Error(
      `${CONFIG_KEY}.maxAdminConnections: ${maxAdminConnections} must be a positive integer`,
    );
  }
  return {
    host: config.getString('host'),
    port,
    user: config.getString('user'),
    password: config.getOptionalString('password'),
    database: config.getOptionalString('database') ?? 'postgres',
    ssl: config.getOptionalBoolean('ssl') ?? false,
    namePrefix,
    allowedExtensions,
    maxConnectionLimit,
    maxAdminConnections,
  };
}
