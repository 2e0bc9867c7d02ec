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
import {
  DefaultApiClient,
  okOrThrow,
  operations,
} from '../schema/openapi/generated';

/** What the client needs from Backstage's discovery and fetch APIs (frontend or backend). */
export type EnvironmentsClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
};

/** Per-call options, e.g. a backend calling on behalf of a user with their token. */
export type EnvironmentsRequestOptions = { token?: string };

/** The environments API as the portal, the scaffolder actions and other plugins call it. */
export class EnvironmentsClient {
  /** The client generated from the environments backend's OpenAPI spec. */
  private readonly api: DefaultApiClient;

  constructor(options: EnvironmentsClientOptions) {
    this.api = new DefaultApiClient(options);
  }

  async listEnvironments(
    query: ListEnvironmentsQuery = {},
    options?: EnvironmentsRequestOptions,
  ): Promise<ListEnvironmentsResponse> {
    return body(
      this.api.listEnvironments(
        {
          query: commaLists(query) as NonNullable<
            operations['ListEnvironments']['parameters']['query']
          >,
        },
        options,
      ),
    );
  }

  async getEnvironment(
    id: string,
    options?: EnvironmentsRequestOptions,
  ): Promise<EnvironmentResponse> {
    return body(this.api.getEnvironment({ path: { id } }, options));
  }

  /**
   * Requests an environment; it provisions in the background (follow `getEvents`). With an
   * idempotency key a retry returns the same environment instead of a second one.
   */
  async createEnvironment(
    request: CreateEnvironmentRequest,
    options?: EnvironmentsRequestOptions & { idempotencyKey?: string },
  ): Promise<Environment> {
    return body(
      this.api.createEnvironment(
        {
          body: request,
          headers: options?.idempotencyKey
            ? { 'Idempotency-Key': options.idempotencyKey }
            : undefined,
        },
        options,
      ),
    );
  }

  async extendEnvironment(
    id: string,
    hours: number,
    options?: EnvironmentsRequestOptions,
  ): Promise<Environment> {
    return body(
      this.api.extendEnvironment({ path: { id }, body: { hours } }, options),
    );
  }

  async teardownEnvironment(
    id: string,
    reason?: string,
    options?: EnvironmentsRequestOptions,
  ): Promise<Environment> {
    return body(
      this.api.teardownEnvironment(
        { path: { id }, body: reason ? { reason } : {} },
        options,
      ),
    );
  }

  async approveEnvironment(
    id: string,
    reason?: string,
    options?: EnvironmentsRequestOptions,
  ): Promise<Environment> {
    return body(
      this.api.approveEnvironment(
        { path: { id }, body: reason ? { reason } : {} },
        options,
      ),
    );
  }

  async rejectEnvironment(
    id: string,
    reason: string,
    options?: EnvironmentsRequestOptions,
  ): Promise<Environment> {
    return body(
      this.api.rejectEnvironment({ path: { id }, body: { reason } }, options),
    );
  }

  /** Log lines after the given event id (0 for all), for following the log live. */
  async getEvents(
    id: string,
    after = 0,
    options?: EnvironmentsRequestOptions,
  ): Promise<EnvironmentEventsResponse> {
    return body(
      this.api.listEnvironmentEvents(
        { path: { id }, query: { after } },
        options,
      ),
    );
  }

  async getEnvironmentAudit(
    id: string,
    options?: EnvironmentsRequestOptions,
  ): Promise<AuditResponse> {
    return body(this.api.getEnvironmentAudit({ path: { id } }, options));
  }

  async getTeamAudit(
    owner: string,
    options?: EnvironmentsRequestOptions,
  ): Promise<AuditResponse> {
    return body(this.api.getTeamAudit({ query: { owner } }, options));
  }

  async listClasses(
    options?: EnvironmentsRequestOptions,
  ): Promise<ListClassesResponse> {
    return body(this.api.listClasses({}, options));
  }

  async getUsage(options?: EnvironmentsRequestOptions): Promise<UsageResponse> {
    return body(this.api.getUsage({}, options));
  }
}

/** A success's JSON body as the -common type the portal uses; an error is thrown. */
async function body<T>(response: Promise<{ ok: boolean }>): Promise<T> {
  const settled = (await okOrThrow(response)) as unknown as Response;
  return (await settled.json()) as T;
}

/** List filters travel as one comma-separated value each, as the API reads them. */
function commaLists(query: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
  );
}
