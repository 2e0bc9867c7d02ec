import { checkInput, jsonBody, passThrough } from '@internal/backend-common';
import {
  deployRequestSchema,
  ingestRequestSchema,
  promoteRequestSchema,
  rollbackRequestSchema,
  serviceQuerySchema,
  timeseriesQuerySchema,
  versionsQuerySchema,
} from '@internal/plugin-delivery-common';
import { RequestHandler, Router } from 'express';
import Router_ from 'express-promise-router';
import { createOpenApiRouter } from '../schema/openapi/generated/router';
import { callerOf, EndpointDeps } from './endpointDeps';
import {
  deployCallbackRouter,
  deployEndpoints,
  eventsQuery,
  listQuery,
} from './endpoints/deploys';
import { eventEndpoints, junitUploadEndpoint } from './endpoints/events';
import { factsBody, metricsEndpoints, metricsQuery } from './endpoints/metrics';
import { viewEndpoints } from './endpoints/views';
import { webhookRouter } from './endpoints/webhooks';

/**
 * /api/delivery: one small file per group of endpoints; errors go to Backstage's handler. The
 * contract is src/schema/openapi.yaml: the OpenAPI router validates every request of the token
 * routes against it (and serves it at /openapi.json). Each route's zod schema states the same
 * limits (openapi.test.ts) and is checked first, in the order the endpoint checks the caller and
 * parses, so a 401 stays a 401 and a 400 keeps Runway's wording:
 * "Invalid <what>: <field> <problem> (got <value>)".
 */
export function createRouter(options: EndpointDeps): Router {
  const router = Router_();
  // Ahead of the JSON parser and of the OpenAPI router, which parses and validates bodies:
  // webhooks and the deploy callback check a signature over the exact bytes received, and a
  // JUnit upload streams its XML. They are in the contract all the same (openapi.yaml), but
  // their own checks are the whole check, as before.
  router.use(webhookRouter(options));
  router.use(deployCallbackRouter(options));
  junitUploadEndpoint(router, options);
  router.use(jsonBody({ limit: '10mb' }));
  // The caller first where the endpoint checks it before its input.
  const caller: RequestHandler = async (req, _res, next) => {
    await callerOf(options.httpAuth, req);
    next();
  };
  router.get('/deploys', checkInput(listQuery, 'query'));
  router.post(
    '/deploys',
    caller,
    checkInput(deployRequestSchema, 'body', 'deploy'),
  );
  router.post(
    '/deploys/rollback',
    caller,
    checkInput(rollbackRequestSchema, 'body', 'rollback'),
  );
  router.post(
    '/deploys/promote',
    caller,
    checkInput(promoteRequestSchema, 'body', 'promotion'),
  );
  router.get('/deploys/:id/events', checkInput(eventsQuery, 'query'));
  router.post(
    '/events',
    caller,
    checkInput(ingestRequestSchema, 'body', 'events'),
  );
  router.get('/metrics', caller, checkInput(metricsQuery, 'query'));
  router.get('/metrics/dora', caller, checkInput(metricsQuery, 'query'));
  router.post(
    '/metrics/services',
    caller,
    checkInput(factsBody, 'body', 'request'),
  );
  router.get('/metrics/timeseries', checkInput(timeseriesQuerySchema, 'query'));
  router.get('/environments', checkInput(serviceQuerySchema, 'query'));
  router.get('/versions', checkInput(versionsQuerySchema, 'query'));
  // Its own middleware replaces express.json(); the body is parsed above already.
  const api = createOpenApiRouter({ middleware: [passThrough] });
  for (const add of [
    eventEndpoints,
    metricsEndpoints,
    viewEndpoints,
    deployEndpoints,
  ]) {
    add(api, options);
  }
  router.use(api);
  return router;
}
