import { mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import {
  createExemptionRequestSchema,
  pushFactsRequestSchema,
} from '@internal/plugin-readiness-common';
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
import { createRouter } from '../service/createRouter';
import { evaluateBody } from '../service/endpoints/checks';
import { listQuery } from '../service/endpoints/exemptions';
import { overviewQuery, rollupQuery } from '../service/endpoints/overview';
import { historyQuery } from '../service/endpoints/scorecards';
import { entityRefParams } from '../service/validation';
import { AuthorizedReadinessService } from '../services/AuthorizedReadinessService';
import { spec } from './openapi/generated/router';

const yamlSpec = readOpenApiYaml(__dirname);

/** The router as the plugin builds it, over a service that answers what a test gives it. */
function app(service: Record<string, unknown> = {}) {
  const router = createRouter({
    service: service as unknown as AuthorizedReadinessService,
    httpAuth: mockServices.httpAuth(),
    auditor: mockServices.auditor.mock(),
  });
  return { router, server: express().use(router).use(mockErrorHandler()) };
}

/**
 * Exception: these zod schemas are `z.object`, not strict, so unknown query (or path) keys are
 * stripped, never refused; the spec says the same with `x-eov-allow-unknown-query-parameters`
 * on every operation, which parametersAsSchema cannot see (it always reports
 * `additionalProperties: false`). An unknown path key cannot occur.
 */
const ignoringUnknownKeys = (schema: any) => ({
  ...schema,
  additionalProperties: true,
});

async function operation(path: string, method: string) {
  const doc = await dereferencedSpec(yamlSpec);
  return doc.paths[path][method];
}

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
    expect(routesOf(app().router)).toEqual(documentedRoutes(yamlSpec));
  });

  it('ignores unknown query parameters on every operation, as the zod schemas do', () => {
    for (const item of Object.values<any>(yamlSpec.paths))
      for (const op of Object.values<any>(item))
        expect(op['x-eov-allow-unknown-query-parameters']).toBe(true);
  });

  it('states the same request bodies and limits as the zod schemas', async () => {
    const body = async (path: string, method: string) =>
      limitsOf(
        (await operation(path, method)).requestBody.content['application/json']
          .schema,
      );
    expect(await body('/evaluate', 'post')).toEqual(zodLimits(evaluateBody));
    expect(await body('/facts', 'post')).toEqual(
      zodLimits(pushFactsRequestSchema),
    );
    // Exception: zod trims `reason` before it counts 3 to 2000 characters; the spec counts the
    // untrimmed text (the limits compare equal, a padded 2000-character reason does not pass).
    expect(await body('/exemptions', 'post')).toEqual(
      zodLimits(createExemptionRequestSchema),
    );
  });

  it('states the same path parameters and limits as the zod schema', async () => {
    for (const path of [
      '/scorecards/{kind}/{namespace}/{name}',
      '/scorecards/{kind}/{namespace}/{name}/history',
    ]) {
      expect(
        ignoringUnknownKeys(
          parametersAsSchema(await operation(path, 'get'), 'path'),
        ),
      ).toEqual(zodLimits(entityRefParams));
    }
    expect(
      parametersAsSchema(await operation('/exemptions/{id}', 'delete'), 'path'),
    ).toEqual({
      // No zod schema: any id; an unknown one is a 404.
      type: 'object',
      properties: { id: { type: 'string' } },
      required: ['id'],
      additionalProperties: false,
    });
  });

  it('states the same query parameters and limits as the zod schemas', async () => {
    const query = async (path: string) =>
      ignoringUnknownKeys(
        parametersAsSchema(await operation(path, 'get'), 'query'),
      );
    expect(
      await query('/scorecards/{kind}/{namespace}/{name}/history'),
    ).toEqual(zodLimits(historyQuery));
    expect(await query('/exemptions')).toEqual(zodLimits(listQuery));
    for (const [path, schema] of [
      ['/overview', overviewQuery],
      ['/rollups', rollupQuery],
    ] as const) {
      const documented = await query(path);
      const fromZod = zodLimits(schema);
      // Exception: `level` is a string or a list of strings to zod's JSON Schema; its values
      // are checked after a transform (split on commas) that JSON Schema cannot see. The spec
      // states them: a comma-separated list of levels, or a repeated parameter of levels.
      expect(fromZod.properties.level).toEqual({
        anyOf: [
          { type: 'string' },
          { type: 'array', items: { type: 'string' } },
        ],
      });
      expect(documented.properties.level).toEqual({
        anyOf: [
          {
            type: 'string',
            pattern: '^(none|bronze|silver|gold)(,(none|bronze|silver|gold))*$',
          },
          {
            type: 'array',
            items: {
              type: 'string',
              enum: ['none', 'bronze', 'silver', 'gold'],
            },
          },
        ],
      });
      documented.properties.level = fromZod.properties.level;
      expect(documented).toEqual(fromZod);
    }
  });

  it('is served at /openapi.json', async () => {
    const res = await request(app().server).get('/openapi.json').expect(200);
    expect(res.body.paths['/overview'].get.operationId).toBe('ListOverview');
  });

  it('is enforced: the OpenAPI validator refuses what the spec refuses', async () => {
    const createExemption = jest.fn();
    // zod trims before it counts, the spec cannot say so: 2001 characters with a space pass zod.
    const res = await request(app({ createExemption }).server)
      .post('/exemptions')
      .send({
        entityRef: 'component:default/payments-api',
        checkId: 'observability.runbook-linked',
        reason: ` ${'r'.repeat(2000)}`,
        expiresAt: '2030-01-01T00:00:00Z',
      })
      .expect(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain('reason');
    expect(createExemption).not.toHaveBeenCalled();
  });

  it('passes filters through as today: unencoded refs, comma lists, unknown parameters', async () => {
    const listOverview = jest.fn(async () => ({ total: 0, rows: [] }));
    const res = await request(app({ listOverview }).server)
      .get(
        '/overview?owner=group:default/payments-team,group:default/ops&level=bronze&level=gold&limit=10&utm_source=mail',
      )
      .expect(200);
    expect(res.body).toEqual({ total: 0, rows: [] });
    expect(listOverview).toHaveBeenCalledWith(
      {
        owner: ['group:default/payments-team', 'group:default/ops'],
        level: ['bronze', 'gold'],
      },
      { by: 'name', order: 'asc' },
      { limit: 10, offset: 0 },
      expect.anything(),
    );
  });

  it('takes a body of any JSON media type the body parser takes, and none at /evaluate', async () => {
    const pushFacts = jest.fn(async () => ({
      accepted: 1,
      changed: 0,
      evaluated: [],
    }));
    const evaluate = jest.fn(async () => ({ entities: 0 }));
    const { server } = app({ pushFacts, evaluate });
    await request(server)
      .post('/facts')
      .set('Content-Type', 'application/vnd.runway+json')
      .send(
        JSON.stringify({
          facts: [
            { entityRef: 'component:default/a', name: 'x', value: ['a'] },
          ],
        }),
      )
      .expect(202);
    await request(server).post('/evaluate').expect(200);
    expect(evaluate).toHaveBeenCalledWith(undefined, expect.anything());
  });
});
