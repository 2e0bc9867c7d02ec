import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  deployment,
  FakeDeliveryApi,
  responseError,
  SERVICE,
} from '../../__testUtils__/fakeDeliveryApi';
import { deliveryApiRef } from '../../api/deliveryApiRef';
import { EntityDeliveryContent } from './EntityDeliveryContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:payments-team',
    lifecycle: 'production',
  },
};

const running = deployment({ id: 'live-staging', version: '2.0.0' });
const prodLive = deployment({
  id: 'live-prod',
  environment: 'prod',
  production: true,
  version: '1.0.0',
});
const gated = deployment({
  id: 'gated',
  environment: 'prod',
  production: true,
  version: '2.0.0',
  status: 'awaiting-approval',
  triggeredBy: 'user:default/ben',
  finishedAt: undefined,
  approval: {
    reason: 'Readiness is none, below bronze: production deploys need approval',
  },
});

function fakeApi(options: { frozen?: boolean; gated?: boolean } = {}) {
  const api = new FakeDeliveryApi({
    service: SERVICE,
    owner: 'group:default/payments-team',
    deployPath: ['dev', 'staging', 'prod'],
    pathFromAnnotation: true,
    platformTeam: 'group:default/platform-team',
    environments: [
      { name: 'dev', tier: 'development', configured: true },
      { name: 'staging', tier: 'staging', configured: true, current: running },
      {
        name: 'prod',
        tier: 'production',
        configured: true,
        current: prodLive,
        active: options.gated ? gated : undefined,
        freeze: options.frozen
          ? {
              window: 'friday-afternoon',
              description: 'fri 15:00-23:59 Europe/Berlin',
            }
          : undefined,
      },
    ],
  });
  api.deployments = [...(options.gated ? [gated] : []), running, prodLive];
  return api;
}

const render = (
  api: FakeDeliveryApi,
  ownership: string[] = ['user:default/ana'],
) =>
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityDeliveryContent />
    </EntityProvider>,
    {
      apis: [
        [deliveryApiRef, api],
        mockApis.identity({
          userEntityRef: 'user:default/ana',
          ownershipEntityRefs: ownership,
        }),
      ],
    },
  );

