import { mockServices } from '@backstage/backend-test-utils';
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
import {
  createTestDatabases,
  dereferencedSpec,
  documentedRoutes,
  limitsOf,
  parametersAsSchema,
  readOpenApiYaml,
  routesOf,
  zodLimits,
} from '@internal/testing';
import { z } from 'zod';
import { ana, createReady, setupRouter } from '../__testUtils__/routerSetup';
import { createRouter } from '../service/createRouter';
import { spec } from './openapi/generated/router';

jest.setTimeout(60_000);

const yamlSpec = readOpenApiYaml(__dirname);
const databases = createTestDatabases();

/*
 * What the spec states that zod's JSON Schema export cannot, each patched into the zod side
 * before the comparison (everything else must be equal as it is):
 *
 * 1. Entity refs (`owner`, `component`): zod's ENTITY_REF regex has the `i` flag, which its
 *    JSON Schema drops; a JSON Schema pattern has no flags, so the spec spells the cases out
 *    (`[a-zA-Z0-9_.-]`). The validator would otherwise refuse `Group:default/Payments-Team`,
 *    which zod accepts.
 * 2. `component` is also `.refine`d to start with `component:` in any case: the spec states it
 *    in the pattern (`[cC][oO]...:`).
 * 3. `after` and `offset` are `z.coerce.number()`: zod reads an empty value (`after=`) as 0.
 *    The spec says so with `anyOf: [integer limits, const '']` and `allowEmptyValue`.
 *
 * Not expressible, and not stated (the spec is looser there; zod, checked first, refuses):
 * 4. The comma lists of GET /environments (`owner`, `className`, `status`) are split by a
 *    `.transform` and each item checked (an entity ref, non-empty, a status; at least one):
 *    the spec has a plain string and says so in the description.
 * 5. `reason` of POST /environments/{id}/reject is trimmed before its length is counted
 *    (`.trim().min(3).max(1000)`): the spec counts the untrimmed string, so 1000 characters
 *    with a leading space pass zod and are refused by the spec (the enforcement test below).
 * 6. `parameters` of POST /environments: each resource's values are checked against the class's
 *    settable limits, which come from config, not from the schema.
 */
const ENTITY_REF = '^[a-zA-Z0-9_.-]+:([a-zA-Z0-9_.-]+\\/)?[a-zA-Z0-9_.-]+$';
const COMPONENT_REF =
  '^[cC][oO][mM][pP][oO][nN][eE][nN][tT]:([a-zA-Z0-9_.-]+\\/)?[a-zA-Z0-9_.-]+$';
const EMPTY_MEANS_ZERO = (limits: any) => {
  const { type: _type, default: fallback, ...integer } = limits;
  return {
    anyOf: [
      { type: 'integer', ...integer },
      { type: 'string', const: '' },
    ],
    default: fallback,
  };
};

function expected(
  schema: z.ZodType,
  patches: Record<string, (limits: any) => any> = {},
): any {
  const limits = zodLimits(schema);
  for (const [field, patch] of Object.entries(patches))
    limits.properties[field] = patch(limits.properties[field]);
  return limits;
}
const entityRef = (limits: any) => ({ ...limits, pattern: ENTITY_REF });
const componentRef = (limits: any) => ({ ...limits, pattern: COMPONENT_REF });

