import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { DeployDriver } from './DeployDriver';
import { DeployGate } from './DeployGate';

export interface DeliveryDeployDriversExtensionPoint {
  /** Registers drivers; a second driver with the same id is a startup error. */
  addDeployDriver(...drivers: DeployDriver[]): void;
}

/** Lets modules add deploy drivers (gitops, a CI/CD system's API, ...). */
export const deliveryDeployDriversExtensionPoint =
  createExtensionPoint<DeliveryDeployDriversExtensionPoint>({
    id: 'delivery.deploy-drivers',
  });

export interface DeliveryDeployGatesExtensionPoint {
  /** Adds gates every deploy passes; they replace the configured default gate. */
  addDeployGate(...gates: DeployGate[]): void;
}

export const deliveryDeployGatesExtensionPoint =
  createExtensionPoint<DeliveryDeployGatesExtensionPoint>({
    id: 'delivery.deploy-gates',
  });
