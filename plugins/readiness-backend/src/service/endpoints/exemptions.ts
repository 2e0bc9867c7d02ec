import { createExemptionRequestSchema } from '@internal/plugin-readiness-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../../schema/openapi/generated/router';
import { z } from 'zod';
import { audited, EndpointDeps } from '../endpointDeps';
import { parseInput } from '@internal/backend-common';

/** GET /exemptions' query. */
export const listQuery = z.object({ entityRef: z.string().min(1) });

/** Exemptions: list for an entity, create, revoke. */
export function exemptionEndpoints(
  router: ApiRouter<typeof spec>,
  { service, httpAuth, auditor }: EndpointDeps,
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
    const body = parseInput(
      createExemptionRequestSchema,
      req.body,
      'exemption',
    );
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const input = { ...body, entityRef: body.entityRef.toLocaleLowerCase() };
    const exemption = await audited(
      auditor,
      req,
      'exemption-create',
      {
        entityRef: input.entityRef,
        checkId: input.checkId,
        expiresAt: input.expiresAt,
      },
      () =>
        service.createExemption(
          input,
          credentials.principal.userEntityRef,
          credentials,
        ),
    );
    res.status(201).json(exemption);
  });

  router.delete('/exemptions/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const exemption = await audited(
      auditor,
      req,
      'exemption-revoke',
      { exemptionId: req.params.id },
      () =>
        service.revokeExemption(
          req.params.id,
          credentials.principal.userEntityRef,
          credentials,
        ),
    );
    res.json(exemption);
  });
}
