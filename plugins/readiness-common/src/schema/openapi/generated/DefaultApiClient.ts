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

/** readiness (/api/readiness): one method per operation of its OpenAPI spec. */
export class DefaultApiClient {
  constructor(private readonly options: ClientOptions) {}

  /** Every loaded check with its guidance, and the checks that failed to load. (GET /checks) */
  async listChecks(
    request: {} = {},
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ListChecks']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/checks', request, options);
  }

  /** Evaluates one entity now (`readiness.evaluate` on it) or, without `entityRef`, every entity (`readiness.evaluate.all`). The body may be absent. (POST /evaluate) */
  async evaluate(
    request: {
      body?: NonNullable<
        operations['Evaluate']['requestBody']
      >['content']['application/json'];
    } = {},
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['Evaluate']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('POST', '/evaluate', request, options);
  }

  /** The entity's scorecard (`readiness.read` on it); an entity in the catalog that was never evaluated is evaluated first. (GET /scorecards/{kind}/{namespace}/{name}) */
  async getScorecard(
    request: { path: operations['GetScorecard']['parameters']['path'] },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetScorecard']['responses'][200]['content']['application/json']
    >
  > {
    return this.call(
      'GET',
      '/scorecards/{kind}/{namespace}/{name}',
      request,
      options,
    );
  }

  /** The entity's score changes per capability since `since` (`readiness.read` on it). (GET /scorecards/{kind}/{namespace}/{name}/history) */
  async getScoreHistory(
    request: {
      path: operations['GetScoreHistory']['parameters']['path'];
      query?: operations['GetScoreHistory']['parameters']['query'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetScoreHistory']['responses'][200]['content']['application/json']
    >
  > {
    return this.call(
      'GET',
      '/scorecards/{kind}/{namespace}/{name}/history',
      request,
      options,
    );
  }

  /** CI pushes a batch of facts (`readiness.facts.push`), all or nothing: a fact that is not declared, or a value outside its declared range, is a 400 naming it; an entity the catalog does not have is a 404. The entities are then evaluated again. (POST /facts) */
  async pushFacts(
    request: {
      body: NonNullable<
        operations['PushFacts']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['PushFacts']['responses'][202]['content']['application/json']
    >
  > {
    return this.call('POST', '/facts', request, options);
  }

  /** The entity's exemptions, active and past (`readiness.read` on it). (GET /exemptions) */
  async listExemptions(
    request: { query: operations['ListExemptions']['parameters']['query'] },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ListExemptions']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/exemptions', request, options);
  }

  /** A user exempts an entity from a check, for a reason, until a date (`readiness.exemption.manage` on the entity). An expiry in the past or beyond readiness.exemptions.maxDays is a 400; an unknown entity or check a 404; an active exemption of the same entity from the same check a 409. (POST /exemptions) */
  async createExemption(
    request: {
      body: NonNullable<
        operations['CreateExemption']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['CreateExemption']['responses'][201]['content']['application/json']
    >
  > {
    return this.call('POST', '/exemptions', request, options);
  }

  /** A user revokes an exemption (`readiness.exemption.manage` on its entity); the entity is evaluated again. (DELETE /exemptions/{id}) */
  async revokeExemption(
    request: { path: operations['RevokeExemption']['parameters']['path'] },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['RevokeExemption']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('DELETE', '/exemptions/{id}', request, options);
  }

  /** The scorecards the caller may read, one row per entity, filtered and sorted; a page at a time as JSON, or every match as CSV. (GET /overview) */
  async listOverview(
    request: { query?: operations['ListOverview']['parameters']['query'] } = {},
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ListOverview']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/overview', request, options);
  }

  /** Per owning team (or for the whole organisation), over the scorecards the caller may read: the average score and level counts per capability, the weakest capability, and the check to fix first for the most entities. (GET /rollups) */
  async listRollups(
    request: { query?: operations['ListRollups']['parameters']['query'] } = {},
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ListRollups']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/rollups', request, options);
  }

  private async call(
    method: string,
    route: string,
    request: CallRequest,
    options?: RequestOptions,
  ): Promise<any> {
    const base = await this.options.discoveryApi.getBaseUrl('readiness');
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
