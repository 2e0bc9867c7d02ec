import {
  createEnvironmentRequestSchema,
  listEnvironmentsQuerySchema,
} from '@internal/plugin-environments-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../../schema/openapi/generated/router';
import { audited, callerOf, EndpointDeps } from '../endpointDeps';
import { idempotencyKeyOf } from '../validation';
import { parseInput } from '@internal/backend-common';

/** List, read and request environments. */
export function environmentEndpoints(
  router: ApiRouter<typeof spec>,
  { service, httpAuth, auditor }: EndpointDeps,
) {
  router.get('/environments', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const filter = parseInput(listEnvironmentsQuerySchema, req.query, 'query');
    res.json(await service.list(filter, credentials));
  });

  router.get('/environments/:id', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    res.json(await service.get(req.params.id, credentials));
  });

  /** 202 with the record (provisioning continues in the background); 200 for a replay. */
  router.post('/environments', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const body = parseInput(
      createEnvironmentRequestSchema,
      req.body,
      'request',
    );
    const key = idempotencyKeyOf(req.headers['idempotency-key']);
    const { environment, created } = await audited(
      auditor,
      req,
      'environment-create',
      {
        className: body.className,
        owner: body.owner,
        ...(body.name && { name: body.name }),
        ...(key && { idempotencyKey: key }),
      },
      () => service.create(body, credentials, key),
    );
    if (!created) res.setHeader('Idempotent-Replayed', 'true');
    res.status(created ? 202 : 200).json(environment);
  });
}
