import { ResponseError } from '@backstage/errors';
import { AuditEventsResponse } from '../events';
import { AuditEventsQueryInput } from '../query';

/** What the client needs from Backstage's discovery and fetch APIs (frontend or backend). */
export type AuditClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
};

/** Per-call options, e.g. a backend calling with a user's or its own token. */
export type AuditRequestOptions = { token?: string };

/** The filters of GET /api/audit/events, without the output format (one method per format). */
export type AuditEventsFilter = Omit<AuditEventsQueryInput, 'format'>;

/** The audit trail API (GET /api/audit/events) as the portal and scripts call it. */
export class AuditClient {
  constructor(private readonly options: AuditClientOptions) {}

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
    query: AuditEventsQueryInput,
    options?: AuditRequestOptions,
  ): Promise<Response> {
    const base = await this.options.discoveryApi.getBaseUrl('audit');
    const fetchFn = this.options.fetchApi?.fetch ?? fetch;
    const response = await fetchFn(`${base}/events${toQuery(query)}`, {
      headers: options?.token
        ? { Authorization: `Bearer ${options.token}` }
        : {},
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }
}

function toQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
