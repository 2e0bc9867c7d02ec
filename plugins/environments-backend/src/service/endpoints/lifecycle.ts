import {
  approveEnvironmentRequestSchema,
  extendEnvironmentRequestSchema,
  rejectEnvironmentRequestSchema,
  teardownEnvironmentRequestSchema,
} from '@internal/plugin-environments-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../../schema/openapi/generated/router';
import { audited, callerOf, EndpointDeps } from '../endpointDeps';
import { parseInput } from '@internal/backend-common';

/** The steps people take on an environment: extend, tear down, approve, reject. */
export function lifecycleEndpoints(
  router: ApiRouter<typeof spec>,
  { service, httpAuth, auditor }: EndpointDeps,
) {
  router.post('/environments/:id/extend', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const { hours } = parseInput(
      extendEnvironmentRequestSchema,
      req.body,
      'request',
    );
    const { id } = req.params;
    res.json(
      await audited(
        auditor,
        req,
        'environment-extend',
        { environmentId: id, hours },
        () => service.extend(id, hours, credentials),
      ),
    );
  });

  router.post('/environments/:id/teardown', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const { reason } = parseInput(
      teardownEnvironmentRequestSchema,
      req.body,
      'request',
    );
    const { id } = req.params;
    const environment = await audited(
      auditor,
      req,
      'environment-teardown',
      { environmentId: id },
      () => service.teardown(id, reason, credentials),
    );
    res.status(environment.status === 'tearing-down' ? 202 : 200);
    res.json(environment);
  });

  router.post('/environments/:id/approve', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const { reason } = parseInput(
      approveEnvironmentRequestSchema,
      req.body,
      'request',
    );
    const { id } = req.params;
    res
      .status(202)
      .json(
        await audited(
          auditor,
          req,
          'environment-approve',
          { environmentId: id },
          () => service.approve(id, reason, credentials),
        ),
      );
  });

  router.post('/environments/:id/reject', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const { reason } = parseInput(
      rejectEnvironmentRequestSchema,
      req.body,
      'request',
    );
    const { id } = req.params;
    res.json(
      await audited(
        auditor,
        req,
        'environment-reject',
        { environmentId: id, reason },
        () => service.reject(id, reason, credentials),
      ),
    );
  });
}
