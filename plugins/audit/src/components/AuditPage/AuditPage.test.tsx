import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  AuditClient,
  AuditEvent,
  AuditEventsResponse,
} from '@internal/plugin-audit-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { auditApiRef } from '../../api/auditApiRef';
import { AuditPage } from './AuditPage';

const BASE = 'http://localhost:7007/api/audit';

function auditEvent(id: string, patch: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id,
    plugin: 'readiness',
    eventId: 'exemption-create',
    severityLevel: 'medium',
    status: 'succeeded',
    actor: { actorId: 'user:default/ana', ip: '10.0.0.7' },
    request: { method: 'POST', url: '/api/readiness/exemptions' },
    meta: {
      entityRef: 'component:default/payments-api',
      checkId: 'runbook-linked',
      expiresAt: '2030-01-01T00:00:00.000Z',
    },
    createdAt: '2026-12-01T10:00:00.000Z',
    completedAt: '2026-12-01T10:00:01.000Z',
    ...patch,
  };
}

const exemption = auditEvent('e1');
const failedDeploy = auditEvent('e2', {
  plugin: 'delivery',
  eventId: 'delivery-deploy',
  status: 'failed',
  actor: { actorId: 'user:default/bo' },
  meta: { service: 'component:default/fraud-detector', environment: 'prod' },
  error: 'ConflictError: prod is frozen until Monday',
  createdAt: '2026-12-01T09:00:00.000Z',
});
const older = auditEvent('e3', {
  plugin: 'environments',
  eventId: 'environment-create',
  meta: { className: 'preview', owner: 'group:default/payments-team' },
  createdAt: '2026-11-30T09:00:00.000Z',
});

/** The backend's contract in msw: filters as /api/audit applies them, two events a page. */
const requests: URL[] = [];
let answer: 'events' | 'forbidden' = 'events';
const server = setupServer(
  http.get(`${BASE}/events`, ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    if (answer === 'forbidden') {
      return HttpResponse.json(
        {
          error: {
            name: 'NotAllowedError',
            message: 'Not allowed: audit.events.read',
          },
          request: { method: 'GET', url: '/events' },
          response: { statusCode: 403 },
        },
        { status: 403 },
      );
    }
    const q = url.searchParams;
    const matching = [exemption, failedDeploy, older].filter(
      e =>
        (!q.get('status') || e.status === q.get('status')) &&
        (!q.get('plugin') || e.plugin === q.get('plugin')) &&
        (!q.get('actor') || e.actor.actorId?.includes(q.get('actor')!)) &&
        (!q.get('target') || JSON.stringify(e.meta).includes(q.get('target')!)),
    );
    if (q.get('format') === 'csv') {
      return new HttpResponse(`id\n${matching.map(e => e.id).join('\n')}\n`, {
        headers: { 'Content-Type': 'text/csv' },
      });
    }
    const start = q.get('cursor') ? Number(q.get('cursor')) : 0;
    const events = matching.slice(start, start + 2);
    const body: AuditEventsResponse = {
      events,
      ...(start + 2 < matching.length && { nextCursor: String(start + 2) }),
    };
    return HttpResponse.json(body);
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
  answer = 'events';
});
afterAll(() => server.close());

const client = new AuditClient({
  discoveryApi: { getBaseUrl: async () => BASE },
  fetchApi: { fetch: (...args) => fetch(...args) },
});

function render(url = '/') {
  return renderInTestApp(<AuditPage />, {
    apis: [
      [auditApiRef, client],
      [
        permissionApiRef,
        mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
      ],
    ],
    initialRouteEntries: [url],
  });
}

const eventsRegion = () => screen.findByRole('region', { name: 'Events' });

