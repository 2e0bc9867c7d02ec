import { MAX_SERVICES_PER_FACTS_REQUEST } from '@internal/plugin-delivery-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { z } from 'zod';
import { DAY_MS } from '../../lib/time';
import { groupRefOf, serviceRefOf } from '../../lib/refs';
import { callerOf, EndpointDeps } from '../endpointDeps';
import { parseInput } from '@internal/backend-common';
import { spec } from '../../schema/openapi/generated/router';

export const factsBody = z.strictObject({
  services: z
    .array(z.string().min(1))
    .min(1)
    .max(MAX_SERVICES_PER_FACTS_REQUEST),
  days: z.number().int().min(1).max(365).default(30),
});

export const metricsQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  service: z.string().min(1).optional(),
  team: z.string().min(1).optional(),
});

/** DORA and flow metrics; the window defaults to the last 30 days. */
export function metricsEndpoints(
  router: ApiRouter<typeof spec>,
  { service, httpAuth }: EndpointDeps,
) {
  const parse = (query: unknown) => {
    const q = parseInput(metricsQuery, query, 'query');
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from
      ? new Date(q.from)
      : new Date(to.getTime() - 30 * DAY_MS);
    return {
      from,
      to,
      service: q.service ? serviceRefOf(q.service) : undefined,
      team: q.team ? groupRefOf(q.team) : undefined,
    };
  };

  router.get('/metrics', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    res.json(await service.metrics(parse(req.query), credentials));
  });

  // A read, but with a body: a thousand service refs do not fit a URL.
  router.post('/metrics/services', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const body = parseInput(factsBody, req.body, 'request');
    const to = new Date();
    const from = new Date(to.getTime() - body.days * DAY_MS);
    res.json(
      await service.serviceFacts(
        body.services.map((s, i) => serviceRefOf(s, `services[${i}]`)),
        from,
        to,
        credentials,
      ),
    );
  });

  router.get('/metrics/dora', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    res.json(await service.dora(parse(req.query), credentials));
  });
}
