import { OwnedEntitiesResponse, TeamsResponse } from '../report';
import {
  DefaultApiClient,
  okOrThrow,
  operations,
} from '../schema/openapi/generated';

/** The routes' queries as the spec states them. */
type EntitiesQuery = NonNullable<
  operations['ListEntities']['parameters']['query']
>;
type TeamsQuery = NonNullable<operations['ListTeams']['parameters']['query']>;

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

/**
 * Empty filters are left out, as the page's URL leaves them out. The page's values are strings
 * from its URL: the server checks them against the spec and answers a 400 naming the field.
 */
function present<Q>(filters: OwnershipFilterParams): Q {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Q;
}

/** The ownership API as the page (and other plugins) call it, through the generated client. */
export class OwnershipClient {
  private readonly api: DefaultApiClient;

  constructor(options: OwnershipClientOptions) {
    this.api = new DefaultApiClient(options);
  }

  async listEntities(
    filters: OwnershipFilterParams = {},
  ): Promise<OwnedEntitiesResponse> {
    const response = await okOrThrow(
      this.api.listEntities({ query: present<EntitiesQuery>(filters) }),
    );
    return (await response.json()) as OwnedEntitiesResponse;
  }

  async listTeams(filters: OwnershipFilterParams = {}): Promise<TeamsResponse> {
    const response = await okOrThrow(
      this.api.listTeams({ query: present<TeamsQuery>(filters) }),
    );
    return (await response.json()) as TeamsResponse;
  }

  /** The same rows as CSV text, for a download. */
  async exportCsv(
    what: 'entities' | 'teams',
    filters: OwnershipFilterParams = {},
  ): Promise<string> {
    const response =
      what === 'entities'
        ? await okOrThrow(
            this.api.listEntities({
              query: { ...present<EntitiesQuery>(filters), format: 'csv' },
            }),
          )
        : await okOrThrow(
            this.api.listTeams({
              query: { ...present<TeamsQuery>(filters), format: 'csv' },
            }),
          );
    return response.text();
  }
}
