import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { FetchApi, fetchApiRef } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  CAPABILITY_IDS,
  CapabilityId,
  OverviewResponse,
  OverviewRow,
  Rollup,
} from '@internal/plugin-readiness-common';
import { ReadinessApi, readinessApiRef } from '../../api/readinessApiRef';
import { ReadinessOverviewPage } from './ReadinessOverviewPage';

const AVERAGES: Record<CapabilityId, number> = {
  'self-service-deployment': 71,
  'test-feedback': 64,
  'environment-provisioning': 52,
  'code-review': 80,
  ownership: 90,
  observability: 28.4,
};

function rollup(
  owner: string | undefined,
  averages: Partial<Record<CapabilityId, number | null>>,
  weakestCapability?: CapabilityId,
): Rollup {
  return {
    owner,
    entities: 12,
    weakestCapability,
    capabilities: CAPABILITY_IDS.map(capability => ({
      capability,
      averageScore: averages[capability] ?? null,
      levels: { none: 1, bronze: 2, silver: 3, gold: 6 },
    })),
  };
}

function row(
  name: string,
  scores: Partial<Record<CapabilityId, number | null>>,
  rest: Partial<OverviewRow> = {},
): OverviewRow {
  return {
    entityRef: `component:default/${name}`,
    title: name === 'payments-api' ? 'Payments API' : undefined,
    kind: 'Component',
    owner: 'group:default/payments-team',
    lifecycle: 'production',
    overallLevel: 'silver',
    scoredCapabilities: 6,
    fixFirst: {
      level: 'gold',
      blockingChecks: 3,
      first: {
        id: 'observability.restore-within-hour',
        capability: 'observability',
        level: 'gold',
        title: 'Service restored within an hour',
      },
    },
    ...rest,
    evaluatedAt: '2025-01-01T00:00:00.000Z',
    scores: Object.fromEntries(
      Object.entries(scores).map(([id, score]) => [
        id,
        { score, level: 'none' },
      ]),
    ),
  };
}

const OVERVIEW: OverviewResponse = {
  total: 2,
  rows: [
    row('payments-api', {
      observability: 31,
      ownership: 95,
      'code-review': null,
    }),
    row('ledger', { observability: 12 }),
  ],
};

/** A stand-in for the backend: plain async functions with fixed responses, calls recorded. */
function fakeApi(overrides: Partial<ReadinessApi> = {}) {
  const impl: ReadinessApi = {
    getScorecard: async () => {
      throw new Error('not used by the overview page');
    },
    getHistory: async () => {
      throw new Error('not used by the overview page');
    },
    getOverview: async () => OVERVIEW,
    getRollups: async query =>
      query?.groupBy === 'none'
        ? { rollups: [rollup(undefined, AVERAGES, 'observability')] }
        : {
            rollups: [
              rollup('group:default/payments-team', AVERAGES),
              rollup('group:default/search-team', AVERAGES),
            ],
          },
    overviewCsvUrl: async () =>
      'http://localhost:7007/api/readiness/overview?format=csv',
    ...overrides,
  };
  return {
    getScorecard: jest.fn(impl.getScorecard),
    getHistory: jest.fn(impl.getHistory),
    getOverview: jest.fn(impl.getOverview),
    getRollups: jest.fn(impl.getRollups),
    overviewCsvUrl: jest.fn(impl.overviewCsvUrl),
  };
}

async function render(
  api = fakeApi(),
  url = '/readiness',
  fetchApi: Partial<FetchApi> = {},
) {
  const result = renderInTestApp(<ReadinessOverviewPage />, {
    apis: [
      [readinessApiRef, api],
      [fetchApiRef, fetchApi],
    ],
    initialRouteEntries: [url],
  });
  await settle();
  return result;
}

/** Lets the fake API's already-resolved promises land before asserting. */
async function settle() {
  await act(async () => {
    await new Promise(resolve => setTimeout(resolve, 0));
  });
}

const lastOverviewQuery = (api: ReturnType<typeof fakeApi>) =>
  api.getOverview.mock.calls[api.getOverview.mock.calls.length - 1][0];

