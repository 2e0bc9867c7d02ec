import { ResponseError } from '@backstage/errors';
import { CheckDefinition } from '../schema/check';
import {
  OverviewResponse,
  RollupsResponse,
  ScoreHistoryResponse,
  ScorecardResponse,
} from './responses';

/** What the client needs from Backstage's discovery and fetch APIs (frontend or backend). */
export type ReadinessClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
};

export type OverviewQuery = {
  owner?: string[];
  system?: string[];
  kind?: string[];
  lifecycle?: string[];
  level?: string[];
  search?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
};

/** The readiness API as the portal and other plugins call it. */
export class ReadinessClient {
  constructor(private readonly options: ReadinessClientOptions) {}

  getScorecard(entityRef: string): Promise<ScorecardResponse> {
    return this.get(`/scorecards/${refPath(entityRef)}`);
  }

  getHistory(entityRef: string, since?: Date): Promise<ScoreHistoryResponse> {
    const query = since
      ? `?since=${encodeURIComponent(since.toISOString())}`
      : '';
    return this.get(`/scorecards/${refPath(entityRef)}/history${query}`);
  }

  getOverview(query: OverviewQuery = {}): Promise<OverviewResponse> {
    return this.get(`/overview${toQuery(query)}`);
  }

  getRollups(
    query: Omit<OverviewQuery, 'sort' | 'order' | 'limit' | 'offset'> & {
      groupBy?: 'owner' | 'none';
    } = {},
  ): Promise<RollupsResponse> {
    return this.get(`/rollups${toQuery(query)}`);
  }

  listChecks(): Promise<{ checks: CheckDefinition[] }> {
    return this.get('/checks');
  }

  /** The URL of the CSV export for a query, for a download link. */
  async overviewCsvUrl(query: OverviewQuery = {}): Promise<string> {
    const base = await this.options.discoveryApi.getBaseUrl('readiness');
    return `${base}/overview${toQuery({ ...query, format: 'csv' })}`;
  }

  private async get<T>(path: string): Promise<T> {
    const base = await this.options.discoveryApi.getBaseUrl('readiness');
    const fetchFn = this.options.fetchApi?.fetch ?? fetch;
    const response = await fetchFn(`${base}${path}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}

function refPath(entityRef: string) {
  const match = /^([^:]+):(?:([^/]+)\/)?(.+)$/.exec(entityRef);
  if (!match) throw new Error(`Not an entity ref: ${entityRef}`);
  const [, kind, namespace = 'default', name] = match;
  return [kind, namespace, name].map(encodeURIComponent).join('/');
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
