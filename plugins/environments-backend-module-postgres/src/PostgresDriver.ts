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
const UNDEFINED_OBJECT = '42704';

/**
 * The first key of this driver's advisory locks (the second is the hash of the resource's
 * name), so they never meet another application's single-key locks on the same server.
 */
const LOCK_NAMESPACE = 0x52776179; // 'Rway'

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
    const name =
      readState(context.state)?.role ??
      deriveResourceName(
        this.config.namePrefix,
        context.environment.name,
        context.resourceName,
      );
    const state = await this.withAdmin(this.config.database, admin =>
      exclusively(admin, name, async () => {
        const checkpoint = await this.checkpoint(admin, context, name);
        const { database, role } = checkpoint;
        const ours = marker(context);
        await this.ensureRole(
          admin,
          checkpoint,
          parameters.connectionLimit,
          ours,
        );
        await context.log(`postgres: role "${role}" can log in`);
        await this.ensureDatabase(admin, checkpoint, ours);
        await context.log(
          `postgres: database "${database}" is owned by "${role}", CONNECT revoked from PUBLIC`,
        );
        return checkpoint;
      }),
    );
    if (parameters.extensions.length > 0) {
      // Advisory locks are per database: this one keeps two attempts' CREATE EXTENSION
      // apart, which IF NOT EXISTS alone does not (the loser hits a unique violation).
      await this.withAdmin(state.database, db =>
        exclusively(db, name, async () => {
          for (const extension of parameters.extensions) {
            await db.query(
              `CREATE EXTENSION IF NOT EXISTS ${escapeIdentifier(extension)}`,
            );
          }
        }),
      );
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
    await this.withAdmin(this.config.database, admin =>
      exclusively(admin, role, async () => {
        // Under the lock no other attempt of this driver changes the role or the database;
        // "does not exist" is still taken as done, for anyone else who removes them.
        const roleExists = await exists(admin, 'pg_roles', 'rolname', role);
        if (roleExists) {
          // No new sessions while the old ones are ended and the database is dropped.
          await ignoreUndefined(
            admin.query(`ALTER ROLE ${escapeIdentifier(role)} NOLOGIN`),
          );
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
          await ignoreUndefined(
            admin.query(`DROP OWNED BY ${escapeIdentifier(role)}`),
          );
        }
        await admin.query(`DROP ROLE IF EXISTS ${escapeIdentifier(role)}`);
        await context.log(`postgres: role "${role}" dropped`);
      }),
    );
    context.logger.info(
      `postgres resource removed: database ${database}, role ${role}`,
    );
  }

  /**
   * The state to provision with: the saved one on a resumed attempt, or new names and a new
   * password, saved before anything is created. A database or role that already exists
   * without a checkpoint is adopted only when its comment says it was made for this very
   * resource of this environment (an attempt that ran at the same time, or whose checkpoint
   * this attempt does not see): it then gets this attempt's new password. Anything else
   * belongs to someone else and is never adopted.
   */
  private async checkpoint(
    admin: Client,
    context: DriverContext,
    name: string,
  ): Promise<PostgresState> {
    const saved = readState(context.state);
    if (saved) {
      await context.log(
        `postgres: resuming with the saved role "${saved.role}"`,
      );
      return saved;
    }
    const ours = marker(context);
    const database = await existingComment(
      admin,
      'pg_database',
      'datname',
      name,
    );
    if (database !== undefined && database !== ours) {
      throw new Error(
        `postgres: database "${name}" already exists and was not created for this resource`,
      );
    }
    const role = await existingComment(admin, 'pg_roles', 'rolname', name);
    if (role !== undefined && role !== ours) {
      throw new Error(
        `postgres: role "${name}" already exists and was not created for this resource`,
      );
    }
    if (database !== undefined || role !== undefined) {
      await context.log(
        `postgres: "${name}" was made for this resource by another attempt; taking it over with a new password`,
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
    ours: string,
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
    await comment(admin, 'ROLE', role, ours);
  }

  private async ensureDatabase(
    admin: Client,
    { database, role }: PostgresState,
    ours: string,
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
    await comment(admin, 'DATABASE', database, ours);
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

/** The comment on a database or role: undefined when it does not exist, '' when it has none. */
async function existingComment(
  client: Client,
  catalog: 'pg_database' | 'pg_roles',
  column: 'datname' | 'rolname',
  name: string,
): Promise<string | undefined> {
  const { rows } = await client.query(
    `SELECT coalesce(shobj_description(oid, $2), '') AS comment
     FROM ${catalog} WHERE ${column} = $1`,
    [name, catalog === 'pg_roles' ? 'pg_authid' : 'pg_database'],
  );
  return rows[0]?.comment;
}

/**
 * What the driver writes on what it made: tells a DBA which environment it belongs to, and
 * lets a second attempt without the checkpoint recognise the first one's work.
 */
function marker(context: DriverContext): string {
  return `created by the Runway environments postgres driver for resource ${context.resourceName} of environment ${context.environment.id}`;
}

async function comment(
  client: Client,
  kind: 'DATABASE' | 'ROLE',
  name: string,
  text: string,
): Promise<void> {
  await client.query(
    `COMMENT ON ${kind} ${escapeIdentifier(name)} IS ${escapeLiteral(text)}`,
  );
}

/**
 * Runs `work` holding this driver's advisory lock on one resource name, so two attempts on
 * the same resource (a retry, a worker whose lease was taken over, another replica) take
 * turns: each check-then-act on the role and the database (exists, ALTER, DROP OWNED,
 * COMMENT) then sees the other's finished work instead of racing it into "does not exist"
 * or "tuple concurrently updated". A session lock, not pg_advisory_xact_lock: CREATE and
 * DROP DATABASE cannot run inside a transaction block. Ending the connection releases it
 * too, so a crashed attempt never leaves it held.
 */
async function exclusively<T>(
  client: Client,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [
    LOCK_NAMESPACE,
    name,
  ]);
  try {
    return await work();
  } finally {
    await client
      .query('SELECT pg_advisory_unlock($1, hashtext($2))', [
        LOCK_NAMESPACE,
        name,
      ])
      .catch(() => undefined);
  }
}

/** A statement whose object being gone already is its goal reached (teardown). */
async function ignoreUndefined(statement: Promise<unknown>): Promise<void> {
  try {
    await statement;
  } catch (error) {
    if (sqlState(error) !== UNDEFINED_OBJECT) {
      throw error;
    }
  }
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
