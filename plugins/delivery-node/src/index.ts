export type {
  DeployDriver,
  DeployContext,
  DeployResult,
  DriverDeployment,
  CallbackRequest,
} from './DeployDriver';
export type { DeployGate, GateContext, GateDecision } from './DeployGate';
export { signBody, verifyBodySignature } from './signing';
export {
  deliveryDeployDriversExtensionPoint,
  deliveryDeployGatesExtensionPoint,
} from './extensions';
export type {
  DeliveryDeployDriversExtensionPoint,
  DeliveryDeployGatesExtensionPoint,
} from './extensions';
