import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { ConfigReader } from '@backstage/config';
import type { Knex } from 'knex';

/**
 * Backstage's database service, with every SQLite database switched to write-ahead logging.
 *
 * In SQLite's default rollback-journal mode each commit waits for the disk (about 2 ms here),
 * and better-sqlite3 runs on the backend's only thread, so the catalog's many small
 * transactions stalled every plugin: a 10,000-entity catalog stitched 12 entities a second and
 * the readiness evaluation and overview waited behind it. In WAL mode with `synchronous =
 * NORMAL` a commit is an append (SQLite's recommended setting for WAL): the database stays
 * consistent through a crash or a restart, and only a power loss can undo the last commits
 * before a checkpoint. PostgreSQL (production) is untouched.
 */
export const databaseServiceFactory = createServiceFactory({
  service: coreServices.database,
  deps: {
    config: coreServices.rootConfig,
    lifecycle: coreServices.lifecycle,
    logger: coreServices.logger,
    pluginMetadata: coreServices.pluginMetadata,
    rootLifecycle: coreServices.rootLifecycle,
    rootLogger: coreServices.rootLogger,
  },
  // As Backstage's own factory: `backend.database`, or an in-memory SQLite when there is none.
  async createRootContext({ config, rootLifecycle, rootLogger }) {
    const source = config.getOptional('backend.database')
      ? config
      : new ConfigReader({
          backend: {
            database: { client: 'better-sqlite3', connection: ':memory:' },
          },
        });
    return DatabaseManager.fromConfig(source, { rootLifecycle, rootLogger });
  },
  async factory({ pluginMetadata, lifecycle, logger }, manager) {
    const database = manager.forPlugin(pluginMetadata.getId(), {
      lifecycle,
      logger,
    });
    let client: Promise<Knex> | undefined;
    return {
      ...database,
      getClient: () => (client ??= database.getClient().then(useWal)),
    };
  },
});

type SqliteConnection = { pragma?: (source: string) => unknown };

/** Write-ahead logging for a SQLite database (kept in the file); other clients as they are. */
export async function useWal(knex: Knex): Promise<Knex> {
  if (!isSqlite(knex)) return knex;
  // `synchronous` belongs to a connection: the pool's next one gets it too.
  knex.client.pool?.on(
    'createSuccess',
    (_id: unknown, connection: SqliteConnection) =>
      connection.pragma?.('synchronous = NORMAL'),
  );
  await knex.raw('PRAGMA journal_mode = WAL');
  await knex.raw('PRAGMA synchronous = NORMAL');
  return knex;
}

function isSqlite(knex: Knex) {
  const client = String(knex.client.config.client);
  return client === 'better-sqlite3' || client === 'sqlite3';
}
