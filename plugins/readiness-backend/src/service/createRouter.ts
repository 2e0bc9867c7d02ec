import { jsonBody } from '@internal/backend-common';
import { Router } from 'express';
import Router_ from 'express-promise-router';
import { EndpointDeps } from './endpointDeps';
import { checkEndpoints } from './endpoints/checks';
import { exemptionEndpoints } from './endpoints/exemptions';
import { factEndpoints } from './endpoints/facts';
import { overviewEndpoints } from './endpoints/overview';
import { scorecardEndpoints } from './endpoints/scorecards';

/** /api/readiness: one small file per group of endpoints; errors go to Backstage's handler. */
export function createRouter(options: EndpointDeps): Router {
  const router = Router_();
  router.use(jsonBody({ limit: '2mb' }));
  for (const add of [
    checkEndpoints,
    scorecardEndpoints,
    factEndpoints,
    exemptionEndpoints,
    overviewEndpoints,
  ]) {
    add(router, options);
  }
  return router;
}
