import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import {
  FakeDeliveryApi,
  responseError,
  SERVICE,
} from '../../__testUtils__/fakeDeliveryApi';
import { deliveryApiRef } from '../../api/deliveryApiRef';
import { TeamDeliveryCard } from './TeamDeliveryCard';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const render = (api: FakeDeliveryApi) =>
  renderInTestApp(
    <EntityProvider entity={group}>
      <TeamDeliveryCard />
    </EntityProvider>,
    { apis: [[deliveryApiRef, api]] },
  );

const fake = () =>
  new FakeDeliveryApi({
    service: SERVICE,
    deployPath: [],
    pathFromAnnotation: false,
    environments: [],
  });

describe('TeamDeliveryCard', () => {
  it("shows the team's DORA tiles with tiers and where its changes wait longest", async () => {
    const api = fake();
    await render(api);
    const tiles = await screen.findByRole('list', { name: 'DORA metrics' });
    expect(within(tiles).getByLabelText('Time to restore')).toHaveTextContent(
      '3 h',
    );
    expect(within(tiles).getByLabelText('Time to restore')).toHaveTextContent(
      'High',
    );
    expect(
      screen.getByText('Changes wait longest in: review'),
    ).toBeInTheDocument();
    expect(api.metricsCalls[0]).toEqual(
      expect.objectContaining({ team: 'group:default/payments-team' }),
    );
    expect(
      screen.getByRole('link', { name: "See this team's delivery dashboard" }),
    ).toHaveAttribute('href', '/delivery?team=group%3Adefault%2Fpayments-team');
  });

  it('says what went wrong when the metrics cannot be read', async () => {
    const api = fake();
    const error = await responseError(
      404,
      'NotFoundError',
      'Unknown team: group:default/payments-team is not a group in the catalog',
    );
    api.getMetrics = async () => {
      throw error;
    };
    await render(api);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Loading delivery metrics refused: not found',
    );
    expect(alert).toHaveTextContent('is not a group in the catalog');
  });
});
