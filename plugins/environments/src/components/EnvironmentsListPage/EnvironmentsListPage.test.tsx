import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ListEnvironmentsQuery } from '@internal/plugin-environments-common';
import {
  apiError,
  FakeEnvironmentsApi,
  makeEnvironment,
} from '../../__testUtils__/fakeEnvironmentsApi';
import { environmentsApiRef } from '../../api/environmentsApiRef';
import { rootRouteRef } from '../../routes';
import { EnvironmentsListPage } from './EnvironmentsListPage';

const catalogApi = catalogApiMock({
  entities: ['payments-team', 'search-team'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  })),
});

async function render(api: FakeEnvironmentsApi, url = '/environments') {
  renderInTestApp(<EnvironmentsListPage />, {
    apis: [
      [environmentsApiRef, api],
      [catalogApiRef, catalogApi],
    ],
    mountedRoutes: { '/environments': rootRouteRef },
    initialRouteEntries: [url],
  });
  await act(async () => {
    await new Promise(resolve => setTimeout(resolve, 0));
  });
}

const lastQuery = (api: FakeEnvironmentsApi) =>
  api.callsOf('listEnvironments').at(-1)?.[0] as ListEnvironmentsQuery;

describe('EnvironmentsListPage', () => {
  it('lists my current environments with status, class, owner, component and time left', async () => {
    const api = new FakeEnvironmentsApi([
      makeEnvironment({ expiresInHours: 30 }),
      makeEnvironment({
        id: 'env-2',
        name: 'search-sandbox',
        className: 'sandbox',
        owner: 'group:default/search-team',
        component: undefined,
        status: 'awaiting-approval',
        expiresInHours: 5,
      }),
    ]);
    await render(api);

    const link = await screen.findByRole('link', { name: 'pay-preview' });
    expect(link).toHaveAttribute('href', '/environments/env-1');
    expect(screen.getByText('2 environments')).toBeInTheDocument();
    const table = within(screen.getByRole('grid'));
    expect(table.getByText('Ready')).toBeInTheDocument();
    expect(table.getByText('Awaiting approval')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'payments-team' })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments-team',
    );
    expect(screen.getByRole('link', { name: 'payments-api' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api',
    );
    expect(screen.getByText(/^in 1 d 5 h$/)).toBeInTheDocument();
    expect(screen.getByText(/^in 4 h 59 min$/)).toBeInTheDocument();

    expect(lastQuery(api)).toEqual(
      expect.objectContaining({
        scope: 'mine',
        status: [
          'requested',
          'awaiting-approval',
          'provisioning',
          'ready',
          'failed',
          'tearing-down',
        ],
        limit: 25,
        offset: 0,
      }),
    );
    expect(
      screen.getByRole('link', { name: 'Create environment' }),
    ).toHaveAttribute('href', '/create/templates/default/environment');
  });

  it('asks for my teams’ environments when that scope is chosen', async () => {
    const api = new FakeEnvironmentsApi([makeEnvironment()]);
    await render(api);
    await screen.findByRole('link', { name: 'pay-preview' });
    fireEvent.click(screen.getByRole('radio', { name: 'My teams' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({ scope: 'team' }),
      ),
    );
  });

  it('reads status, class and owner filters from the URL', async () => {
    const api = new FakeEnvironmentsApi([makeEnvironment()]);
    await render(
      api,
      '/environments?scope=all&status=failed&class=sandbox&owner=group%3Adefault%2FSearch-Team',
    );
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({
          scope: 'all',
          status: ['failed'],
          className: 'sandbox',
          owner: 'group:default/search-team',
        }),
      ),
    );
    expect(
      await screen.findByText('No environments match these filters'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({ className: undefined, owner: undefined }),
      ),
    );
  });

  it('says what to do when I have no environments', async () => {
    const api = new FakeEnvironmentsApi([]);
    await render(api);
    expect(
      await screen.findByText('You have no current environments'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('link', { name: 'Create environment' }),
    ).toHaveLength(2);
    fireEvent.click(
      screen.getByRole('button', { name: "See my teams' environments" }),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({ scope: 'team' }),
      ),
    );
  });

  it('shows the backend’s message when the list cannot be loaded', async () => {
    const api = new FakeEnvironmentsApi([]);
    api.failures.listEnvironments = await apiError(
      403,
      'Forbidden',
      'NotAllowedError',
      'Not allowed: environments.environment.read',
    );
    await render(api);
    expect(
      await screen.findByText('Could not load environments'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Not allowed: environments.environment.read'),
    ).toBeInTheDocument();
  });
});
