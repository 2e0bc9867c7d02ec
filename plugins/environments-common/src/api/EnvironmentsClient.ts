import { ResponseError } from '@backstage/errors';
import {
  CreateEnvironmentRequest,
  ListEnvironmentsQuery,
} from '../schema/requests';
import { Environment } from '../types';
import {
  AuditResponse,
  EnvironmentEventsResponse,
  EnvironmentResponse,
  ListClassesResponse,
  ListEnvironmentsResponse,
  UsageResponse,
} from './responses';

/** What the client needs from Backstage's discovery and fetch APIs (frontend or backend). */
export type EnvironmentsClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
};

/** Per-call options, e.g. a backend calling on behalf of a user with their token. */
export type EnvironmentsRequestOptions = { token?: string };

/** The environments API as the portal, the scaffolder actions and other plugins call it. */
export class EnvironmentsClient {
  constructor(private readonly options: EnvironmentsClientOptions) {}

  listEnvironments(
    query: ListEnvironmentsQuery = {},
    options?: EnvironmentsRequestOptions,
  ): Promise<ListEnvironmentsResponse> {
    return this.request('GET', `/environments${toQuery(query)}`, options);
  }

  getEnvironment(
    id: string,
    options?: EnvironmentsRequestOptions,
  ): Promise<EnvironmentResponse> {
    return this.request('GET', `/environments/${enc(id)}`, options);
  }

  /**
   * Requests an environment; it provisions in the background (follow `getEvents`). With an
   * idempotency key a retry returns the same environment instead of a second one.
   */
  createEnvironment(
    request: CreateEnvironmentRequest,
    options?: EnvironmentsRequestOptions & { idempotencyKey?: string },
  ): Promise<Environment> {
    return this.request('POST', '/environments', options, request, {
      ...(options?.idempotencyKey && {
        'Idempotency-Key': options.idempotencyKey,
      }),
    });
  }

  extendEnvironment(
    id: string,
    hours: number,
    options?: EnvironmentsRequestOptions,
  ): Promise<Environment> {
    return this.request('POST', `/environments/${enc(id)}/extend`, options, {
      hours,
    });
  }

  teardownEnvironment(
    id: string,
    reason?: string,
    options?: EnvironmentsRequestOptions,
  ): Promise<Environment> {
    return this.request(
      'POST',
      `/environments/${enc(id)}/teardown`,
      options,
      reason ? { reason } : {},
    );
  }

  approveEnvironment(
    id: string,
    reason?: string,
    options?: EnvironmentsRequestOptions,
  ): Promise<Environment> {
    return this.request(
      'POST',
      `/environments/${enc(id)}/approve`,
      options,
      reason ? { reason } : {},
    );
  }

  rejectEnvironment(
    id: string,
    reason: string,
    options?: EnvironmentsRequestOptions,
  ): Promise<Environment> {
    return this.request('POST', `/environments/${enc(id)}/reject`, options, {
      reason,
    });
  }

  /** Log lines after the given event id (0 for all), for following the log live. */
  getEvents(
    id: string,
    after = 0,
    options?: EnvironmentsRequestOptions,
  ): Promise<EnvironmentEventsResponse> {
    return this.request(
      'GET',
      `/environments/${enc(id)}/events?after=${after}`,
      options,
    );
  }

  getEnvironmentAudit(
    id: string,
    options?: EnvironmentsRequestOptions,
  ): Promise<AuditResponse> {
    return this.request('GET', `/environments/${enc(id)}/audit`, options);
  }

  getTeamAudit(
    owner: string,
    options?: EnvironmentsRequestOptions,
  ): Promise<AuditResponse> {
    return this.request('GET', `/audit${toQuery({ owner })}`, options);
  }

  listClasses(
    options?: EnvironmentsRequestOptions,
  ): Promise<ListClassesResponse> {
    return this.request('GET', '/classes', options);
  }

  getUsage(options?: EnvironmentsRequestOptions): Promise<UsageResponse> {
    return this.request('GET', '/usage', options);
  }

  private async request<T>(
    method: string,
    path: string,
    options?: EnvironmentsRequestOptions,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const base = await this.options.discoveryApi.getBaseUrl('environments');
    const fetchFn = this.options.fetchApi?.fetch ?? fetch;
    const response = await fetchFn(`${base}${path}`, {
      method,
      headers: {
        ...headers,
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
        ...(options?.token && { Authorization: `Bearer ${options.token}` }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}


function enc(value: string) {
  return encodeURIComponent(value);
}

function toQuery(query: Record<string, unknown>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