describe('ReadinessOverviewPage', () => {
  it('names the organisation weakest capability as the constraint', async () => {
    await render();
    const callout = await screen.findByRole('region', {
      name: 'Where to invest first',
    });
    await within(callout).findByText('28/100');
    expect(
      within(callout).getByText('Production observability', {
        selector: 'strong',
      }),
    ).toBeInTheDocument();
    expect(
      within(callout).getByText(/set by the slowest stage/),
    ).toBeInTheDocument();
    expect(within(callout).getByText('Constraint')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('capability-tile-observability')).getByText(
        'Constraint',
      ),
    ).toBeInTheDocument();
  });

  it('finds the lowest average itself when the rollup names no weakest capability', async () => {
    const api = fakeApi({
      getRollups: async () => ({
        rollups: [
          rollup(undefined, {
            ...AVERAGES,
            observability: null,
            'test-feedback': 9,
          }),
        ],
      }),
    });
    await render(api);
    const callout = await screen.findByRole('region', {
      name: 'Where to invest first',
    });
    expect(
      await within(callout).findByText('Fast and reliable test feedback', {
        selector: 'strong',
      }),
    ).toBeInTheDocument();
    expect(within(callout).getByText('9/100')).toBeInTheDocument();
  });

  it('shows each entity with its capability scores, linked to its pages', async () => {
    await render();
    const title = await screen.findByRole('link', { name: 'Payments API' });
    expect(title).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api',
    );
    const cell = screen.getByRole('link', {
      name: 'Payments API: Production observability 31',
    });
    expect(cell).toHaveTextContent('31');
    expect(cell).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api/readiness',
    );
    expect(
      screen.getByRole('link', {
        name: 'Payments API: Code review tooling that scales Not scored',
      }),
    ).toHaveTextContent('Not scored');
    expect(screen.getByRole('link', { name: 'ledger' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('grid')).getAllByText('Silver'),
    ).toHaveLength(2);
    expect(
      screen.getByRole('columnheader', { name: /Production observability/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('2 entities match')).toBeInTheDocument();
  });

  it('shows the first check to fix of each row, as the server stored it, and a level resting on one capability says so', async () => {
    await render(
      fakeApi({
        getOverview: async () => ({
          total: 3,
          rows: [
            row('payments-api', { observability: 31, ownership: 95 }),
            row(
              'identity-service',
              { 'self-service-deployment': 19, 'test-feedback': 71 },
              {
                overallLevel: 'none',
                fixFirst: {
                  level: 'bronze',
                  blockingChecks: 1,
                  first: {
                    id: 'test-feedback.coverage-reported',
                    capability: 'test-feedback',
                    level: 'bronze',
                    title: 'Code coverage reported',
                  },
                },
              },
            ),
            row(
              'orders-api',
              { ownership: 100 },
              {
                kind: 'API',
                entityRef: 'api:default/orders-api',
                overallLevel: 'gold',
                scoredCapabilities: 1,
                fixFirst: { blockingChecks: 0 },
              },
            ),
          ],
        }),
      }),
    );
    expect(
      await screen.findByRole('columnheader', { name: 'Fix first' }),
    ).toBeInTheDocument();
    const rows = within(screen.getByRole('grid')).getAllByRole('row');
    const rowOf = (name: string) =>
      rows.find(r =>
        within(r).queryByRole('rowheader', { name: new RegExp(name) }),
      )!;

    const identity = rowOf('identity-service');
    const check = within(identity).getByRole('link', {
      name: 'Code coverage reported',
    });
    expect(check).toHaveAttribute(
      'href',
      '/catalog/default/component/identity-service/readiness#readiness-check-test-feedback-coverage-reported',
    );
    expect(identity).toHaveTextContent(
      'Fast and reliable test feedback · 1 check blocks Bronze',
    );
    expect(identity).not.toHaveTextContent('Self-service deployment');

    expect(rowOf('Payments API')).toHaveTextContent(
      'Production observability · 3 checks block Gold',
    );
    expect(rowOf('Payments API')).not.toHaveTextContent('capabilities scored');

    const orders = rowOf('orders-api');
    expect(orders).toHaveTextContent('Gold');
    expect(orders).toHaveTextContent('1 of 6 capabilities scored');
    expect(orders).toHaveTextContent('Nothing: Gold');
    expect(
      within(orders).getByRole('link', {
        name: 'orders-api: Production observability Not scored',
      }),
    ).toHaveTextContent('Not scored');
  });

  it('asks for the first page of 25 when no filters are set', async () => {
    const api = fakeApi();
    await render(api);
    await screen.findByText('2 entities match');
    expect(lastOverviewQuery(api)).toEqual(
      expect.objectContaining({ limit: 25, offset: 0 }),
    );
    expect(lastOverviewQuery(api)?.owner).toBeUndefined();
  });

  it('reads the owner and other filters from the URL', async () => {
    const api = fakeApi();
    await render(
      api,
      '/readiness?owner=group%3Adefault%2FPayments-Team&level=bronze&kind=api&lifecycle=production&search=pay',
    );
    await screen.findByText('2 entities match');
    expect(lastOverviewQuery(api)).toEqual(
      expect.objectContaining({
        owner: ['group:default/payments-team'],
        level: ['bronze'],
        kind: ['API'],
        lifecycle: ['production'],
        search: 'pay',
      }),
    );
  });

  it('passes the chosen owner to getOverview', async () => {
    const api = fakeApi();
    await render(api);
    await screen.findByText('2 entities match');
    await waitFor(() => expect(api.getRollups).toHaveBeenCalledTimes(2));
    const ownerSelect = await waitFor(() =>
      selectOffering('group:default/search-team'),
    );
    fireEvent.change(ownerSelect, {
      target: { value: 'group:default/search-team' },
    });
    await waitFor(() =>
      expect(lastOverviewQuery(api)).toEqual(
        expect.objectContaining({
          owner: ['group:default/search-team'],
          offset: 0,
        }),
      ),
    );
  });

  it('sorts by a capability when its column header is pressed', async () => {
    const api = fakeApi();
    await render(api);
    await screen.findByText('2 entities match');
    fireEvent.click(
      screen.getByRole('columnheader', { name: /Production observability/ }),
    );
    await waitFor(() =>
      expect(lastOverviewQuery(api)).toEqual(
        expect.objectContaining({ sort: 'observability', order: 'asc' }),
      ),
    );
  });

  it('pages through the results 25 at a time, with the total shown', async () => {
    const api = fakeApi({
      getOverview: async () => ({ ...OVERVIEW, total: 60 }),
    });
    await render(api);
    await screen.findByText('60 entities match');
    expect(screen.getByText('1–25 of 60')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next table page' }));
    await waitFor(() =>
      expect(lastOverviewQuery(api)).toEqual(
        expect.objectContaining({ limit: 25, offset: 25 }),
      ),
    );
    expect(await screen.findByText('26–50 of 60')).toBeInTheDocument();
  });

  it('says so when nothing matches the filters', async () => {
    await render(
      fakeApi({ getOverview: async () => ({ total: 0, rows: [] }) }),
    );
    expect(
      await screen.findByText('No scored entities match these filters.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });

  it('shows the error when the overview cannot be loaded', async () => {
    await render(
      fakeApi({
        getOverview: async () => {
          throw new Error('readiness backend unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/readiness backend unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });

  it('downloads the CSV with the user token, for the current filters', async () => {
    const api = fakeApi();
    const fetch = jest.fn(async () => ({
      ok: true,
      status: 200,
      statusText: 'OK',
      blob: async () => new Blob(['entityRef\n']),
    }));
    const createObjectURL = jest.fn(() => 'blob:readiness');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});

    await render(api, '/readiness?owner=group%3Adefault%2Fpayments-team', {
      fetch,
    } as unknown as FetchApi);
    await screen.findByText('2 entities match');
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    await waitFor(() => expect(click).toHaveBeenCalled());
    await settle();
    expect(api.overviewCsvUrl).toHaveBeenCalledWith(
      expect.objectContaining({ owner: ['group:default/payments-team'] }),
    );
    const [csvQuery] = api.overviewCsvUrl.mock.calls[0];
    expect(csvQuery).not.toHaveProperty('limit');
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/readiness/overview?format=csv',
    );
    expect(createObjectURL).toHaveBeenCalled();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:readiness');
    click.mockRestore();
  });
});

/**
 * React Aria's Select keeps a hidden native <select> in sync for forms; changing it picks an
 * option the same way choosing it from the popover does.
 */
function selectOffering(value: string): HTMLSelectElement {
  const option = Array.from(document.querySelectorAll('option')).find(
    o => o.value === value,
  );
  const select = option?.closest('select');
  if (!select) throw new Error(`No select offers ${value}`);
  return select;
}
