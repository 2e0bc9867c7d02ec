import express, { Router } from 'express';
import Router_ from 'express-promise-router';
import { EndpointDeps } from './endpointDeps';
import { deployCallbackRouter, deployEndpoints } from './endpoints/deploys';
import { eventEndpoints } from './endpoints/events';
import { metricsEndpoints } from './endpoints/metrics';
import { viewEndpoints } from './endpoints/views';
import { webhookRouter } from './endpoints/webhooks';

/** /api/delivery: one small file per group of endpoints; errors go to Backstage's handler. */
export function createRouter(options: EndpointDeps): Router {
  const router = Router_();
  // Before the JSON parser: signatures are checked over the exact bytes received.
  router.use('/webhooks', webhookRouter(options));
  router.use(deployCallbackRouter(options));
  router.use(express.json({ limit: '10mb' }));
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
