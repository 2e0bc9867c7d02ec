import { jsonBody, passThrough } from '@internal/backend-common';
import {
  entitiesQuerySchema,
  parseQuery,
  teamsQuerySchema,
} from '@internal/plugin-ownership-common';
import { RequestHandler, Router } from 'express';
import Router_ from 'express-promise-router';
import { createOpenApiRouter } from '../schema/openapi/generated/router';
import { EndpointDeps } from './endpointDeps';
import { entitiesEndpoint } from './endpoints/entities';
import { teamsEndpoint } from './endpoints/teams';

/** The route's zod query schema, ahead of the OpenAPI validator, with ownership's wording. */
const checkQuery =
  (schema: Parameters<typeof parseQuery>[0]): RequestHandler =>
  (req, _res, next) => {
    parseQuery(schema, req.query);
    next();
  };

/**
 * /api/ownership: read-only; errors go to Backstage's error handler. The contract is
 * src/schema/openapi.yaml: the OpenAPI router validates every request against it (and serves it
 * at /openapi.json). The zod query schemas in ownership-common state the same limits
 * (openapi.test.ts) and are checked first, so a 400 keeps its wording: "Invalid query parameter
 * <name>: <problem>".
 */
export function createRouter(deps: EndpointDeps): Router {
  const router = Router_();
  // Read-only, but queries and paths are checked like every Runway router's.
  router.use(jsonBody({ limit: '100kb' }));
  router.get('/entities', checkQuery(entitiesQuerySchema));
  router.get('/teams', checkQuery(teamsQuerySchema));
  // Its own middleware replaces express.json(); the body is parsed above already.
  const api = createOpenApiRouter({ middleware: [passThrough] });
  entitiesEndpoint(api, deps);
  teamsEndpoint(api, deps);
  router.use(api);
  return router;
}
