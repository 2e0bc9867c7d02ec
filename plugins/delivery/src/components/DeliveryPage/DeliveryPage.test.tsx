import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import { FakeDeliveryApi, SERVICE } from '../../__testUtils__/fakeDeliveryApi';
import { deliveryApiRef } from '../../api/deliveryApiRef';
import { DeliveryPage } from './DeliveryPage';

const catalogApi = catalogApiMock({
  entities: [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'payments-team', namespace: 'default' },
      spec: {
        type: 'team',
        profile: { displayName: 'Payments Team' },
        children: [],
      },
    },
  ],
});

const api = () =>
  new FakeDeliveryApi({
    service: SERVICE,
    deployPath: [],
    pathFromAnnotation: false,
    environments: [],
  });

describe('DeliveryPage', () => {
  it("shows the organisation's DORA tiles, charts and the binding constraint called out", async () => {
    const fake = api();
    await renderInTestApp(<DeliveryPage />, {
      apis: [
        [deliveryApiRef, fake],
        [catalogApiRef, catalogApi],
      ],
    });
    expect(
      await screen.findByText('Changes wait longest in: review'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Organisation' }),
    ).toBeInTheDocument();
    const stages = screen.getByRole('list', { name: 'Median wait per stage' });
    expect(within(stages).getAllByRole('listitem')).toHaveLength(7);
    expect(
      screen.getByRole('list', { name: 'DORA metrics' }),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('Lead time for changes (median, hours)'),
    ).toBeInTheDocument();
    expect(fake.metricsCalls[0]).toEqual(
      expect.objectContaining({ team: undefined }),
    );
  });

  it('shows a team dashboard for the team in the URL', async () => {
    const fake = api();
    await renderInTestApp(<DeliveryPage />, {
      apis: [
        [deliveryApiRef, fake],
        [catalogApiRef, catalogApi],
      ],
      initialRouteEntries: ['/?team=group:default/payments-team'],
    });
    expect(
      await screen.findByRole('heading', { name: 'Team: Payments Team' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(fake.metricsCalls).toContainEqual(
        expect.objectContaining({ team: 'group:default/payments-team' }),
      ),
    );
  });
});
