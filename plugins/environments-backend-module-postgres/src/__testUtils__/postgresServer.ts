import { randomBytes } from 'node:crypto';
import { postgresConnectionForTests } from '@internal/testing';
import { Client, escapeIdentifier } from 'pg';
import { PostgresDriverConfig } from '../config';

export const connection = postgresConnectionForTests();
export const describeWithPostgres = connection ? describe : describe.skip;

// Every name this file creates starts with this, so afterAll can remove all of it.
export const PREFIX = `rwt${randomBytes(3).toString('hex')}_`;

export function serverConfig(): PostgresDriverConfig {
  const url = new URL(connection!);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: 'postgres',
    ssl: false,
    namePrefix: PREFIX,
    allowedExtensions: ['pgcrypto', 'citext'],
    maxConnectionLimit: 50,
    maxAdminConnections: 2,
  };
}

export async function withClient<T>(
  options: { user?: string; password?: string; database?: string },
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const config = serverConfig();
  const client = new Client({
    host: config.host,
    port: config.port,
    user: options.user ?? config.user,
    password: options.password ?? config.password,
    database: options.database ?? 'postgres',
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const admin = <T>(work: (client: Client) => Promise<T>) =>
  withClient({}, work);

export async function serverObjects(name: string) {
  return admin(async client => {
    const db = await client.query(
      `SELECT d.oid, r.rolname AS owner, d.datacl::text AS acl
       FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE datname = $1`,
      [name],
    );
    const role = await client.query(
      'SELECT oid, rolpassword, rolcanlogin, rolconnlimit FROM pg_authid WHERE rolname = $1',
      [name],
    );
    return { database: db.rows[0], role: role.rows[0] };
  });
}

export async function countOwnObjects() {
  return admin(async client => {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM pg_database WHERE datname LIKE $1)::int AS databases,
              (SELECT count(*) FROM pg_roles WHERE rolname LIKE $1)::int AS roles`,
      [`${PREFIX}%`],
    );
    return rows[0] as { databases: number; roles: number };
  });
}

/** Drops every database and role whose name starts with PREFIX. */
export async function dropOwnObjects() {
  await admin(async client => {
    const dbs = await client.query(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${PREFIX}%`],
    );
    for (const { datname } of dbs.rows) {
      await client.query(
        `DROP DATABASE IF EXISTS ${escapeIdentifier(datname)} WITH (FORCE)`,
      );
    }
    const roles = await client.query(
      'SELECT rolname FROM pg_roles WHERE rolname LIKE $1',
      [`${PREFIX}%`],
    );
    for (const { rolname } of roles.rows) {
      await client.query(`DROP OWNED BY ${escapeIdentifier(rolname)}`);
      await client.query(`DROP ROLE IF EXISTS ${escapeIdentifier(rolname)}`);
    }
  });
}
