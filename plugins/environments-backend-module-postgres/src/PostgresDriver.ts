import { randomBytes } from 'node:crypto';
import { JsonObject } from '@backstage/types';
import {
  DriverContext,
  ProvisionResult,
  ResourceDriver,
} from '@internal/plugin-environments-node';
import pLimit from 'p-limit';
import { Client, escapeIdentifier, escapeLiteral } from 'pg';
import { PostgresDriverConfig } from './config';
import { deriveResourceName, isSafeIdentifier } from './names';
import {
  parsePostgresParameters,
  validatePostgresParameters,
} from './parameters';
import { scramSha256Verifier } from './scram';

/**
 * What provision checkpoints before its first side effect: the names it will create and the
 * generated password, so a resumed attempt finishes the same database and role.
 */
type PostgresState = { database: string; role: string; password: string };

const DUPLICATE_DATABASE = '42P04';
const DUPLICATE_OBJECT = '42710';

/**
 * The `postgres` resource driver: one database and one login role (its owner) per resource,
 * on the configured server, reachable only by that role.
 *
 * Uses `pg` directly rather than knex: everything here is DDL that no query builder covers,
 * and pg's escapeIdentifier/escapeLiteral quote what cannot be a bind parameter.
 */
export class PostgresDriver implements ResourceDriver {
  readonly type = 'postgres';
  readonly description =
    'A PostgreSQL database and its own login role with a generated password';

  private readonly connections: pLimit.Limit;

  constructor(private readonly config: PostgresDriverConfig) {
    this.connections = pLimit(config.maxAdminConnections);
  }

  validateParameters(parameters: JsonObject): string[] {
    return validatePostgresParameters(parameters, this.config);
  }

  async provision(context: DriverContext): Promise<ProvisionResult> {
    const parameters = parsePostgresParameters(context.parameters, this.config);
    const state = await this.withAdmin(this.config.database, async admin => {
      const checkpoint = await this.checkpoint(admin, context);
      const { database, role } = checkpoint;
      await this.ensureRole(admin, checkpoint, parameters.connectionLimit);
      await context.log(`postgres: role "${role}" can log in`);
      await this.ensureDatabase(admin, checkpoint);
      await context.log(
        `postgres: database "${database}" is owned by "${role}", CONNECT revoked from PUBLIC`,
      );
      return checkpoint;
    });
    if (parameters.extensions.length > 0) {
      await this.withAdmin(state.database, async db => {
        for (const extension of parameters.extensions) {
          await db.query(
            `CREATE EXTENSION IF NOT EXISTS ${escapeIdentifier(extension)}`,
          );
        }
      });
      await context.log(
        `postgres: extensions ${parameters.extensions.join(', ')} in "${
          state.database
        }"`,
      );
    }
    context.logger.info(
      `postgres resource provisioned: database ${state.database}, role ${state.role}`,
    );
    return this.result(state);
  }