describe('EntityDeliveryContent', () => {
  it('shows each environment of the deploy path with its running version, and deploys a version with its live log', async () => {
    const api = fakeApi();
    await render(api);
    const staging = await screen.findByLabelText('Environment staging');
    expect(within(staging).getByText('2.0.0')).toBeInTheDocument();
    expect(
      within(screen.getByLabelText('Environment prod')).getByText('1.0.0'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByLabelText('Environment dev')).getByText(
        'Nothing deployed yet',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Deploy path: dev → staging → prod'),
    ).toBeInTheDocument();
    // No freeze: no override field anywhere.
    expect(
      screen.queryByText(/Freeze override reason/),
    ).not.toBeInTheDocument();

    // A known version fills the field; the environment defaults to the first on the path.
    fireEvent.click(screen.getByRole('button', { name: 'Use version 2.0.0' }));
    expect(screen.getByRole('textbox', { name: /Version/ })).toHaveValue(
      '2.0.0',
    );
    fireEvent.change(screen.getByRole('textbox', { name: /Version/ }), {
      target: { value: '2.1.0' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(api.calls[0]).toEqual([
      'deploy',
      expect.objectContaining({
        service: SERVICE,
        environment: 'dev',
        version: '2.1.0',
        freezeOverride: undefined,
        idempotencyKey: expect.any(String),
      }),
    ]);
    const log = await screen.findByRole('log', { name: 'Deploy log' });
    expect(
      await within(log).findByText(/Calling the CI\/CD endpoint for 2.1.0/),
    ).toBeInTheDocument();
  });

  it('promotes to the next environment and rolls back, and explains a 409 freeze and a 403 in words', async () => {
    const api = fakeApi();
    await render(api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Promote to prod' }),
    );
    await waitFor(() =>
      expect(api.calls[0]).toEqual([
        'promote',
        expect.objectContaining({ from: 'staging' }),
      ]),
    );

    api.fail = () =>
      responseError(
        409,
        'ConflictError',
        'Deploys to prod (production) are frozen by the window "friday-afternoon" (fri 15:00-23:59 Europe/Berlin); a platform-team member may override it with a reason',
      );
    fireEvent.click(screen.getByRole('button', { name: 'Roll back prod' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Rollback refused: a freeze window is in force',
    );
    expect(alert).toHaveTextContent('frozen by the window "friday-afternoon"');

    api.fail = () =>
      responseError(
        403,
        'NotAllowedError',
        'You are not allowed to deploy payments-api',
      );
    fireEvent.change(screen.getByRole('textbox', { name: /Version/ }), {
      target: { value: '3.0.0' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Deploy not allowed for you',
      ),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'You are not allowed to deploy payments-api',
    );
  });

  it('shows a gated production deploy waiting for approval and who may approve it', async () => {
    const owner = await render(fakeApi({ gated: true }));
    const held = await screen.findByLabelText('Deploy in progress');
    expect(held).toHaveTextContent('Waiting for approval');
    // Only the platform team approves: an owner sees who may, not a button.
    expect(
      within(held).queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    owner.unmount();

    const api = fakeApi({ gated: true });
    await render(api, ['user:default/ana', 'group:default/platform-team']);
    const prod = await screen.findByLabelText('Environment prod');
    const active = await within(prod).findByLabelText('Deploy in progress');
    expect(
      within(active).getByText('Waiting for approval'),
    ).toBeInTheDocument();
    expect(active).toHaveTextContent('below bronze');
    expect(active).toHaveTextContent(
      'Who may approve: a member of platform-team other than ben, who asked for it.',
    );
    fireEvent.click(within(active).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(api.calls[0]).toEqual(['approve', 'gated']));
  });

  it('asks for a freeze override reason only for a frozen environment, and only platform-team members get the field', async () => {
    const api = fakeApi({ frozen: true });
    const { unmount } = await render(api, [
      'user:default/ana',
      'group:default/platform-team',
    ]);
    const prod = await screen.findByLabelText('Environment prod');
    expect(prod).toHaveTextContent('prod is frozen by "friday-afternoon"');
    const reason = within(prod).getByRole('textbox', {
      name: /Freeze override reason for prod/,
    });
    fireEvent.change(reason, {
      target: { value: 'hotfix for the payment outage' },
    });
    expect(
      screen.getAllByRole('textbox', { name: /Freeze override reason/ }),
    ).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Promote to prod' }));
    await waitFor(() =>
      expect(api.calls[0]).toEqual([
        'promote',
        expect.objectContaining({
          from: 'staging',
          freezeOverride: { reason: 'hotfix for the payment outage' },
        }),
      ]),
    );
    unmount();

    await render(fakeApi({ frozen: true }));
    const again = await screen.findByLabelText('Environment prod');
    expect(again).toHaveTextContent(
      'Only members of platform-team may deploy inside a freeze window',
    );
    expect(
      screen.queryByRole('textbox', { name: /Freeze override reason/ }),
    ).not.toBeInTheDocument();
  });

  it('shows the service DORA tiles with their tiers and the report year', async () => {
    await render(fakeApi());
    const tiles = await screen.findByRole('list', { name: 'DORA metrics' });
    expect(
      within(tiles).getByLabelText('Deployment frequency'),
    ).toHaveTextContent('3.5 / week');
    expect(
      within(tiles).getByLabelText('Deployment frequency'),
    ).toHaveTextContent('High');
    expect(
      within(tiles).getByLabelText('Lead time for changes'),
    ).toHaveTextContent('20 h');
    expect(
      within(tiles).getByLabelText('Lead time for changes'),
    ).toHaveTextContent('Elite');
    expect(
      within(tiles).getByLabelText('Change failure rate'),
    ).toHaveTextContent('20%');
    expect(within(tiles).getByLabelText('Rework rate')).toHaveTextContent(
      'No tier',
    );
    expect(
      screen.getByText(/Tiers from the DORA 2024 report/),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('Finished production deployments per week'),
    ).toBeInTheDocument();
  });
});
