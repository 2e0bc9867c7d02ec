import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ResourceDriver } from './ResourceDriver';

export interface EnvironmentsDriversExtensionPoint {
  /** Registers drivers; a second driver for the same type is a startup error. */
  addDriver(...drivers: ResourceDriver[]): void;
}

/** Lets modules add resource drivers (postgres, gitops, Terraform, a cloud API...). */
export const environmentsDriversExtensionPoint =
  createExtensionPoint<EnvironmentsDriversExtensionPoint>({
    id: 'environments.drivers',
  });
