import SwaggerParser from '@apidevtools/swagger-parser';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** A plugin's src/schema/openapi.yaml, parsed (pass the test file's `__dirname` in src/schema). */
export function readOpenApiYaml(schemaDir: string): any {
  return parse(fs.readFileSync(path.join(schemaDir, 'openapi.yaml'), 'utf8'));
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** Validates the document as OpenAPI and resolves its $refs (a copy; the input is untouched). */
export async function dereferencedSpec(spec: unknown): Promise<any> {
  await SwaggerParser.validate(clone(spec) as any);
  return SwaggerParser.dereference(clone(spec) as any);
}

/** `get /environments/:id` for every route an express router answers (nested routers too). */
export function routesOf(router: unknown): string[] {
  const routes = new Set<string>();
  const collect = (stack: any[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods))
          routes.add(`${method} ${layer.route.path}`);
      } else if (layer.handle?.stack) collect(layer.handle.stack);
    }
  };
  collect((router as { stack: any[] }).stack);
  // The spec itself, served by the OpenAPI router.
  routes.delete('get /openapi.json');
  return [...routes].sort();
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** The spec's operations in express's spelling (`{id}` becomes `:id`). */
export function documentedRoutes(spec: any): string[] {
  return Object.entries(spec.paths ?? {})
    .flatMap(([route, item]: [string, any]) =>
      Object.keys(item)
        .filter(m => METHODS.includes(m))
        .map(m => `${m} ${route.replace(/\{([^}]+)\}/g, ':$1')}`),
    )
    .sort();
}

/** The limits a client can see, as JSON Schema keywords. */
const LIMITS = [
  'type',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'enum',
  'const',
  'format',
  'pattern',
  'default',
] as const;

/**
 * A JSON Schema reduced to what a client can see: its limits, and the same for each property
 * and array item, with which properties are required and whether others are refused.
 */
export function limitsOf(schema: any): any {
  if (!schema || typeof schema !== 'object') return schema;
  const out: any = {};
  for (const key of LIMITS)
    if (schema[key] !== undefined) out[key] = schema[key];
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, limitsOf(v)]),
    );
    out.required = [...(schema.required ?? [])].sort();
    out.additionalProperties =
      schema.additionalProperties === false ? false : true;
  }
  if (schema.items) out.items = limitsOf(schema.items);
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    if (schema[key]) out[key] = schema[key].map(limitsOf);
  return out;
}

/** The limits of a zod schema as a client sends it (its input), as JSON Schema. */
export function zodLimits(schema: z.ZodType): any {
  const json: any = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  });
  delete json.$schema;
  return limitsOf(withoutFormatPatterns(json));
}

/** zod spells a format (`date-time`) out as a pattern too; the format alone is the contract. */
function withoutFormatPatterns(schema: any): any {
  if (Array.isArray(schema)) return schema.map(withoutFormatPatterns);
  if (!schema || typeof schema !== 'object') return schema;
  const out: any = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'pattern' && schema.format) continue;
    out[key] = withoutFormatPatterns(value);
  }
  return out;
}

/**
 * An operation's query (or path) parameters as one object schema, to compare with the zod
 * schema of the same query.
 */
export function parametersAsSchema(
  operation: any,
  where: 'query' | 'path',
): any {
  const params = (operation.parameters ?? []).filter(
    (p: any) => p.in === where,
  );
  return limitsOf({
    type: 'object',
    properties: Object.fromEntries(params.map((p: any) => [p.name, p.schema])),
    required: params.filter((p: any) => p.required).map((p: any) => p.name),
    additionalProperties: false,
  });
}
