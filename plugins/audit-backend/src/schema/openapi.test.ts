import SwaggerParser from '@apidevtools/swagger-parser';
import { mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import { auditEventsQuerySchema } from '@internal/plugin-audit-common';
import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { z } from 'zod';
import { createRouter } from '../service/createRouter';
import { AuthorizedAuditTrail } from '../services/AuthorizedAuditTrail';
import { spec } from './openapi/generated/router';

const yamlSpec = parse(
  fs.readFileSync(path.resolve(__dirname, 'openapi.yaml'), 'utf8'),
);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** The limits a client can see, as JSON Schema keywords. */
const LIMITS = [
  'type',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'enum',
  'format',
  'default',
] as const;
function limitsOf(schema: Record<string, unknown>) {
  return Object.fromEntries(
    LIMITS.filter(key => schema[key] !== undefined).map(key => [
      key,
      schema[key],
    ]),
  );
}

async function dereferenced(): Promise<any> {
  return SwaggerParser.dereference(clone(yamlSpec));
}

describe('openapi.yaml', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    await expect(
      SwaggerParser.validate(clone(yamlSpec)),
    ).resolves.toMatchObject({ openapi: '3.1.0' });
  });

  it('is what the router is built from (generated/router.ts is up to date)', () => {
    expect(clone(spec)).toEqual(yamlSpec);
  });

  it('states the same query parameters and limits as the zod schema', async () => {
    const doc = await dereferenced();
    const params: any[] = doc.paths['/events'].get.parameters;
    const zodJson: any = z.toJSONSchema(auditEventsQuerySchema, {
      io: 'input',
    });
    expect(params.every(p => p.in === 'query')).toBe(true);
    expect(params.map(p => p.name).sort()).toEqual(
      Object.keys(zodJson.properties).sort(),
    );
    for (const param of params) {
      expect({ [param.name]: limitsOf(param.schema) }).toEqual({
        [param.name]: limitsOf(zodJson.properties[param.name]),
      });
      expect({ [param.name]: param.required }).toEqual({
        [param.name]: (zodJson.required ?? []).includes(param.name),
      });
    }
    // Unknown parameters are refused by both.
    expect(zodJson.additionalProperties).toBe(false);
  });

  it('describes every route the router answers, and nothing else', () => {
    const router: any = createRouter({
      trail: new AuthorizedAuditTrail({} as any, mockServices.permissions()),
      httpAuth: mockServices.httpAuth(),
    });
    const routes = new Set<string>();
    const collect = (stack: any[]) => {
      for (const layer of stack) {
        if (layer.route) {
          for (const method of Object.keys(layer.route.methods))
            routes.add(`${method} ${layer.route.path}`);
        } else if (layer.handle?.stack) collect(layer.handle.stack);
      }
    };
    collect(router.stack);
    routes.delete('get /openapi.json'); // the spec itself, served by the OpenAPI router
    const documented = Object.entries(yamlSpec.paths).flatMap(
      ([route, methods]: [string, any]) =>
        Object.keys(methods).map(method => `${method} ${route}`),
    );
    expect([...routes].sort()).toEqual(documented.sort());
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
