import { jsonBody } from '@internal/backend-common';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { auditEventsQuerySchema } from '@internal/plugin-audit-common';
import { Router } from 'express';
import Router_ from 'express-promise-router';
import { createOpenApiRouter } from '../schema/openapi/generated/router';
import { AuthorizedAuditTrail } from '../services/AuthorizedAuditTrail';
import { listEvents } from './endpoints/listEvents';
import { checkInput, passThrough } from '@internal/backend-common';

/**
 * /api/audit: read-only; errors go to Backstage's handler. The contract is
 * src/schema/openapi.yaml: the OpenAPI router validates every request against it (and serves it at
 * /openapi.json). The zod schema in audit-common states the same limits (openapi.test.ts) and is
 * checked first, so a 400 keeps Runway's wording: "Invalid query: <field> <problem>".
 */
export function createRouter(deps: {
  trail: AuthorizedAuditTrail;
  httpAuth: HttpAuthService;
}): Router {
  const router = Router_();
  router.use(jsonBody({ limit: '100kb' }));
  router.get('/events', checkInput(auditEventsQuerySchema, 'query'));
  // Its own middleware replaces express.json(); the body is parsed above already.
  const api = createOpenApiRouter({ middleware: [passThrough] });
  listEvents(api, deps);
  router.use(api);
  return router;
}
