import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../../schema/openapi/generated/router';
import { z } from 'zod';
import { EndpointDeps } from '../endpointDeps';
import { entityRefOf, entityRefParams } from '../validation';
import { parseInput } from '@internal/backend-common';

/** GET /scorecards/.../history's query. */
export const historyQuery = z.object({
  since: z.iso.datetime({ offset: true }).optional(),
});

/** GET /scorecards/:kind/:namespace/:name and its /history. */
export function scorecardEndpoints(
  router: ApiRouter<typeof spec>,
  { service, httpAuth }: EndpointDeps,
) {
  router.get('/scorecards/:kind/:namespace/:name', async (req, res) => {
    const ref = entityRefOf(parseInput(entityRefParams, req.params, 'entity'));
    const credentials = await httpAuth.credentials(req);
    res.json(await service.getScorecard(ref, credentials));
  });

  router.get('/scorecards/:kind/:namespace/:name/history', async (req, res) => {
    const ref = entityRefOf(parseInput(entityRefParams, req.params, 'entity'));
    const { since } = parseInput(historyQuery, req.query, 'query');
    const from = since
      ? new Date(since)
      : new Date(Date.now() - 90 * 86400_000);
    const credentials = await httpAuth.credentials(req);
    res.json({
      entityRef: ref,
      changes: await service.getHistory(ref, from, credentials),
    });
  });
}
