export { createTestDatabases } from './testDatabases';
export { postgresConnectionForTests } from './postgresForTests';
export { claimsUserInfo, claimsUserInfoFactory } from './claimsUserInfo';
export {
  dereferencedSpec,
  documentedRoutes,
  limitsOf,
  parametersAsSchema,
  readOpenApiYaml,
  routesOf,
  zodLimits,
} from './openApiContract';
