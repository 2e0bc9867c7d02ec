import { checkInput, jsonBody, passThrough } from '@internal/backend-common';
import {
  approveEnvironmentRequestSchema,
  createEnvironmentRequestSchema,
  environmentEventsQuerySchema,
  extendEnvironmentRequestSchema,
  listEnvironmentsQuerySchema,
  rejectEnvironmentRequestSchema,
  teamAuditQuerySchema,
  teardownEnvironmentRequestSchema,
} from '@internal/plugin-environments-common';
import { Router } from 'express';
import Router_ from 'express-promise-router';
import { createOpenApiRouter } from '../schema/openapi/generated/router';
import { EndpointDeps } from './endpointDeps';
import { activityEndpoints } from './endpoints/activity';
import { classEndpoints } from './endpoints/classes';
import { environmentEndpoints } from './endpoints/environments';
import { lifecycleEndpoints } from './endpoints/lifecycle';
import { idempotencyKeyOf } from './validation';

/**
 * /api/environments: one small file per group of endpoints; errors go to Backstage's handler.
 * The contract is src/schema/openapi.yaml: the OpenAPI router validates every request against
 * it (and serves it at /openapi.json). The zod schemas in environments-common state the same
 * limits (openapi.test.ts) and are checked first, so a 400 keeps Runway's wording ("Invalid
 * request: <field> <problem>"), as is the Idempotency-Key header.
 */
export function createRouter(options: EndpointDeps): Router {
  const router = Router_();
  router.use(jsonBody({ limit: '1mb' }));
  router.get('/environments', checkInput(listEnvironmentsQuerySchema, 'query'));
  router.post(
    '/environments',
    checkInput(createEnvironmentRequestSchema, 'body', 'request'),
    (req, _res, next) => {
      idempotencyKeyOf(req.headers['idempotency-key']);
      next();
    },
  );
  router.post(
    '/environments/:id/extend',
    checkInput(extendEnvironmentRequestSchema, 'body', 'request'),
  );
  router.post(
    '/environments/:id/teardown',
    checkInput(teardownEnvironmentRequestSchema, 'body', 'request'),
  );
  router.post(
    '/environments/:id/approve',
    checkInput(approveEnvironmentRequestSchema, 'body', 'request'),
  );
  router.post(
    '/environments/:id/reject',
    checkInput(rejectEnvironmentRequestSchema, 'body', 'request'),
  );
  router.get(
    '/environments/:id/events',
    checkInput(environmentEventsQuerySchema, 'query'),
  );
  router.get('/audit', checkInput(teamAuditQuerySchema, 'query'));
  // Its own middleware replaces express.json(); the body is parsed above already.
  const api = createOpenApiRouter({ middleware: [passThrough] });
  for (const add of [
    classEndpoints,
    environmentEndpoints,
    lifecycleEndpoints,
    activityEndpoints,
  ]) {
    add(api, options);
  }
  router.use(api);
  return router;
}