describe('AuditPage', () => {
  it('lists events with actor, target from meta, status and error', async () => {
    await render();
    const events = await eventsRegion();
    await within(events).findByText('exemption-create');
    expect(within(events).getByText('user:default/ana')).toBeInTheDocument();
    // The target: the most telling meta value, then the other target keys.
    expect(
      within(events).getByText('component:default/payments-api'),
    ).toBeInTheDocument();
    expect(
      within(events).getByText('checkId runbook-linked'),
    ).toBeInTheDocument();
    expect(
      within(events).getByText('component:default/fraud-detector'),
    ).toBeInTheDocument();
    expect(within(events).getByText('environment prod')).toBeInTheDocument();
    expect(within(events).getByText('failed')).toHaveClass('failed');
    expect(
      within(events).getByText('ConflictError: prod is frozen until Monday'),
    ).toBeInTheDocument();
  });

  it('loads older events with the cursor, keeping the filters', async () => {
    await render('/?range=7d');
    const events = await eventsRegion();
    await within(events).findByText('exemption-create');
    expect(within(events).queryByText('environment-create')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await within(events).findByText('environment-create');
    expect(within(events).getByText('exemption-create')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getByText('3 events')).toBeInTheDocument();

    const [first, second] = requests;
    expect(second.searchParams.get('cursor')).toBe('2');
    // The same window: a preset range is counted back once, not again for each page.
    expect(second.searchParams.get('from')).toBe(
      first.searchParams.get('from'),
    );
    const from = Date.parse(first.searchParams.get('from')!);
    expect(Date.now() - from).toBeGreaterThanOrEqual(7 * 24 * 3600_000);
    expect(Date.now() - from).toBeLessThan(7 * 24 * 3600_000 + 60_000);
  });

  it('sends the filters from the URL and from the fields to the API', async () => {
    await render('/?status=failed&from=2026-11-01&to=2026-11-30');
    const events = await eventsRegion();
    await within(events).findByText('delivery-deploy');
    expect(within(events).queryByText('exemption-create')).toBeNull();
    const q = requests[0].searchParams;
    expect(q.get('status')).toBe('failed');
    expect(q.get('from')).toBe(new Date(2026, 10, 1).toISOString());
    // The last day is included: up to the next midnight.
    expect(q.get('to')).toBe(new Date(2026, 11, 1).toISOString());

    fireEvent.change(screen.getByRole('textbox', { name: 'Target' }), {
      target: { value: 'fraud-detector' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Actor' }), {
      target: { value: 'user:default/bo' },
    });
    await waitFor(() =>
      expect(requests.at(-1)?.searchParams.get('target')).toBe(
        'fraud-detector',
      ),
    );
    expect(requests.at(-1)?.searchParams.get('actor')).toBe('user:default/bo');
    expect(requests.at(-1)?.searchParams.get('status')).toBe('failed');
  });

  it('opens an event with its full meta', async () => {
    await render();
    const events = await eventsRegion();
    fireEvent.click(await within(events).findByText('delivery-deploy'));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('delivery · delivery-deploy'),
    ).toBeInTheDocument();
    expect(
      JSON.parse(within(dialog).getByLabelText('Meta JSON').textContent!),
    ).toEqual(failedDeploy.meta);
  });

  it('downloads the CSV of the current filters', async () => {
    const saved: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:audit';
    });
    URL.revokeObjectURL = jest.fn();
    await render('/?plugin=delivery');
    await within(await eventsRegion()).findByText('delivery-deploy');
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await saved[0].text()).toBe('id\ne2\n');
    const csv = requests.find(u => u.searchParams.get('format') === 'csv');
    expect(csv?.searchParams.get('plugin')).toBe('delivery');
    expect(csv?.searchParams.get('limit')).toBeNull();
  });

  it('says the trail is for the platform team when the API answers 403', async () => {
    answer = 'forbidden';
    await render();
    expect(
      await screen.findByText('The audit trail is for the platform team'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Not allowed/)).toBeNull();
  });

  it('names a bad filter as the API does', async () => {
    server.use(
      http.get(`${BASE}/events`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'Invalid query: from Invalid ISO datetime',
            },
            request: { method: 'GET', url: '/events' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    // Not a calendar day, so passed on as written: the backend has the last word.
    await render('/?from=yesterday');
    expect(
      await screen.findByText('Invalid query: from Invalid ISO datetime'),
    ).toBeInTheDocument();
  });
});
