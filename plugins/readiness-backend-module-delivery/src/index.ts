export { readinessModuleDelivery as default } from './module';
export { DeliveryFactProvider } from './DeliveryFactProvider';
