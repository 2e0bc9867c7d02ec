import {
  checkInput,
  jsonBody,
  parseInput,
  passThrough,
} from '@internal/backend-common';
import {
  createExemptionRequestSchema,
  pushFactsRequestSchema,
} from '@internal/plugin-readiness-common';
import { Router } from 'express';
import Router_ from 'express-promise-router';
import { createOpenApiRouter } from '../schema/openapi/generated/router';
import { EndpointDeps } from './endpointDeps';
import { checkEndpoints, evaluateBody } from './endpoints/checks';
import { exemptionEndpoints, listQuery } from './endpoints/exemptions';
import { factEndpoints } from './endpoints/facts';
import {
  overviewEndpoints,
  overviewQuery,
  rollupQuery,
} from './endpoints/overview';
import { historyQuery, scorecardEndpoints } from './endpoints/scorecards';
import { entityRefParams } from './validation';

/**
 * /api/readiness: one small file per group of endpoints; errors go to Backstage's handler. The
 * contract is src/schema/openapi.yaml: the OpenAPI router validates every request against it
 * (and serves it at /openapi.json). Each route's zod schema states the same limits
 * (openapi.test.ts) and is checked first, in the order the endpoint parses them, so a 400 keeps
 * Runway's wording: "Invalid <what>: <field> <problem> (got <value>)".
 */
export function createRouter(options: EndpointDeps): Router {
  const router = Router_();
  router.use(jsonBody({ limit: '2mb' }));
  router.post('/evaluate', (req, _res, next) => {
    // The body may be absent: every entity.
    parseInput(evaluateBody, req.body ?? {}, 'evaluate request');
    next();
  });
  router.get(
    '/scorecards/:kind/:namespace/:name',
    checkInput(entityRefParams, 'params', 'entity'),
  );
  router.get(
    '/scorecards/:kind/:namespace/:name/history',
    checkInput(entityRefParams, 'params', 'entity'),
    checkInput(historyQuery, 'query'),
  );
  router.post('/facts', checkInput(pushFactsRequestSchema, 'body', 'facts'));
  router.get('/exemptions', checkInput(listQuery, 'query'));
  router.post(
    '/exemptions',
    checkInput(createExemptionRequestSchema, 'body', 'exemption'),
  );
  router.get('/overview', checkInput(overviewQuery, 'query'));
  router.get('/rollups', checkInput(rollupQuery, 'query'));
  // Its own middleware replaces express.json(); the body is parsed above already.
  const api = createOpenApiRouter({ middleware: [passThrough] });
  for (const add of [
    checkEndpoints,
    scorecardEndpoints,
    factEndpoints,
    exemptionEndpoints,
    overviewEndpoints,
  ]) {
    add(api, options);
  }
  router.use(api);
  return router;
}
