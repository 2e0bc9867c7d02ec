import { jsonBody } from '@internal/backend-common';
import { Router } from 'express';
import Router_ from 'express-promise-router';
import { EndpointDeps } from './endpointDeps';
import { entitiesEndpoint } from './endpoints/entities';
import { teamsEndpoint } from './endpoints/teams';

/** /api/ownership: read-only; errors go to Backstage's error handler. */
export function createRouter(deps: EndpointDeps): Router {
  const router = Router_();
  // Read-only, but queries and paths are checked like every Runway router's.
  router.use(jsonBody({ limit: '100kb' }));
  entitiesEndpoint(router, deps);
  teamsEndpoint(router, deps);
  return router;
}
