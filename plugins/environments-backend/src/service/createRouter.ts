import { jsonBody } from '@internal/backend-common';
import { Router } from 'express';
import Router_ from 'express-promise-router';
import { EndpointDeps } from './endpointDeps';
import { activityEndpoints } from './endpoints/activity';
import { classEndpoints } from './endpoints/classes';
import { environmentEndpoints } from './endpoints/environments';
import { lifecycleEndpoints } from './endpoints/lifecycle';

/** /api/environments: one small file per group of endpoints; errors go to Backstage's handler. */
export function createRouter(options: EndpointDeps): Router {
  const router = Router_();
  router.use(jsonBody({ limit: '1mb' }));
  for (const add of [
    classEndpoints,
    environmentEndpoints,
    lifecycleEndpoints,
    activityEndpoints,
  ]) {
    add(router, options);
  }
  return router;
}
