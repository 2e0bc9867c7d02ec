// Exits 0 when a PostgreSQL server answers at the URL given as the only argument.
// Uses `pg` from the workspace (a dependency of the backend).
import pg from 'pg';

const client = new pg.Client({
  connectionString: process.argv[2],
  connectionTimeoutMillis: 3000,
});
try {
  await client.connect();
  await client.query('select 1');
  await client.end();
} catch (error) {
  console.error(`pg-answers: ${error.message}`);
  process.exit(1);
}
