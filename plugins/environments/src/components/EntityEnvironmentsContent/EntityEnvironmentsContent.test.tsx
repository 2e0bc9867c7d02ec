import { act, screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  FakeEnvironmentsApi,
  makeEnvironment,
} from '../../__testUtils__/fakeEnvironmentsApi';
import { environmentsApiRef } from '../../api/environmentsApiRef';
import { rootRouteRef } from '../../routes';
import { EntityEnvironmentsContent } from './EntityEnvironmentsContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'payments-team', lifecycle: 'production' },
};

async function render(api: FakeEnvironmentsApi) {
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityEnvironmentsContent />
    </EntityProvider>,
    {
      apis: [[environmentsApiRef, api]],
      mountedRoutes: { '/environments': rootRouteRef },
    },
  );
  await act(async () => {
    await new Promise(resolve => setTimeout(resolve, 0));
  });
}

const expectedCreateHref = `/create/templates/default/environment?${new URLSearchParams(
  {
    formData: JSON.stringify({
      component: 'component:default/payments-api',
      owner: 'group:default/payments-team',
    }),
  },
)}`;

describe('EntityEnvironmentsContent', () => {
  it("lists the component's current environments", async () => {
    const api = new FakeEnvironmentsApi([
      makeEnvironment(),
      makeEnvironment({
        id: 'other',
        name: 'search-preview',
        component: 'component:default/search-api',
      }),
    ]);
    await render(api);

    const table = within(await screen.findByRole('grid'));
    expect(table.getByRole('link', { name: 'pay-preview' })).toHaveAttribute(
      'href',
      '/environments/env-1',
    );
    expect(table.getByText('Ready')).toBeInTheDocument();
    expect(table.queryByText('search-preview')).not.toBeInTheDocument();
    expect(api.callsOf('listEnvironments')[0][0]).toEqual(
      expect.objectContaining({
        component: 'component:default/payments-api',
        scope: 'all',
      }),
    );
    expect(
      screen.getByRole('link', { name: 'Create environment' }),
    ).toHaveAttribute('href', expectedCreateHref);
  });

  it('says how to get one when there are none', async () => {
    await render(new FakeEnvironmentsApi([]));
    expect(
      await screen.findByText('payments-api has no current environments'),
    ).toBeInTheDocument();
    for (const link of screen.getAllByRole('link', {
      name: 'Create environment',
    })) {
      expect(link).toHaveAttribute('href', expectedCreateHref);
    }
  });
});
