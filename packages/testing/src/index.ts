export { createTestDatabases } from './testDatabases';
export { postgresConnectionForTests } from './postgresForTests';