  async teardown(context: DriverContext): Promise<void> {
    const state = readState(context.state);
    if (!state) {
      // Provision checkpoints before it creates anything: no state means nothing of ours.
      await context.log('postgres: nothing was created, nothing to remove');
      return;
    }
    const { database, role } = state;
    await this.withAdmin(this.config.database, async admin => {
      const roleExists = await exists(admin, 'pg_roles', 'rolname', role);
      if (roleExists) {
        // No new sessions while the old ones are ended and the database is dropped.
        await admin.query(`ALTER ROLE ${escapeIdentifier(role)} NOLOGIN`);
      }
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE (datname = $1 OR usename = $2) AND pid <> pg_backend_pid()`,
        [database, role],
      );
      const version = Number(
        (await admin.query('SHOW server_version_num')).rows[0]
          .server_version_num,
      );
      // FORCE (PostgreSQL 13+) also ends sessions that arrived between the two statements.
      await admin.query(
        `DROP DATABASE IF EXISTS ${escapeIdentifier(database)}${
          version >= 130000 ? ' WITH (FORCE)' : ''
        }`,
      );
      await context.log(`postgres: database "${database}" dropped`);
      if (roleExists) {
        // Privileges the role holds in the admin database or on shared objects.
        await admin.query(`DROP OWNED BY ${escapeIdentifier(role)}`);
      }
      await admin.query(`DROP ROLE IF EXISTS ${escapeIdentifier(role)}`);
      await context.log(`postgres: role "${role}" dropped`);
    });
    context.logger.info(
      `postgres resource removed: database ${database}, role ${role}`,
    );
  }

  /**
   * The state to provision with: the saved one on a resumed attempt, or new names and a new
   * password, saved before anything is created. A database or role that already exists
   * without a checkpoint belongs to someone else and is never adopted.
   */
  private async checkpoint(
    admin: Client,
    context: DriverContext,
  ): Promise<PostgresState> {
    const saved = readState(context.state);
    if (saved) {
      await context.log(
        `postgres: resuming with the saved role "${saved.role}"`,
      );
      return saved;
    }
    const name = deriveResourceName(
      this.config.namePrefix,
      context.environment.name,
      context.resourceName,
    );
    if (await exists(admin, 'pg_database', 'datname', name)) {
      throw new Error(
        `postgres: database "${name}" already exists and was not created for this resource`,
      );
    }
    if (await exists(admin, 'pg_roles', 'rolname', name)) {
      throw new Error(
        `postgres: role "${name}" already exists and was not created for this resource`,
      );
    }
    const state: PostgresState = {
      database: name,
      role: name,
      password: randomBytes(32).toString('base64url'),
    };
    await context.saveState(state);
    return state;
  }

  private async ensureRole(
    admin: Client,
    { role, password }: PostgresState,
    connectionLimit: number,
  ): Promise<void> {
    const options = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION CONNECTION LIMIT ${connectionLimit} PASSWORD ${escapeLiteral(
      scramSha256Verifier(password),
    )}`;
    const alter = `ALTER ROLE ${escapeIdentifier(role)} WITH ${options}`;
    try {
      if (await exists(admin, 'pg_roles', 'rolname', role)) {
        await admin.query(alter);
      } else {
        await admin.query(
          `CREATE ROLE ${escapeIdentifier(role)} WITH ${options}`,
        );
      }
    } catch (error) {
      // A concurrent attempt created it between the check and CREATE.
      if (sqlState(error) !== DUPLICATE_OBJECT) {
        throw redacted(error, password);
      }
      await admin.query(alter).catch(e => {
        throw redacted(e, password);
      });
    }
    await comment(admin, 'ROLE', role);
  }

  private async ensureDatabase(
    admin: Client,
    { database, role }: PostgresState,
  ): Promise<void> {
    const superuser = (
      await admin.query(
        'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
      )
    ).rows[0]?.rolsuper;
    if (!superuser) {
      // A CREATEROLE admin may only give a database to a role it is a member of.
      await admin.query(`GRANT ${escapeIdentifier(role)} TO CURRENT_USER`);
    }
    if (await exists(admin, 'pg_database', 'datname', database)) {
      await admin.query(
        `ALTER DATABASE ${escapeIdentifier(
          database,
        )} OWNER TO ${escapeIdentifier(role)}`,
      );
    } else {
      await admin
        .query(
          `CREATE DATABASE ${escapeIdentifier(
            database,
          )} OWNER ${escapeIdentifier(role)}`,
        )
        .catch(error => {
          if (sqlState(error) !== DUPLICATE_DATABASE) {
            throw error;
          }
        });
    }
    await admin.query(
      `REVOKE CONNECT, TEMPORARY ON DATABASE ${escapeIdentifier(
        database,
      )} FROM PUBLIC`,
    );
    await admin.query(
      `GRANT CONNECT, TEMPORARY ON DATABASE ${escapeIdentifier(
        database,
      )} TO ${escapeIdentifier(role)}`,
    );
    await comment(admin, 'DATABASE', database);
  }

  private result({ database, role, password }: PostgresState): ProvisionResult {
    const { host, port, ssl } = this.config;
    const hostInUrl = host.includes(':') ? `[${host}]` : host;
    const url = `postgresql://${encodeURIComponent(role)}:${encodeURIComponent(
      password,
    )}@${hostInUrl}:${port}/${encodeURIComponent(database)}${
      ssl ? '?sslmode=require' : ''
    }`;
    return {
      outputs: { host, port: String(port), database, user: role },
      secrets: { password, url },
    };
  }

  private withAdmin<T>(
    database: string,
    work: (client: Client) => Promise<T>,
  ): Promise<T> {
    // Never nested: each provision or teardown step holds one connection at a time.
    return this.connections(() => this.connected(database, work));
  }

  private async connected<T>(
    database: string,
    work: (client: Client) => Promise<T>,
  ): Promise<T> {
    const { host, port, user, password, ssl } = this.config;
    const client = new Client({
      host,
      port,
      user,
      password,
      database,
      ssl,
      application_name: 'runway-environments',
      connectionTimeoutMillis: 10_000,
    });
    // Errors of an idle connection surface on the next query; don't crash the process.
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

function readState(state: JsonObject | undefined): PostgresState | undefined {
  if (!state) {
    return undefined;
  }
  const { database, role, password } = state;
  if (
    typeof database !== 'string' ||
    typeof role !== 'string' ||
    typeof password !== 'string' ||
    !isSafeIdentifier(database) ||
    !isSafeIdentifier(role)
  ) {
    throw new Error(
      "postgres: the saved state is not this driver's (expected database, role and password)",
    );
  }
  return { database, role, password };
}

async function exists(
  client: Client,
  catalog: 'pg_database' | 'pg_roles',
  column: 'datname' | 'rolname',
  name: string,
): Promise<boolean> {
  const result = await client.query(
    `SELECT 1 FROM ${catalog} WHERE ${column} = $1`,
    [name],
  );
  return result.rowCount !== null && result.rowCount > 0;
}

/** Tells a DBA looking at the server what made the object. */
async function comment(
  client: Client,
  kind: 'DATABASE' | 'ROLE',
  name: string,
): Promise<void> {
  await client.query(
    `COMMENT ON ${kind} ${escapeIdentifier(name)} IS ${escapeLiteral(
      'created by the Runway environments postgres driver',
    )}`,
  );
}

function sqlState(error: unknown): string | undefined {
  return (error as { code?: string }).code;
}

/** The error without the password or its verifier, whatever the server echoed back. */
function redacted(error: unknown, password: string): Error {
  const message = String((error as Error)?.message ?? error)
    .split(password)
    .join('***')
    .replace(/SCRAM-SHA-256\$[^\s'"]+/g, '***');
  const clean = new Error(message);
  (clean as { code?: string }).code = sqlState(error);
  return clean;
}
