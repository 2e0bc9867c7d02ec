import {
  environmentEventsQuerySchema,
  teamAuditQuerySchema,
} from '@internal/plugin-environments-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../../schema/openapi/generated/router';
import { callerOf, EndpointDeps } from '../endpointDeps';
import { parseInput } from '@internal/backend-common';

/** The live log, the audit trail (per environment and per team) and usage per class/template. */
export function activityEndpoints(
  router: ApiRouter<typeof spec>,
  { service, httpAuth }: EndpointDeps,
) {
  router.get('/environments/:id/events', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const { after, limit } = parseInput(
      environmentEventsQuerySchema,
      req.query,
      'query',
    );
    res.json(
      await service.listEvents(req.params.id, after, limit, credentials),
    );
  });

  router.get('/environments/:id/audit', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    res.json(await service.environmentAudit(req.params.id, credentials));
  });

  router.get('/audit', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const { owner, limit } = parseInput(
      teamAuditQuerySchema,
      req.query,
      'query',
    );
    res.json(await service.teamAudit(owner, limit, credentials));
  });

  router.get('/usage', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    res.json(await service.usage(credentials));
  });
}
