import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Router } from 'express';
import { z } from 'zod';
import { AuthorizedReadinessService } from '../../services/AuthorizedReadinessService';
import { parseInput } from '../validation';

const evaluateBody = z.strictObject({
  entityRef: z.string().min(1).optional(),
});

/** GET /checks (definitions and load problems) and POST /evaluate. */
export function checkEndpoints(
  router: Router,
  service: AuthorizedReadinessService,
  httpAuth: HttpAuthService,
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
    res.json(
      await service.evaluate(entityRef?.toLocaleLowerCase(), credentials),
    );
  });
}
