import { Router } from 'express';
import { z } from 'zod';
import { audited, EndpointDeps } from '../endpointDeps';
import { parseInput } from '@internal/backend-common';

const evaluateBody = z.strictObject({
  entityRef: z.string().min(1).optional(),
});

/** GET /checks (definitions and load problems) and POST /evaluate. */
export function checkEndpoints(
  router: Router,
  { service, httpAuth, auditor }: EndpointDeps,
) {
  router.get('/checks', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(service.listChecks());
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
