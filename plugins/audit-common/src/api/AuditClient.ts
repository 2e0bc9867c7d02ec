import { AuditEventsResponse } from '../events';
import {
  DefaultApiClient,
  okOrThrow,
  operations,
} from '../schema/openapi/generated';

/** GET /events' query, as the OpenAPI spec states it. */
type EventsQuery = NonNullable<operations['ListEvents']['parameters']['query']>;

/** What the client needs from Backstage's discovery and fetch APIs (frontend or backend). */
export type AuditClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
};

/** Per-call options, e.g. a backend calling with a user's or its own token. */
export type AuditRequestOptions = { token?: string };

/** The filters of GET /api/audit/events, without the output format (one method per format). */
export type AuditEventsFilter = Omit<EventsQuery, 'format'>;

/** The audit trail API (GET /api/audit/events) as the portal and scripts call it. */
export class AuditClient {
  /** The client generated from the audit backend's OpenAPI spec. */
  private readonly api: DefaultApiClient;

  constructor(options: AuditClientOptions) {
    this.api = new DefaultApiClient(options);
  }

  /** One page of events, newest first; pass `nextCursor` back as `cursor` for the next. */
  async listEvents(
    filter: AuditEventsFilter = {},
    options?: AuditRequestOptions,
  ): Promise<AuditEventsResponse> {
    const response = await this.get(filter, options);
    return (await response.json()) as AuditEventsResponse;
  }

  /** Every event matching the filters (from `cursor` on) as CSV text; `limit` is ignored. */
  async exportCsv(
    filter: AuditEventsFilter = {},
    options?: AuditRequestOptions,
  ): Promise<string> {
    const { limit: _limit, ...rest } = filter;
    const response = await this.get({ ...rest, format: 'csv' }, options);
    return response.text();
  }

  private async get(
    query: EventsQuery,
    options?: AuditRequestOptions,
  ): Promise<Response> {
    const response = await okOrThrow(this.api.listEvents({ query }, options));
    return response as Response;
  }
}
