// Generated from the backend's src/schema/openapi.yaml by scripts/openapi-router.mjs; do not edit.
/* eslint-disable */

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

/** ownership (/api/ownership): one method per operation of its OpenAPI spec. */
export class DefaultApiClient {
  constructor(private readonly options: ClientOptions) {}

  /** Owned entities and their ownership problems, with a summary; every filter optional, combined with AND. As JSON, or as CSV with `format=csv`. (GET /entities) */
  async listEntities(
    request: { query?: operations['ListEntities']['parameters']['query'] } = {},
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ListEntities']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/entities', request, options);
  }

  /** Teams with their members, what they own, their environments and latest deployments, and their problems; environments and delivery being down leaves the rest (`unavailable`). As JSON, or as CSV with `format=csv`. (GET /teams) */
  async listTeams(
    request: { query?: operations['ListTeams']['parameters']['query'] } = {},
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ListTeams']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/teams', request, options);
  }

  private async call(
    method: string,
    route: string,
    request: CallRequest,
    options?: RequestOptions,
  ): Promise<any> {
    const base = await this.options.discoveryApi.getBaseUrl('ownership');
    const pathParams = (request.path ?? {}) as Record<string, unknown>;
    const url = route.replace(/\{([^}]+)\}/g, (_, name) =>
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
    if (options?.token) headers.Authorization = `Bearer ${options.token}`;
    if (request.body !== undefined)
      headers['Content-Type'] = 'application/json';
    const text = query.toString();
    const fetchFn = this.options.fetchApi?.fetch ?? fetch;
    return fetchFn(`${base}${url}${text ? `?${text}` : ''}`, {
      method,
      headers,
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
    });
  }
}
