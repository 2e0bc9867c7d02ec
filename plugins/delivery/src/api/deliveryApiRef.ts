import { createApiRef } from '@backstage/frontend-plugin-api';
import { DeliveryClient } from '@internal/plugin-delivery-common';

export type DeliveryApi = Pick<
  DeliveryClient,
  | 'getMetrics'
  | 'getMetricsTimeseries'
  | 'getServiceEnvironments'
  | 'listVersions'
  | 'listDeployments'
  | 'getDeployment'
  | 'getDeploymentEvents'
  | 'deploy'
  | 'promote'
  | 'rollback'
  | 'approve'
>;

export const deliveryApiRef = createApiRef<DeliveryApi>({
  id: 'plugin.delivery.api',
});
