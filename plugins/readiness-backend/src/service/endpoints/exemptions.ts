import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Router } from 'express';
import { z } from 'zod';
import { AuthorizedReadinessService } from '../../services/AuthorizedReadinessService';
import { parseInput } from '../validation';

const createBody = z.strictObject({
  entityRef: z.string().min(1),
  checkId: z.string().min(1),
  reason: z
    .string()
    .trim()
    .min(3, { message: 'must say why (at least 3 characters)' }),
  expiresAt: z.iso.datetime({ offset: true }),
});
const listQuery = z.object({ entityRef: z.string().min(1) });

/** Exemptions: list for an entity, create, revoke. */
export function exemptionEndpoints(
  router: Router,
  service: AuthorizedReadinessService,
  httpAuth: HttpAuthService,
) {
  router.get('/exemptions', async (req, res) => {
    const { entityRef } = parseInput(listQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    res.json({
      exemptions: await service.listExemptions(
        entityRef.toLocaleLowerCase(),
        credentials,
      ),
    });
  });

  router.post('/exemptions', async (req, res) => {
    const body = parseInput(createBody, req.body, 'exemption');
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const exemption = await service.createExemption(
      { ...body, entityRef: body.entityRef.toLocaleLowerCase() },
      credentials.principal.userEntityRef,
      credentials,
    );
    res.status(201).json(exemption);
  });

  router.delete('/exemptions/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(
      await service.revokeExemption(
        req.params.id,
        credentials.principal.userEntityRef,
        credentials,
      ),
    );
  });
}
