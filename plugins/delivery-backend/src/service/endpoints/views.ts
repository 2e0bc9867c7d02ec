import {
  serviceQuerySchema,
  timeseriesQuerySchema,
  versionsQuerySchema,
} from '@internal/plugin-delivery-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { groupRefOf, serviceRefOf } from '../../lib/refs';
import { DAY_MS } from '../../lib/time';
import { callerOf, EndpointDeps } from '../endpointDeps';
import { parseInput } from '@internal/backend-common';
import { spec } from '../../schema/openapi/generated/router';

/** What the portal's Delivery tab and dashboards read: metrics over time, environments, versions. */
export function viewEndpoints(
  router: ApiRouter<typeof spec>,
  { service, httpAuth }: EndpointDeps,
) {
  // The window defaults to the last 90 days: a quarter of weeks.
  router.get('/metrics/timeseries', async (req, res) => {
    const q = parseInput(timeseriesQuerySchema, req.query, 'query');
    const credentials = await callerOf(httpAuth, req);
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from
      ? new Date(q.from)
      : new Date(to.getTime() - 90 * DAY_MS);
    res.json(
      await service.timeseries(
        {
          from,
          to,
          bucket: q.bucket,
          service: q.service ? serviceRefOf(q.service) : undefined,
          team: q.team ? groupRefOf(q.team) : undefined,
        },
        credentials,
      ),
    );
  });

  router.get('/environments', async (req, res) => {
    const q = parseInput(serviceQuerySchema, req.query, 'query');
    const credentials = await callerOf(httpAuth, req);
    res.json(await service.serviceEnvironments(q.service, credentials));
  });

  router.get('/versions', async (req, res) => {
    const q = parseInput(versionsQuerySchema, req.query, 'query');
    const credentials = await callerOf(httpAuth, req);
    res.json({
      versions: await service.knownVersions(q.service, q.limit, credentials),
    });
  });
}
