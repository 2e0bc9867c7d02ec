/**
 * The PostgreSQL server the test run uses for tests that need a server rather than a
 * TestDatabases instance (for example to start a backend on real production-style config).
 * Undefined when the run has no Postgres; throws when scripts/test.sh marked it required.
 */
export function postgresConnectionForTests(): string | undefined {
  const connection =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!connection && process.env.RUNWAY_TEST_POSTGRES === 'required') {
    throw new Error(
      'PostgreSQL is required for store tests but BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set',
    );
  }
  return connection || undefined;
}
