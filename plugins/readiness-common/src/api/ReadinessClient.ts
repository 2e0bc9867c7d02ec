import { CheckDefinition } from '../schema/check';
import {
  OverviewResponse,
  RollupsResponse,
  ScoreHistoryResponse,
  ScorecardResponse,
} from './responses';
import {
  DefaultApiClient,
  okOrThrow,
  operations,
} from '../schema/openapi/generated';

type Query<Op extends keyof operations> = NonNullable<
  operations[Op]['parameters']['query']
>;

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

/** The readiness API as the portal and other plugins call it, through the generated client. */
export class ReadinessClient {
  private readonly api: DefaultApiClient;

  constructor(private readonly options: ReadinessClientOptions) {
    this.api = new DefaultApiClient(options);
  }

  async getScorecard(entityRef: string): Promise<ScorecardResponse> {
    const response = await okOrThrow(
      this.api.getScorecard({ path: refPath(entityRef) }),
    );
    return (await response.json()) as ScorecardResponse;
  }

  async getHistory(
    entityRef: string,
    since?: Date,
  ): Promise<ScoreHistoryResponse> {
    const response = await okOrThrow(
      this.api.getScoreHistory({
        path: refPath(entityRef),
        query: since ? { since: since.toISOString() } : {},
      }),
    );
    return (await response.json()) as ScoreHistoryResponse;
  }

  async getOverview(query: OverviewQuery = {}): Promise<OverviewResponse> {
    const response = await okOrThrow(
      this.api.listOverview({
        query: withoutEmpty(query) as Query<'ListOverview'>,
      }),
    );
    return (await response.json()) as OverviewResponse;
  }

  async getRollups(
    query: Omit<OverviewQuery, 'sort' | 'order' | 'limit' | 'offset'> & {
      groupBy?: 'owner' | 'none';
    } = {},
  ): Promise<RollupsResponse> {
    const response = await okOrThrow(
      this.api.listRollups({
        query: withoutEmpty(query) as Query<'ListRollups'>,
      }),
    );
    return (await response.json()) as RollupsResponse;
  }

  async listChecks(): Promise<{ checks: CheckDefinition[] }> {
    const response = await okOrThrow(this.api.listChecks());
    // The spec describes a rule as an open object; the rule grammar is readiness-common's.
    const body: unknown = await response.json();
    return body as { checks: CheckDefinition[] };
  }

  /** The URL of the CSV export for a query, for a download link. */
  async overviewCsvUrl(query: OverviewQuery = {}): Promise<string> {
    const base = await this.options.discoveryApi.getBaseUrl('readiness');
    return `${base}/overview${toQuery({ ...query, format: 'csv' })}`;
  }
}

/**
 * The filters the page set (empty ones left out). Its values are strings from its URL: the
 * server checks them against the spec and answers a 400 naming the field.
 */
function withoutEmpty(query: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(query).filter(
      ([, v]) =>
        v !== undefined && v !== '' && !(Array.isArray(v) && !v.length),
    ),
  );
}

function refPath(entityRef: string) {
  const match = /^([^:]+):(?:([^/]+)\/)?(.+)$/.exec(entityRef);
  if (!match) throw new Error(`Not an entity ref: ${entityRef}`);
  const [, kind, namespace = 'default', name] = match;
  return { kind, namespace, name };
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
