// A -common package's client, generated from its backend's openapi.yaml: the types with
// openapi-typescript, and DefaultApiClient with one method per operation (the shape of the client
// Backstage's repo-tools generates, which needs a Maven jar these machines cannot download).
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

const HEADER = `// Generated from the backend's src/schema/openapi.yaml by scripts/openapi-router.mjs; do not edit.
/* eslint-disable */
`;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const camel = s =>
  s
    .replace(/[^A-Za-z0-9]+(.)/g, (_, c) => c.toUpperCase())
    .replace(/^./, c => c.toLowerCase());

function operationsOf(spec) {
  const out = [];
  for (const [route, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(
        p => (p.$ref ? resolve(spec, p.$ref) : p),
      );
      const success = Object.keys(op.responses ?? {}).find(s =>
        /^2\d\d$/.test(s),
      );
      const requestBody = op.requestBody?.$ref
        ? resolve(spec, op.requestBody.$ref)
        : op.requestBody;
      let response = success ? op.responses[success] : undefined;
      if (response?.$ref) response = resolve(spec, response.$ref);
      out.push({
        route,
        method,
        id: op.operationId ?? camel(`${method} ${route.replace(/[{}]/g, '')}`),
        summary:
          op.summary ??
          op.description?.split('\n')[0] ??
          `${method.toUpperCase()} ${route}`,
        has: {
          path: params.some(p => p.in === 'path'),
          query: params.some(p => p.in === 'query'),
          header: params.some(p => p.in === 'header'),
          body: Boolean(requestBody?.content?.['application/json']),
          bodyRequired: Boolean(requestBody?.required),
          queryRequired: params.some(p => p.in === 'query' && p.required),
        },
        success,
        json: Boolean(response?.content?.['application/json']),
      });
    }
  }
  return out;
}

function resolve(spec, ref) {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce(
      (at, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
      spec,
    );
}

function clientSource(spec, pluginId, ops) {
  const methods = ops.map(op => {
    const t = `operations['${op.id}']`;
    const fields = [];
    if (op.has.path) fields.push(`path: ${t}['parameters']['path'];`);
    if (op.has.query)
      fields.push(
        `query${op.has.queryRequired ? '' : '?'}: ${t}['parameters']['query'];`,
      );
    if (op.has.header) fields.push(`headers?: ${t}['parameters']['header'];`);
    if (op.has.body)
      fields.push(
        `body${
          op.has.bodyRequired ? '' : '?'
        }: NonNullable<${t}['requestBody']>['content']['application/json'];`,
      );
    const optional =
      !op.has.path && !op.has.bodyRequired && !op.has.queryRequired;
    const result =
      op.json && op.success
        ? `TypedResponse<${t}['responses'][${op.success}]['content']['application/json']>`
        : 'TypedResponse<unknown>';
    return `
  /** ${op.summary.replace(/\*\//g, '* /')} (${op.method.toUpperCase()} ${
      op.route
    }) */
  async ${camel(op.id)}(
    request: { ${fields.join(' ')} }${optional ? ' = {}' : ''},
    options?: RequestOptions,
  ): Promise<${result}> {
    return this.call('${op.method.toUpperCase()}', '${
      op.route
    }', request, options);
  }`;
  });
  return `${HEADER}
import { ResponseError } from '@backstage/errors';
import type { operations } from './types';

/** A fetch Response whose json() is the operation's documented body. */
export type TypedResponse<T> = Omit<Response, 'json'> & { json(): Promise<T> };

/** The response when it is a success; otherwise the server's error, thrown as a ResponseError. */
export async function okOrThrow<T extends { ok: boolean }>(
  response: T | Promise<T>,
): Promise<T> {
  const settled = await response;
  if (!settled.ok)
    throw await ResponseError.fromResponse(settled as unknown as Response);
  return settled;
}

/** What the client needs from Backstage's discovery and fetch APIs (frontend or backend). */
export type ClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
};

/** Per call: a token to send (a backend calling with a user's or its own token). */
export type RequestOptions = { token?: string };

type CallRequest = {
  path?: object;
  query?: object;
  headers?: object;
  body?: unknown;
};

/** ${String(
    spec.info?.title ?? pluginId,
  )} (/api/${pluginId}): one method per operation of its OpenAPI spec. */
export class DefaultApiClient {
  constructor(private readonly options: ClientOptions) {}
${methods.join('\n')}

  private async call(
    method: string,
    route: string,
    request: CallRequest,
    options?: RequestOptions,
  ): Promise<any> {
    const base = await this.options.discoveryApi.getBaseUrl('${pluginId}');
    const pathParams = (request.path ?? {}) as Record<string, unknown>;
    const url = route.replace(/\\{([^}]+)\\}/g, (_, name) =>
      encodeURIComponent(String(pathParams[name])),
    );
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null && item !== '')
          query.append(key, String(item));
      }
    }
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.headers ?? {})) {
      if (value !== undefined && value !== null) headers[key] = String(value);
    }
    if (options?.token) headers.Authorization = \`Bearer \${options.token}\`;
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    const text = query.toString();
    const fetchFn = this.options.fetchApi?.fetch ?? fetch;
    return fetchFn(\`\${base}\${url}\${text ? \`?\${text}\` : ''}\`, {
      method,
      headers,
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
    });
  }
}
`;
}

/** The generated files of one -common package, as { file: text } (not yet formatted). */
export async function clientFiles(backendDir, commonDir) {
  const yamlFile = path.join(backendDir, 'src/schema/openapi.yaml');
  const spec = parse(fs.readFileSync(yamlFile, 'utf8'));
  const pluginId = path.basename(backendDir).replace(/-backend$/, '');
  const types = astToString(
    // A default does not make a field required of the caller; an open object holds anything.
    await openapiTS(new URL(`file://${yamlFile}`), {
      defaultNonNullable: false,
      emptyObjectsUnknown: true,
    }),
  );
  const dir = path.join(commonDir, 'src/schema/openapi/generated');
  return {
    [path.join(dir, 'types.ts')]: `${HEADER}\n${types}`,
    [path.join(dir, 'DefaultApiClient.ts')]: clientSource(
      spec,
      pluginId,
      operationsOf(spec),
    ),
    [path.join(
      dir,
      'index.ts',
    )]: `${HEADER}\nexport * from './DefaultApiClient';\nexport type * from './types';\n`,
  };
}
