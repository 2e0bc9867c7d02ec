import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  OwnedEntitiesResponse,
  OwnershipClient,
  TeamsResponse,
} from '@internal/plugin-ownership-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ownershipApiRef } from '../../api/ownershipApiRef';
import { OwnershipPage } from './OwnershipPage';

const BASE = 'http://localhost:7007/api/ownership';

const orphan = {
  ref: 'component:default/pdf-invoicer',
  kind: 'component',
  type: 'service',
  title: 'PDF Invoicer',
  lifecycle: 'production',
  owner: 'group:legacy-team',
  ownerRef: 'group:default/legacy-team',
  ownerResolved: false,
  problems: [
    {
      code: 'owner-unresolved' as const,
      level: 'error' as const,
      field: 'spec.owner',
      message: 'spec.owner "group:legacy-team" does not resolve',
    },
  ],
};
const healthy = {
  ref: 'component:default/payments-api',
  kind: 'component',
  type: 'service',
  title: 'Payments API',
  lifecycle: 'production',
  owner: 'payments-team',
  ownerRef: 'group:default/payments-team',
  ownerResolved: true,
  onCall: { tool: 'pagerduty' as const, value: 'PX1A2B3' },
  escalation: ['payments-oncall', 'cto'],
  problems: [],
};
const summary = {
  entities: 2,
  teams: 1,
  orphaned: 1,
  teamsOfOne: 0,
  withoutOnCall: 0,
  byProblem: { 'owner-unresolved': 1 },
};
const teams: TeamsResponse = {
  unavailable: ['delivery'],
  items: [
    {
      ref: 'group:default/payments-team',
      title: 'Payments Team',
      members: ['user:default/ana', 'user:default/bo'],
      owned: [{ ref: healthy.ref, kind: 'component', title: 'Payments API' }],
      environments: [
        {
          id: 'e1',
          name: 'pr-42',
          className: 'preview',
          status: 'ready',
          expiresAt: '2030-01-01T00:00:00Z',
        },
      ],
      deployments: [],
      problems: [],
    },
  ],
};

/** The real backend's contract in msw: filters applied as /api/ownership applies them. */
const requests: URL[] = [];
const server = setupServer(
  http.get(`${BASE}/entities`, ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    if (url.searchParams.get('kind') === 'nonsense') {
      return HttpResponse.json(
        {
          error: {
            name: 'InputError',
            message: 'Invalid query parameter kind: bad',
          },
          request: { method: 'GET', url: '/entities' },
          response: { statusCode: 400 },
        },
        { status: 400 },
      );
    }
    const problem = url.searchParams.get('problem');
    const items = problem === 'orphaned' ? [orphan] : [healthy, orphan];
    if (url.searchParams.get('format') === 'csv') {
      return new HttpResponse(
        `entity\r\n${items.map(i => i.ref).join('\r\n')}\r\n`,
        { headers: { 'Content-Type': 'text/csv' } },
      );
    }
    const body: OwnedEntitiesResponse = { summary, items };
    return HttpResponse.json(body);
  }),
  http.get(`${BASE}/teams`, () => HttpResponse.json(teams)),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());

const client = new OwnershipClient({
  discoveryApi: { getBaseUrl: async () => BASE },
  fetchApi: { fetch: (...args) => fetch(...args) },
});

function render(url = '/') {
  return renderInTestApp(<OwnershipPage />, {
    apis: [[ownershipApiRef, client]],
    initialRouteEntries: [url],
  });
}

describe('OwnershipPage', () => {
  it('shows entities with owner, on-call and problems, teams with environments, and what could not be read', async () => {
    await render();
    const entities = await screen.findByRole('region', { name: 'Entities' });
    await within(entities).findByText('PDF Invoicer');
    expect(within(entities).getByText('Payments API')).toBeInTheDocument();
    expect(
      within(entities).getByText('not in the catalog'),
    ).toBeInTheDocument();
    expect(
      within(entities).getByText('Owner not in catalog'),
    ).toBeInTheDocument();
    expect(
      within(entities).getByText('payments-oncall → cto'),
    ).toBeInTheDocument();

    const teamsSection = screen.getByRole('region', { name: 'Teams' });
    await within(teamsSection).findByText('Payments Team');
    expect(within(teamsSection).getByText('pr-42 (ready)')).toBeInTheDocument();
    expect(
      within(teamsSection).getByText('Not shown, could not be read: delivery'),
    ).toBeInTheDocument();
  });

  it('filters to orphaned services from the summary, through the API', async () => {
    await render();
    fireEvent.click(await screen.findByRole('button', { name: 'Orphaned: 1' }));
    await waitFor(() =>
      expect(
        requests.some(u => u.searchParams.get('problem') === 'orphaned'),
      ).toBe(true),
    );
    const entities = screen.getByRole('region', { name: 'Entities' });
    await waitFor(() =>
      expect(
        within(entities).queryByText('Payments API'),
      ).not.toBeInTheDocument(),
    );
    expect(within(entities).getByText('PDF Invoicer')).toBeInTheDocument();
  });

  it('downloads the filtered CSV', async () => {
    const saved: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:ownership';
    });
    URL.revokeObjectURL = jest.fn();
    await render('/?problem=orphaned');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Download CSV' }),
    );
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await saved[0].text()).toBe(
      'entity\r\ncomponent:default/pdf-invoicer\r\n',
    );
    expect(
      requests
        .find(u => u.searchParams.get('format') === 'csv')
        ?.searchParams.get('problem'),
    ).toBe('orphaned');
  });

  it('shows the API error naming the bad filter', async () => {
    await render('/?kind=nonsense');
    expect(
      await screen.findByText('Invalid query parameter kind: bad'),
    ).toBeInTheDocument();
  });
});
