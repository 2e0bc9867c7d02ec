export { deliveryPlugin as default } from './plugin';
export { deliveryApiRef } from './api/deliveryApiRef';
export type { DeliveryApi } from './api/deliveryApiRef';
