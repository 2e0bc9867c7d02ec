import { jsonBody } from '@internal/backend-common';
import { Router } from 'express';
import Router_ from 'express-promise-router';
import { EndpointDeps } from './endpointDeps';
import { deployCallbackRouter, deployEndpoints } from './endpoints/deploys';
import { eventEndpoints, junitUploadEndpoint } from './endpoints/events';
import { metricsEndpoints } from './endpoints/metrics';
import { viewEndpoints } from './endpoints/views';
import { webhookRouter } from './endpoints/webhooks';

/** /api/delivery: one small file per group of endpoints; errors go to Backstage's handler. */
export function createRouter(options: EndpointDeps): Router {
  const router = Router_();
  // Before the JSON parser: signatures are checked over the exact bytes received.
  router.use('/webhooks', webhookRouter(options));
  router.use(deployCallbackRouter(options));
  // Before the JSON parser, which refuses bodies of other types: it streams its XML.
  junitUploadEndpoint(router, options);
  router.use(jsonBody({ limit: '10mb' }));
  for (const add of [
    eventEndpoints,
    metricsEndpoints,
    viewEndpoints,
    deployEndpoints,
  ]) {
    add(router, options);
  }
  return router;
}
