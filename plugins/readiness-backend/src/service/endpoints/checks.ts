import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../../schema/openapi/generated/router';
import { z } from 'zod';
import { audited, EndpointDeps } from '../endpointDeps';
import { parseInput } from '@internal/backend-common';

/** POST /evaluate's body (absent: every entity). */
export const evaluateBody = z.strictObject({
  entityRef: z.string().min(1).optional(),
});

/** GET /checks (definitions and load problems) and POST /evaluate. */
export function checkEndpoints(
  router: ApiRouter<typeof spec>,
  { service, httpAuth, auditor }: EndpointDeps,
) {
  router.get('/checks', async (req, res) => {
    await httpAuth.credentials(req);
    const { checks, problems } = service.listChecks();
    res.json({ checks: [...checks], problems: [...problems] });
  });

  router.post('/evaluate', async (req, res) => {
    const { entityRef } = parseInput(
      evaluateBody,
      req.body ?? {},
      'evaluate request',
    );
    const credentials = await httpAuth.credentials(req);
    const target = entityRef?.toLocaleLowerCase();
    const summary = await audited(
      auditor,
      req,
      'evaluate',
      { entityRef: target ?? 'all' },
      () => service.evaluate(target, credentials),
    );
    res.json(summary);
  });
}
