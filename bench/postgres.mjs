// PostgreSQL housekeeping shared by the benchmarks.
import pg from 'pg';

/** Drops every database whose name starts with `prefix` (a bench backend's plugins' databases). */
export async function dropDatabases(connection, prefix) {
  const admin = new pg.Client({ connectionString: `${connection}/postgres` });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      'select datname from pg_database where datname like $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows)
      await admin.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await admin.end();
  }
}
