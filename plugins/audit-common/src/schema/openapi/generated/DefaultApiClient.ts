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

/** audit (/api/audit): one method per operation of its OpenAPI spec. */
export class DefaultApiClient {
  constructor(private readonly options: ClientOptions) {}

  /** Audit events, newest first, filtered; a page at a time as JSON, or every match from `cursor` on as CSV. (GET /events) */
  async listEvents(
    request: { query?: operations['ListEvents']['parameters']['query'] } = {},
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ListEvents']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/events', request, options);
  }

  private async call(
    method: string,
    route: string,
    request: CallRequest,
    options?: RequestOptions,
  ): Promise<any> {
    const base = await this.options.discoveryApi.getBaseUrl('audit');
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