const bodyOf = (operation: any) =>
  limitsOf(operation.requestBody.content['application/json'].schema);

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
    const router = createRouter({
      service: {} as any,
      httpAuth: mockServices.httpAuth(),
      auditor: mockServices.auditor.mock(),
    });
    expect(routesOf(router)).toEqual(documentedRoutes(yamlSpec));
  });

  it('states the same query parameters and limits as the zod schemas', async () => {
    const { paths } = await dereferencedSpec(yamlSpec);
    expect(parametersAsSchema(paths['/environments'].get, 'query')).toEqual(
      expected(listEnvironmentsQuerySchema, {
        component: componentRef, // exceptions 1, 2
        offset: EMPTY_MEANS_ZERO, // exception 3
      }),
    );
    expect(
      parametersAsSchema(paths['/environments/{id}/events'].get, 'query'),
    ).toEqual(
      expected(environmentEventsQuerySchema, { after: EMPTY_MEANS_ZERO }),
    );
    expect(parametersAsSchema(paths['/audit'].get, 'query')).toEqual(
      expected(teamAuditQuerySchema, { owner: entityRef }), // exception 1
    );
  });

  it('states the same request bodies and limits as the zod schemas', async () => {
    const { paths } = await dereferencedSpec(yamlSpec);
    expect(bodyOf(paths['/environments'].post)).toEqual(
      expected(createEnvironmentRequestSchema, {
        owner: entityRef,
        component: componentRef,
      }),
    );
    for (const [path, schema] of [
      ['/environments/{id}/extend', extendEnvironmentRequestSchema],
      ['/environments/{id}/teardown', teardownEnvironmentRequestSchema],
      ['/environments/{id}/approve', approveEnvironmentRequestSchema],
      ['/environments/{id}/reject', rejectEnvironmentRequestSchema],
    ] as const) {
      expect([path, bodyOf(paths[path].post)]).toEqual([
        path,
        expected(schema),
      ]);
    }
  });

  it('states the Idempotency-Key header as validation.ts checks it', async () => {
    const { paths } = await dereferencedSpec(yamlSpec);
    const header = paths['/environments'].post.parameters.find(
      (p: any) => p.in === 'header',
    );
    expect(header).toMatchObject({ name: 'Idempotency-Key', required: false });
    const pattern = new RegExp(header.schema.pattern);
    for (const [key, ok] of [
      ['pr-77-attempt', true],
      ['~!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}', true],
      ['k'.repeat(255), true],
      ['k'.repeat(256), false],
      ['', false],
      ['has spaces', false],
      ['tab\there', false],
      ['é', false],
    ] as const) {
      expect([key, pattern.test(key)]).toEqual([key, ok]);
    }
  });

  describe('served by the router', () => {
    it('at /openapi.json', async () => {
      const { api } = await setupRouter(databases);
      const res = await api.get('/openapi.json').expect(200);
      expect(res.body.paths['/environments'].post.operationId).toBe(
        'CreateEnvironment',
      );
    });

    it('and enforced: the OpenAPI validator refuses what the spec refuses (exception 5)', async () => {
      const { api, h } = await setupRouter(databases);
      const id = await createReady(api, h, 'pr-1');
      // zod trims before it counts: 1001 characters with a leading space pass zod.
      const res = await api
        .post(`/environments/${id}/reject`)
        .set('Authorization', ana)
        .send({ reason: ` ${'a'.repeat(1000)}` });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('reason'),
      });
      expect(res.body.error.message).not.toContain('Invalid request');
    });

    it('as today: entity refs unencoded and in any case, empty `after`, unknown query parameters where there is no query', async () => {
      const { api, h } = await setupRouter(databases);
      const id = await createReady(api, h, 'pr-2');
      const team = await api
        .get('/audit?owner=Group:default/Payments-Team')
        .set('Authorization', ana);
      expect(team.status).toBe(200);
      expect(team.body.records).toHaveLength(2);
      const list = await api
        .get('/environments?component=Component:default/x&offset=')
        .set('Authorization', ana);
      expect(list.status).toBe(200);
      const events = await api
        .get(`/environments/${id}/events?after=&limit=1e2`)
        .set('Authorization', ana);
      expect(events.status).toBe(200);
      expect(events.body.events.length).toBeGreaterThan(0);
      const classes = await api
        .get('/classes?refresh=1')
        .set('Authorization', ana);
      expect(classes.status).toBe(200);
      const created = await api
        .post('/environments')
        .set('Authorization', ana)
        .send({
          className: 'preview',
          owner: 'GROUP:default/payments-team',
          component: 'COMPONENT:default/payments-api',
          name: 'pr-3',
        });
      expect(created.status).toBe(202);
    });
  });
});
