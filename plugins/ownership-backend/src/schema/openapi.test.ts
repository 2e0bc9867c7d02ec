import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  entitiesQuerySchema,
  teamsQuerySchema,
} from '@internal/plugin-ownership-common';
import {
  dereferencedSpec,
  documentedRoutes,
  parametersAsSchema,
  readOpenApiYaml,
  routesOf,
  zodLimits,
} from '@internal/testing';
import express from 'express';
import request from 'supertest';
import { FakeOwnershipSources } from '../__testUtils__/FakeOwnershipSources';
import { createRouter } from '../service/createRouter';
import { AuthorizedOwnershipService } from '../services/AuthorizedOwnershipService';
import { OwnershipService } from '../services/OwnershipService';
import { spec } from './openapi/generated/router';

const yamlSpec = readOpenApiYaml(__dirname);

/** The router as createRouter.test.ts builds it: fake sources, every request allowed. */
function router() {
  return createRouter({
    service: new AuthorizedOwnershipService(
      new OwnershipService(
        new FakeOwnershipSources(),
        mockServices.logger.mock(),
      ),
      mockServices.permissions(),
    ),
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.user(),
    }),
  });
}

async function queryOf(path: string) {
  const doc = await dereferencedSpec(yamlSpec);
  return parametersAsSchema(doc.paths[path].get, 'query');
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
    expect(routesOf(router())).toEqual(documentedRoutes(yamlSpec));
  });

  it('states the same query parameters and limits as the zod schemas', async () => {
    // Exception: zod trims `team` and `lifecycle` before it counts 1 to 200 characters; the spec
    // counts the untrimmed text (the limits compare equal).
    expect(await queryOf('/teams')).toEqual(zodLimits(teamsQuerySchema));

    // Exception: `problem` and `kind` are trimmed and lowercased (z.preprocess) before zod's
    // enum, so `kind=API` is taken; zod's JSON Schema shows the bare enum. The spec states the
    // same values with a pattern of any case between optional whitespace.
    const documented = await queryOf('/entities');
    const fromZod = zodLimits(entitiesQuerySchema);
    for (const name of ['problem', 'kind']) {
      const { enum: values, ...rest } = fromZod.properties[name];
      const { pattern, ...restDocumented } = documented.properties[name];
      expect(restDocumented).toEqual(rest);
      const matches = new RegExp(pattern, 'u');
      for (const value of values as string[]) {
        expect(matches.test(value)).toBe(true);
        expect(matches.test(` ${value.toUpperCase()} `)).toBe(true);
        expect(matches.test(`${value}x`)).toBe(false);
      }
      expect(matches.test('')).toBe(false);
      documented.properties[name] = fromZod.properties[name];
    }
    expect(documented).toEqual(fromZod);
  });

  it('is served at /openapi.json', async () => {
    const res = await request(express().use(router()))
      .get('/openapi.json')
      .expect(200);
    expect(res.body.paths['/teams'].get.operationId).toBe('ListTeams');
  });

  it('is enforced: the OpenAPI validator refuses what the spec refuses', async () => {
    // zod trims before it counts, the spec cannot say so: 201 characters with a space pass zod.
    const padded = ` ${'a'.repeat(200)}`;
    const res = await request(express().use(router()).use(mockErrorHandler()))
      .get(`/teams?team=${encodeURIComponent(padded)}`)
      .expect(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain('team');
  });

  it('takes refs unencoded and values in any case, as before', async () => {
    const res = await request(express().use(router()).use(mockErrorHandler()))
      .get('/entities?team=group:default/payments-team&kind=%20API&problem=')
      .expect(400);
    // An empty problem is still zod's 400, in ownership's wording.
    expect(res.body.error.message).toMatch(
      /^Invalid query parameter problem: /,
    );
    const ok = await request(express().use(router()).use(mockErrorHandler()))
      .get('/entities?team=group:default/payments-team&kind=%20API')
      .expect(200);
    expect(ok.body.items.map((e: any) => e.ref)).toEqual([
      'api:default/payments-openapi',
    ]);
  });
});
