import { ResponseError } from '@backstage/errors';
import { OwnedEntitiesResponse, TeamsResponse } from '../report';

export type OwnershipClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
};

/** Filters as the page holds them (strings from the URL); the server validates them. */
export type OwnershipFilterParams = {
  team?: string;
  problem?: string;
  kind?: string;
  lifecycle?: string;
};

/** The ownership API as the page (and other plugins) call it. */
export class OwnershipClient {
  constructor(private readonly options: OwnershipClientOptions) {}

  listEntities(
    filters: OwnershipFilterParams = {},
  ): Promise<OwnedEntitiesResponse> {
    return this.get(`/entities${toQuery(filters)}`).then(r => r.json());
  }

  listTeams(filters: OwnershipFilterParams = {}): Promise<TeamsResponse> {
    return this.get(`/teams${toQuery(filters)}`).then(r => r.json());
  }

  /** The same rows as CSV text, for a download. */
  async exportCsv(
    what: 'entities' | 'teams',
    filters: OwnershipFilterParams = {},
  ): Promise<string> {
    const response = await this.get(
      `/${what}${toQuery({ ...filters, format: 'csv' })}`,
    );
    return response.text();
  }

  private async get(path: string): Promise<Response> {
    const base = await this.options.discoveryApi.getBaseUrl('ownership');
    const fetchFn = this.options.fetchApi?.fetch ?? fetch;
    const response = await fetchFn(`${base}${path}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }
}

function toQuery(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) query.set(key, value);
  }
  const s = query.toString();
  return s ? `?${s}` : '';
}
