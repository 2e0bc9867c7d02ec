import { pushFactsRequestSchema } from '@internal/plugin-readiness-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../../schema/openapi/generated/router';
import { audited, EndpointDeps } from '../endpointDeps';
import { parseInput } from '@internal/backend-common';

/** POST /facts: CI pushes a batch of facts (all or nothing). */
export function factEndpoints(
  router: ApiRouter<typeof spec>,
  { service, httpAuth, auditor }: EndpointDeps,
) {
  router.post('/facts', async (req, res) => {
    const body = parseInput(pushFactsRequestSchema, req.body, 'facts');
    const credentials = await httpAuth.credentials(req);
    const entityRefs = [...new Set(body.facts.map(f => f.entityRef))];
    const result = await audited(
      auditor,
      req,
      'facts-push',
      { entityRefs, facts: body.facts.length },
      () => service.pushFacts(body, credentials),
    );
    res.status(202).json(result);
  });
}
