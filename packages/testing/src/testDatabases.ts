import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

const POSTGRES: TestDatabaseId = 'POSTGRES_15';
const SQLITE: TestDatabaseId = 'SQLITE_3';

/**
 * The databases every Runway store test runs on: SQLite always, PostgreSQL when
 * scripts/test.sh found one (it sets BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING).
 * When that script marked Postgres as required, a missing Postgres fails the test file
 * instead of being skipped silently, as TestDatabases would do by itself.
 */
export function createTestDatabases(): TestDatabases {
  const databases = TestDatabases.create({ ids: [POSTGRES, SQLITE] });
  const supported = databases.eachSupportedId().map(([id]) => id);
  if (
    process.env.RUNWAY_TEST_POSTGRES === 'required' &&
    !supported.includes(POSTGRES)
  ) {
    throw new Error(
      'PostgreSQL is required for store tests but TestDatabases did not enable it; ' +
        'is BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING set?',
    );
  }
  return databases;
}
