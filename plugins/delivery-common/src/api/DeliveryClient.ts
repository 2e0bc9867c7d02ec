import { ResponseError } from '@backstage/errors';
import { MetricsResponse, ServiceFactsResponse } from '../metrics';
import {
  DeployRequest,
  PromoteRequest,
  RollbackRequest,
} from '../schema/deploys';
import { DeliveryEvent, IngestResponse } from '../schema/ingest';
import { TimeseriesBucket } from '../schema/views';
import {
  Deployment,
  DeploymentEventsResponse,
  DeploymentListResponse,
} from '../types';
import {
  KnownVersionsResponse,
  ServiceEnvironmentsResponse,
  TimeseriesResponse,
} from '../views';

/** What the client needs from Backstage's discovery and fetch APIs (frontend or backend). */
export type DeliveryClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
  /** A backend caller's token (service credentials); the frontend's fetchApi adds its own. */
  token?: () => Promise<string | undefined>;
};

export type MetricsQuery = {
  from: Date | string;
  to: Date | string;
  /** One service (entity ref), or a team (group entity ref), or neither for the organisation. */
  service?: string;
  team?: string;
};

/** The delivery API as the portal and other plugins call it. */
export class DeliveryClient {
  constructor(private readonly options: DeliveryClientOptions) {}

  getMetrics(query: MetricsQuery): Promise<MetricsResponse> {
    const params = new URLSearchParams({
      from: new Date(query.from).toISOString(),
      to: new Date(query.to).toISOString(),
    });
    if (query.service) params.set('service', query.service);
    if (query.team) params.set('team', query.team);
    return this.request(`/metrics?${params}`);
  }

  /** DORA figures per day or week, for charts. */
  getMetricsTimeseries(
    query: MetricsQuery & { bucket?: TimeseriesBucket },
  ): Promise<TimeseriesResponse> {
    const params = new URLSearchParams({
      from: new Date(query.from).toISOString(),
      to: new Date(query.to).toISOString(),
      bucket: query.bucket ?? 'week',
    });
    if (query.service) params.set('service', query.service);
    if (query.team) params.set('team', query.team);
    return this.request(`/metrics/timeseries?${params}`);
  }

  /** The environments on a service's deploy path: what runs there, what is deploying, freezes. */
  getServiceEnvironments(
    service: string,
  ): Promise<ServiceEnvironmentsResponse> {
    return this.request(`/environments?${new URLSearchParams({ service })}`);
  }

  /** Versions seen in the service's deployments, newest first. */
  listVersions(service: string, limit = 20): Promise<KnownVersionsResponse> {
    return this.request(
      `/versions?${new URLSearchParams({ service, limit: String(limit) })}`,
    );
  }

  /** Readiness figures of up to 1,000 services over the last `days`. */
  getServiceFacts(
    services: string[],
    days = 30,
  ): Promise<ServiceFactsResponse> {
    return this.request('/metrics/services', { services, days });
  }

  listDeployments(query: {
    service: string;
    environment?: string;
    limit?: number;
  }): Promise<DeploymentListResponse> {
    const params = new URLSearchParams({ service: query.service });
    if (query.environment) params.set('environment', query.environment);
    if (query.limit) params.set('limit', String(query.limit));
    return this.request(`/deploys?${params}`);
  }

  getDeployment(id: string): Promise<Deployment> {
    return this.request(`/deploys/${encodeURIComponent(id)}`);
  }

  /** The live log after event id `after` (poll with the last id seen). */
  getDeploymentEvents(
    id: string,
    after = 0,
  ): Promise<DeploymentEventsResponse> {
    return this.request(
      `/deploys/${encodeURIComponent(id)}/events?after=${after}`,
    );
  }

  deploy(request: DeployRequest): Promise<Deployment> {
    return this.request('/deploys', request);
  }

  rollback(request: RollbackRequest): Promise<Deployment> {
    return this.request('/deploys/rollback', request);
  }

  promote(request: PromoteRequest): Promise<Deployment> {
    return this.request('/deploys/promote', request);
  }

  approve(id: string): Promise<Deployment> {
    return this.request(`/deploys/${encodeURIComponent(id)}/approve`, {});
  }

  ingest(events: DeliveryEvent[]): Promise<IngestResponse> {
    return this.request('/events', { events });
  }

  private async request<T>(path: string, body?: unknown): Promise<T> {
    const base = await this.options.discoveryApi.getBaseUrl('delivery');
    const fetchFn = this.options.fetchApi?.fetch ?? fetch;
    const token = await this.options.token?.();
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetchFn(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
