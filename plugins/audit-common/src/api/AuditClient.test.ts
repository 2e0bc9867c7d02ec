import { ResponseError } from '@backstage/errors';
import { AuditClient } from './AuditClient';

/** A fetch that answers like the audit backend and remembers what it was asked. */
function fakeBackend(answer: () => Response) {
  const calls: Array<{ url: URL; headers: Headers }> = [];
  const client = new AuditClient({
    discoveryApi: { getBaseUrl: async id => `http://backend/api/${id}` },
    fetchApi: {
      fetch: async (input, init) => {
        calls.push({
          url: new URL(String(input)),
          headers: new Headers(init?.headers),
        });
        return answer();
      },
    },
  });
  return { client, calls };
}

describe('AuditClient', () => {
  it('sends the filters it was given, and nothing empty', async () => {
    const { client, calls } = fakeBackend(() =>
      Response.json({ events: [], nextCursor: 'c2' }),
    );
    const page = await client.listEvents(
      {
        plugin: 'readiness',
        target: '',
        status: 'failed',
        limit: 50,
        cursor: 'c1',
      },
      { token: 't0k' },
    );
    expect(page).toEqual({ events: [], nextCursor: 'c2' });
    expect(calls[0].url.pathname).toBe('/api/audit/events');
    expect(Object.fromEntries(calls[0].url.searchParams)).toEqual({
      plugin: 'readiness',
      status: 'failed',
      limit: '50',
      cursor: 'c1',
    });
    expect(calls[0].headers.get('authorization')).toBe('Bearer t0k');
  });

  it('exports CSV with the filters and without a page limit', async () => {
    const { client, calls } = fakeBackend(
      () =>
        new Response('created_at\n', {
          headers: { 'content-type': 'text/csv' },
        }),
    );
    expect(await client.exportCsv({ actor: 'ana', limit: 100 })).toBe(
      'created_at\n',
    );
    expect(Object.fromEntries(calls[0].url.searchParams)).toEqual({
      actor: 'ana',
      format: 'csv',
    });
  });

  it('throws a ResponseError carrying the backend error', async () => {
    const { client } = fakeBackend(() =>
      Response.json(
        {
          error: {
            name: 'NotAllowedError',
            message: 'Not allowed: audit.events.read',
          },
          request: { method: 'GET', url: '/events' },
          response: { statusCode: 403 },
        },
        { status: 403, statusText: 'Forbidden' },
      ),
    );
    const error = await client.listEvents().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.cause.message).toBe('Not allowed: audit.events.read');
  });
});
