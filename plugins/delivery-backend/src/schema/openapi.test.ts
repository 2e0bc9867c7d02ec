import { mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import {
  deployCallbackSchema,
  deployRequestSchema,
  incidentEventSchema,
  ingestRequestSchema,
  promoteRequestSchema,
  rollbackRequestSchema,
  serviceQuerySchema,
  timeseriesQuerySchema,
  versionsQuerySchema,
} from '@internal/plugin-delivery-common';
import {
  dereferencedSpec,
  documentedRoutes,
  limitsOf,
  parametersAsSchema,
  readOpenApiYaml,
  routesOf,
  zodLimits,
} from '@internal/testing';
import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { createRouter } from '../service/createRouter';
import { EndpointDeps } from '../service/endpointDeps';
import { eventsQuery, listQuery } from '../service/endpoints/deploys';
import { junitQuery } from '../service/endpoints/events';
import { factsBody, metricsQuery } from '../service/endpoints/metrics';
import { spec } from './openapi/generated/router';

const yamlSpec = readOpenApiYaml(__dirname);

/** The router over a stub service: these tests never reach a database. */
function app(service: Record<string, unknown> = {}) {
  const deps: EndpointDeps = {
    service: service as any,
    httpAuth: mockServices.httpAuth(),
    auditor: mockServices.auditor.mock(),
    webhookSecrets: {},
    webhookTokens: {},
    junitMaxBytes: 1_048_576,
  };
  return express().use(createRouter(deps)).use(mockErrorHandler());
}

/** Changes zod's limits into what the spec states instead (each one explained below). */
type Adjust = (limits: any) => void;

/**
 * Every route with a zod schema: where the schema applies ('query' parameters or the request
 * 'body') and the schema. Exceptions, which the spec cannot state:
 * - freezeOverride.reason (deploy, rollback, promote): zod trims it before it counts 10 to 1000
 *   characters; the spec counts the characters as sent (so a padded reason over 1000 characters
 *   is now refused: the enforcement test below).
 * - limit and after (GET /deploys, /versions, /deploys/{id}/events): zod coerces the query
 *   string to a number (z.coerce); the spec states the integer the string must spell. zod reads
 *   an empty `after=` as 0: the spec says so with `anyOf: [integer limits, const '']` and
 *   allowEmptyValue (an empty `limit=` is 0, below its minimum: a 400 either way).
 * - POST /webhooks/incidents: the endpoint adds `type: 'incident'` before parsing, so `type` may
 *   be left out; compared with the incident event schema whose `type` is optional.
 * - GET /metrics, /metrics/dora, /metrics/timeseries: `service` and `team` together are a 400
 *   from the service (cross-field; in the operations' descriptions), and both are resolved as
 *   entity refs after the schema.
 * - The webhooks' other payloads (GitHub, PagerDuty, Opsgenie, Alertmanager) have no zod schema
 *   at the route: they are mapped by the senders' shapes (docs/delivery.md) and stated as open
 *   objects.
 */
const ZOD: Array<[string, 'query' | 'body', z.ZodType, Adjust?]> = [
  ['get /deploys', 'query', listQuery],
  ['post /deploys', 'body', deployRequestSchema],
  ['post /deploys/rollback', 'body', rollbackRequestSchema],
  ['post /deploys/promote', 'body', promoteRequestSchema],
  [
    'get /deploys/{id}/events',
    'query',
    eventsQuery,
    limits => {
      const { default: dflt, ...integer } = limits.properties.after;
      limits.properties.after = {
        anyOf: [integer, { type: 'string', const: '' }],
        default: dflt,
      };
    },
  ],
  ['post /deploys/{id}/callback', 'body', deployCallbackSchema],
  ['post /events', 'body', ingestRequestSchema],
  ['post /test-runs/junit', 'query', junitQuery],
  ['get /metrics', 'query', metricsQuery],
  ['get /metrics/dora', 'query', metricsQuery],
  ['post /metrics/services', 'body', factsBody],
  ['get /metrics/timeseries', 'query', timeseriesQuerySchema],
  ['get /environments', 'query', serviceQuerySchema],
  ['get /versions', 'query', versionsQuerySchema],
  ['post /webhooks/junit', 'query', junitQuery],
  [
    'post /webhooks/incidents',
    'body',
    incidentEventSchema.extend({
      type: incidentEventSchema.shape.type.optional(),
    }),
  ],
];

const deployment = {
  id: 'd-1',
  service: 'component:default/payments-api',
  environment: 'prod',
  production: true,
  version: '1.4.0',
  status: 'queued',
  changeType: 'planned',
  source: 'runway',
  selfService: true,
  requestedAt: '2026-12-01T10:00:00.000Z',
  causedIncident: false,
};

describe('openapi.yaml', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    await expect(dereferencedSpec(yamlSpec)).resolves.toMatchObject({
      openapi: '3.1.0',
    });
  });

  it('is what the router is built from (generated/router.ts is up to date)', () => {
    expect(JSON.parse(JSON.stringify(spec))).toEqual(yamlSpec);
  });

  it('describes every route the router answers, and nothing else', () => {
    const router = app()._router;
    expect(routesOf(router)).toEqual(documentedRoutes(yamlSpec));
  });

  // Every row with its four entries: jest hands a shorter row a `done` callback.
  it.each(ZOD.map(([r, w, s, a]) => [r, w, s, a ?? (() => {})] as const))(
    '%s: the %s states the same limits as the zod schema',
    async (route, where, schema, adjust) => {
      const doc = await dereferencedSpec(yamlSpec);
      const [method, path] = route.split(' ');
      const operation = doc.paths[path][method];
      // The query as one object schema, or the body of each JSON media type it is taken as.
      const stated =
        where === 'query'
          ? [parametersAsSchema(operation, 'query')]
          : Object.entries(operation.requestBody.content)
              .filter(([type]) => type.startsWith('application/'))
              .map(([, media]: [string, any]) => limitsOf(media.schema));
      expect(stated.length).toBeGreaterThan(0);
      const expected = zodLimits(schema);
      adjust(expected);
      expect(stated).toEqual(stated.map(() => expected));
    },
  );

  it('is served at /openapi.json', async () => {
    const res = await request(app()).get('/openapi.json').expect(200);
    expect(res.body.paths['/deploys'].post.operationId).toBe('Deploy');
    expect(res.body.paths['/webhooks/github'].post.operationId).toBe(
      'GithubWebhook',
    );
  });

  it('is enforced: the OpenAPI validator refuses what the spec refuses', async () => {
    const deploy = jest.fn();
    // zod trims before it counts, the spec cannot say so: 1001 characters with a space pass zod.
    const res = await request(app({ deploy }))
      .post('/deploys')
      .send({
        service: 'payments-api',
        environment: 'prod',
        version: '1.4.0',
        freezeOverride: { reason: ` ${'a'.repeat(1000)}` },
      })
      .expect(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain('reason');
    expect(deploy).not.toHaveBeenCalled();
  });

  it('keeps what passed before: unknown query parameters on a body route, *+json bodies, entity refs unencoded', async () => {
    const deploy = jest.fn(async () => deployment);
    await request(app({ deploy }))
      .post('/deploys?trace=1')
      .set('Content-Type', 'application/vnd.runway+json')
      .send(
        JSON.stringify({
          service: 'component:default/payments-api',
          environment: 'prod',
          version: '1.4.0',
        }),
      )
      .expect(202, deployment);
    const knownVersions = jest.fn(async () => []);
    await request(app({ knownVersions }))
      .get('/versions?service=component:default/payments-api&limit=5')
      .expect(200, { versions: [] });
    expect(knownVersions).toHaveBeenCalledWith(
      'component:default/payments-api',
      5,
      expect.anything(),
    );
    // z.coerce reads an empty `after` as 0.
    const deployEvents = jest.fn(async () => []);
    await request(app({ deployEvents }))
      .get('/deploys/d-1/events?after=')
      .expect(200, { events: [] });
    expect(deployEvents).toHaveBeenCalledWith('d-1', 0, expect.anything());
  });

  it('keeps the raw-body routes ahead of the validator: their own checks answer', async () => {
    // Unsigned: the signature check answers, not the spec's required header or body schema.
    const res = await request(app())
      .post('/webhooks/github')
      .set('Content-Type', 'text/plain')
      .send('not json')
      .expect(401);
    expect(res.body.error.message).toContain('delivery.webhooks.github.secret');
  });
});
