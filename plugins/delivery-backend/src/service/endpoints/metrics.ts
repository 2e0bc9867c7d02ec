import { Router } from 'express';
import { z } from 'zod';
import { DAY_MS } from '../../lib/time';
import { groupRefOf, serviceRefOf } from '../../lib/refs';
import { callerOf, EndpointDeps } from '../endpointDeps';
import { parseInput } from '../validation';

const metricsQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  service: z.string().min(1).optional(),
  team: z.string().min(1).optional(),
});

/** DORA and flow metrics; the window defaults to the last 30 days. */
export function metricsEndpoints(
  router: Router,
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

  router.get('/metrics/dora', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    res.json(await service.dora(parse(req.query), credentials));
  });
}
