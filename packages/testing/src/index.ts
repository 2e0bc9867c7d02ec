export { createTestDatabases } from './testDatabases';
export { postgresConnectionForTests } from './postgresForTests';
export { claimsUserInfo, claimsUserInfoFactory } from './claimsUserInfo';
