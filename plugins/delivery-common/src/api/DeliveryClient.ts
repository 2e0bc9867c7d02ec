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
import {
  DefaultApiClient,
  okOrThrow,
  RequestOptions,
} from '../schema/openapi/generated';

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

/** The delivery API as the portal and other plugins call it, through the generated client. */
export class DeliveryClient {
  /** The client generated from the delivery backend's OpenAPI spec. */
  private readonly api: DefaultApiClient;

  constructor(private readonly options: DeliveryClientOptions) {
    this.api = new DefaultApiClient(options);
  }

  async getMetrics(query: MetricsQuery): Promise<MetricsResponse> {
    return body(this.api.getMetrics({ query: window(query) }, await this.as()));
  }

  /** DORA figures per day or week, for charts. */
  async getMetricsTimeseries(
    query: MetricsQuery & { bucket?: TimeseriesBucket },
  ): Promise<TimeseriesResponse> {
    return body(
      this.api.getTimeseries(
        { query: { ...window(query), bucket: query.bucket ?? 'week' } },
        await this.as(),
      ),
    );
  }

  /** The environments on a service's deploy path: what runs there, what is deploying, freezes. */
  async getServiceEnvironments(
    service: string,
  ): Promise<ServiceEnvironmentsResponse> {
    return body(
      this.api.getServiceEnvironments({ query: { service } }, await this.as()),
    );
  }

  /** Versions seen in the service's deployments, newest first. */
  async listVersions(
    service: string,
    limit = 20,
  ): Promise<KnownVersionsResponse> {
    return body(
      this.api.getKnownVersions({ query: { service, limit } }, await this.as()),
    );
  }

  /** Readiness figures of up to 1,000 services over the last `days`. */
  async getServiceFacts(
    services: string[],
    days = 30,
  ): Promise<ServiceFactsResponse> {
    return body(
      this.api.getServiceFacts({ body: { services, days } }, await this.as()),
    );
  }

  async listDeployments(query: {
    service: string;
    environment?: string;
    limit?: number;
  }): Promise<DeploymentListResponse> {
    return body(
      this.api.listDeploys(
        {
          query: {
            service: query.service,
            ...(query.environment && { environment: query.environment }),
            ...(query.limit && { limit: query.limit }),
          },
        },
        await this.as(),
      ),
    );
  }

  async getDeployment(id: string): Promise<Deployment> {
    return body(this.api.getDeploy({ path: { id } }, await this.as()));
  }

  /** The live log after event id `after` (poll with the last id seen). */
  async getDeploymentEvents(
    id: string,
    after = 0,
  ): Promise<DeploymentEventsResponse> {
    return body(
      this.api.getDeployEvents(
        { path: { id }, query: { after } },
        await this.as(),
      ),
    );
  }

  async deploy(request: DeployRequest): Promise<Deployment> {
    return body(this.api.deploy({ body: request }, await this.as()));
  }

  async rollback(request: RollbackRequest): Promise<Deployment> {
    return body(this.api.rollback({ body: request }, await this.as()));
  }

  async promote(request: PromoteRequest): Promise<Deployment> {
    return body(this.api.promote({ body: request }, await this.as()));
  }

  async approve(id: string): Promise<Deployment> {
    return body(this.api.approveDeploy({ path: { id } }, await this.as()));
  }

  async ingest(events: DeliveryEvent[]): Promise<IngestResponse> {
    return body(this.api.ingestEvents({ body: { events } }, await this.as()));
  }

  /** A backend caller's token, when it gave one (the frontend's fetchApi adds its own). */
  private async as(): Promise<RequestOptions> {
    const token = await this.options.token?.();
    return token ? { token } : {};
  }
}

/** A success's JSON body as the -common type the portal uses; an error is thrown. */
async function body<T>(response: Promise<{ ok: boolean }>): Promise<T> {
  const settled = (await okOrThrow(response)) as unknown as Response;
  return (await settled.json()) as T;
}

/** The metrics window and scope as the API reads them. */
function window(query: MetricsQuery) {
  return {
    from: new Date(query.from).toISOString(),
    to: new Date(query.to).toISOString(),
    ...(query.service && { service: query.service }),
    ...(query.team && { team: query.team }),
  };
}
