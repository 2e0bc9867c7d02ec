export type {
  DriverContext,
  DriverEnvironment,
  ProvisionResult,
  ResourceDriver,
} from './ResourceDriver';
export { environmentsDriversExtensionPoint } from './extensions';
export type { EnvironmentsDriversExtensionPoint } from './extensions';
