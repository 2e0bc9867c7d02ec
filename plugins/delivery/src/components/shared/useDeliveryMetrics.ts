import { useApi } from '@backstage/frontend-plugin-api';
import {
  MetricsResponse,
  TimeseriesResponse,
} from '@internal/plugin-delivery-common';
import { deliveryApiRef } from '../../api/deliveryApiRef';
import { useAsync } from '@internal/frontend-common';

const DAY = 86_400_000;

/** The last 30 days' DORA and flow figures, and 12 weeks of DORA per week for the charts. */
export function useDeliveryMetrics(
  scope: { service?: string; team?: string },
  /** Changes when the figures should be read again (e.g. after a deploy finished). */
  version = '',
) {
  const api = useApi(deliveryApiRef);
  const key = `${scope.service ?? ''}|${scope.team ?? ''}|${version}`;
  return useAsync<{ metrics: MetricsResponse; series: TimeseriesResponse }>(
    async () => {
      const to = new Date();
      const [metrics, series] = await Promise.all([
        api.getMetrics({
          ...scope,
          from: new Date(to.getTime() - 30 * DAY),
          to,
        }),
        api.getMetricsTimeseries({
          ...scope,
          from: new Date(to.getTime() - 84 * DAY),
          to,
          bucket: 'week',
        }),
      ]);
      return { metrics, series };
    },
    key,
  );
}
