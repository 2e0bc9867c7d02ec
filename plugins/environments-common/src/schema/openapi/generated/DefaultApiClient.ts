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

/** environments (/api/environments): one method per operation of its OpenAPI spec. */
export class DefaultApiClient {
  constructor(private readonly options: ClientOptions) {}

  /** The environment classes that loaded, the problems of those that did not, and the registered drivers. (GET /classes) */
  async listClasses(
    request: {} = {},
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ListClasses']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/classes', request, options);
  }

  /** One environment class, as loaded. (GET /classes/{id}) */
  async getClass(
    request: { path: operations['GetClass']['parameters']['path'] },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetClass']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/classes/{id}', request, options);
  }

  /** Reloads the classes from config and class files (platform team or a service, with `environments.class.manage`). Takes no body; one sent is ignored. (POST /classes/reload) */
  async reloadClasses(
    request: {} = {},
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ReloadClasses']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('POST', '/classes/reload', request, options);
  }

  /** The environments the caller may read, newest first, filtered, a page at a time (no secrets, no resource detail). (GET /environments) */
  async listEnvironments(
    request: {
      query?: operations['ListEnvironments']['parameters']['query'];
    } = {},
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ListEnvironments']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/environments', request, options);
  }

  /** Requests an environment of a class for an owning group the caller belongs to (or any, for the platform team). Recorded at once and provisioned in the background, or held for the platform team's approval when the class requires it. (POST /environments) */
  async createEnvironment(
    request: {
      headers?: operations['CreateEnvironment']['parameters']['header'];
      body: NonNullable<
        operations['CreateEnvironment']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['CreateEnvironment']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('POST', '/environments', request, options);
  }

  /** One environment with its resources; secrets only for its owners. (GET /environments/{id}) */
  async getEnvironment(
    request: { path: operations['GetEnvironment']['parameters']['path'] },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetEnvironment']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/environments/{id}', request, options);
  }

  /** Adds hours to the expiry, up to the class's maximum from creation (owners and the platform team). (POST /environments/{id}/extend) */
  async extendEnvironment(
    request: {
      path: operations['ExtendEnvironment']['parameters']['path'];
      body: NonNullable<
        operations['ExtendEnvironment']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ExtendEnvironment']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('POST', '/environments/{id}/extend', request, options);
  }

  /** Tears a ready or failed environment down in the background, or withdraws a request awaiting approval (owners and the platform team). (POST /environments/{id}/teardown) */
  async teardownEnvironment(
    request: {
      path: operations['TeardownEnvironment']['parameters']['path'];
      body?: NonNullable<
        operations['TeardownEnvironment']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['TeardownEnvironment']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('POST', '/environments/{id}/teardown', request, options);
  }

  /** Approves an environment awaiting approval; it is provisioned in the background (the platform team, not the person who requested it). (POST /environments/{id}/approve) */
  async approveEnvironment(
    request: {
      path: operations['ApproveEnvironment']['parameters']['path'];
      body?: NonNullable<
        operations['ApproveEnvironment']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ApproveEnvironment']['responses'][202]['content']['application/json']
    >
  > {
    return this.call('POST', '/environments/{id}/approve', request, options);
  }

  /** Rejects an environment awaiting approval, saying why (the platform team); nothing is created. (POST /environments/{id}/reject) */
  async rejectEnvironment(
    request: {
      path: operations['RejectEnvironment']['parameters']['path'];
      body: NonNullable<
        operations['RejectEnvironment']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['RejectEnvironment']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('POST', '/environments/{id}/reject', request, options);
  }

  /** The environment's live log, oldest first; poll with `after` set to the last id seen until the status is final. (GET /environments/{id}/events) */
  async listEnvironmentEvents(
    request: {
      path: operations['ListEnvironmentEvents']['parameters']['path'];
      query?: operations['ListEnvironmentEvents']['parameters']['query'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ListEnvironmentEvents']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/environments/{id}/events', request, options);
  }

  /** Who did what to the environment, newest first. (GET /environments/{id}/audit) */
  async getEnvironmentAudit(
    request: { path: operations['GetEnvironmentAudit']['parameters']['path'] },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetEnvironmentAudit']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/environments/{id}/audit', request, options);
  }

  /** The audit trail of every environment of one owner, newest first (its members and the platform team; needs an unconditional `environments.environment.read`). (GET /audit) */
  async getTeamAudit(
    request: { query: operations['GetTeamAudit']['parameters']['query'] },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetTeamAudit']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/audit', request, options);
  }

  /** Environments counted by status per class and per scaffolder template (needs an unconditional `environments.environment.read`). (GET /usage) */
  async getUsage(
    request: {} = {},
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetUsage']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/usage', request, options);
  }

  private async call(
    method: string,
    route: string,
    request: CallRequest,
    options?: RequestOptions,
  ): Promise<any> {
    const base = await this.options.discoveryApi.getBaseUrl('environments');
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
