import { jsonBody } from '@internal/backend-common';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Router } from 'express';
import Router_ from 'express-promise-router';
import { AuthorizedAuditTrail } from '../services/AuthorizedAuditTrail';
import { listEvents } from './endpoints/listEvents';

/** /api/audit: read-only; errors go to Backstage's handler. */
export function createRouter(deps: {
  trail: AuthorizedAuditTrail;
  httpAuth: HttpAuthService;
}): Router {
  const router = Router_();
  // Read-only, but queries and paths are checked like every Runway router's.
  router.use(jsonBody({ limit: '100kb' }));
  listEvents(router, deps);
  return router;
}
