import { HttpAuthService } from '@backstage/backend-plugin-api';
import { pushFactsRequestSchema } from '@internal/plugin-readiness-common';
import { Router } from 'express';
import { AuthorizedReadinessService } from '../../services/AuthorizedReadinessService';
import { parseInput } from '../validation';

/** POST /facts: CI pushes a batch of facts (all or nothing). */
export function factEndpoints(
  router: Router,
  service: AuthorizedReadinessService,
  httpAuth: HttpAuthService,
) {
  router.post('/facts', async (req, res) => {
    const body = parseInput(pushFactsRequestSchema, req.body, 'facts');
    const credentials = await httpAuth.credentials(req);
    res.status(202).json(await service.pushFacts(body, credentials));
  });
}
