import { mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import { auditEventsQuerySchema } from '@internal/plugin-audit-common';
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
import { createRouter } from '../service/createRouter';
import { AuthorizedAuditTrail } from '../services/AuthorizedAuditTrail';
import { spec } from './openapi/generated/router';

const yamlSpec = readOpenApiYaml(__dirname);

describe('openapi.yaml', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    await expect(dereferencedSpec(yamlSpec)).resolves.toMatchObject({
      openapi: '3.1.0',
    });
  });

  it('is what the router is built from (generated/router.ts is up to date)', () => {
    expect(JSON.parse(JSON.stringify(spec))).toEqual(yamlSpec);
  });

  it('states the same query parameters and limits as the zod schema', async () => {
    const doc = await dereferencedSpec(yamlSpec);
    const operation = doc.paths['/events'].get;
    expect(
      operation.parameters.every((p: { in: string }) => p.in === 'query'),
    ).toBe(true);
    expect(parametersAsSchema(operation, 'query')).toEqual(
      zodLimits(auditEventsQuerySchema),
    );
  });

  it('describes every route the router answers, and nothing else', () => {
    const router = createRouter({
      trail: new AuthorizedAuditTrail({} as any, mockServices.permissions()),
      httpAuth: mockServices.httpAuth(),
    });
    expect(routesOf(router)).toEqual(documentedRoutes(yamlSpec));
  });

  it('is served at /openapi.json', async () => {
    const router = createRouter({
      trail: new AuthorizedAuditTrail({} as any, mockServices.permissions()),
      httpAuth: mockServices.httpAuth(),
    });
    const res = await request(express().use(router))
      .get('/openapi.json')
      .expect(200);
    expect(res.body.paths['/events'].get.operationId).toBe('ListEvents');
  });

  it('is enforced: the OpenAPI validator refuses what the spec refuses', async () => {
    const router = createRouter({
      trail: new AuthorizedAuditTrail({} as any, mockServices.permissions()),
      httpAuth: mockServices.httpAuth(),
    });
    // zod trims before it counts, the spec cannot say so: 501 characters with a space pass zod.
    const padded = ` ${'a'.repeat(500)}`;
    const res = await request(express().use(router).use(mockErrorHandler()))
      .get(`/events?plugin=${encodeURIComponent(padded)}`)
      .expect(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain('plugin');
  });

  it('takes entity refs unencoded in the query (allowReserved)', async () => {
    const router = createRouter({
      trail: new AuthorizedAuditTrail(
        { list: async () => ({ events: [] }) } as any,
        mockServices.permissions(),
      ),
      httpAuth: mockServices.httpAuth(),
    });
    const res = await request(express().use(router).use(mockErrorHandler()))
      .get('/events?actor=user:default/ana&target=thing:default/orders')
      .expect(200);
    expect(res.body).toEqual({ events: [] });
  });
});
