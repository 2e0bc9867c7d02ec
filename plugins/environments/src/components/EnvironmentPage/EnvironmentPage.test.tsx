import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  apiError,
  FakeEnvironmentsApi,
  makeEnvironment,
  makeEvent,
} from '../../__testUtils__/fakeEnvironmentsApi';
import { environmentsApiRef } from '../../api/environmentsApiRef';
import { rootRouteRef } from '../../routes';
import { EnvironmentsRoutes } from '../EnvironmentsRoutes';

const OWNER = { isOwner: true, isPlatformTeam: false };

function withSecrets() {
  const environment = makeEnvironment({ viewer: OWNER });
  environment.resources[1].secrets = {
    username: 'env_pay_owner',
    password: 's3cret-Pa55',
  };
  return environment;
}

async function render(
  api: FakeEnvironmentsApi,
  id = 'env-1',
  { fakeTimers = false } = {},
) {
  renderInTestApp(<EnvironmentsRoutes />, {
    apis: [[environmentsApiRef, api]],
    mountedRoutes: { '/environments': rootRouteRef },
    mountPath: '/environments/*',
    initialRouteEntries: [`/environments/${id}`],
  });
  await act(async () => {
    if (fakeTimers) await jest.advanceTimersByTimeAsync(0);
    else await new Promise(resolve => setTimeout(resolve, 0));
  });
}

describe('EnvironmentPage', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows owners the connection details, hidden until asked for', async () => {
    const api = new FakeEnvironmentsApi([withSecrets()]);
    await render(api);

    expect(
      await screen.findByRole('heading', { name: 'pay-preview' }),
    ).toBeInTheDocument();
    const outputs = screen.getByLabelText('db outputs');
    expect(within(outputs).getByText('127.0.0.1')).toBeInTheDocument();

    const details = screen.getByRole('region', {
      name: 'db connection details',
    });
    expect(within(details).getByText('password')).toBeInTheDocument();
    expect(screen.queryByText('s3cret-Pa55')).not.toBeInTheDocument();
    fireEvent.click(
      within(details).getByRole('button', { name: 'Show db password' }),
    );
    expect(within(details).getByText('s3cret-Pa55')).toBeInTheDocument();

    expect(screen.getByRole('button', { name: 'Extend' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Tear down' }),
    ).toBeInTheDocument();
  });

  it('shows others no connection details and no owner actions', async () => {
    const api = new FakeEnvironmentsApi([makeEnvironment()]);
    await render(api);

    await screen.findByRole('heading', { name: 'pay-preview' });
    expect(
      screen.queryByRole('region', { name: /connection details/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(
        /Connection details \(passwords, tokens\) are shown only to members of payments-team/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Extend' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Tear down' }),
    ).not.toBeInTheDocument();
    // Outputs are for everyone who may read the environment.
    expect(screen.getByText('env_pay')).toBeInTheDocument();
  });

  it('shows where the environment is in its lifecycle', async () => {
    const environment = makeEnvironment({
      status: 'provisioning',
      viewer: OWNER,
    });
    const api = new FakeEnvironmentsApi([environment]);
    api.events = [
      makeEvent({ kind: 'status', status: 'requested', message: 'Requested' }),
      makeEvent({
        kind: 'status',
        status: 'provisioning',
        message: 'Provisioning started',
      }),
    ];
    await render(api);

    const steps = await screen.findByRole('list', { name: 'Lifecycle' });
    const step = (label: string) =>
      within(steps).getByText(label).closest('li')!;
    await waitFor(() =>
      expect(step('Provisioning')).toHaveAttribute('aria-current', 'step'),
    );
    expect(step('Requested')).toHaveAttribute('data-state', 'done');
    expect(step('Ready')).toHaveAttribute('data-state', 'upcoming');
    expect(step('Torn down')).toHaveAttribute('data-state', 'upcoming');
    // No approval for this class: the step is not shown.
    expect(within(steps).queryByText('Awaiting approval')).toBeNull();
  });

  it('extends by the hours chosen, within the class maximum', async () => {
    const api = new FakeEnvironmentsApi([withSecrets()]);
    await render(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Extend' }));

    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/allows at most 168 hours from creation/),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/^New expiry:/)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Extend' }));

    await waitFor(() =>
      expect(api.callsOf('extendEnvironment')).toEqual([['env-1', 24]]),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('shows the backend’s message when it refuses to extend', async () => {
    const api = new FakeEnvironmentsApi([withSecrets()]);
    const message =
      'hours: extending "pay-preview" by 24 hours would end it past the class "preview" maximum of 168 hours from creation (ttl.maxHours)';
    api.failures.extendEnvironment = await apiError(
      409,
      'Conflict',
      'ConflictError',
      message,
    );
    await render(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Extend' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Extend' }));

    expect(
      await within(dialog).findByText('Could not extend the environment'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(message)).toBeInTheDocument();
  });

  it('does not offer more than the class maximum', async () => {
    // Created 160 h ago with a 168 h maximum: 4 h left after the current expiry in 4 h.
    const api = new FakeEnvironmentsApi([
      makeEnvironment({ viewer: OWNER, ageHours: 160, expiresInHours: 4 }),
    ]);
    await render(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Extend' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('At most 4 h more.')).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Extend' }),
    ).not.toBeDisabled();
    expect(
      within(dialog).queryByRole('button', { name: '+1 d' }),
    ).not.toBeInTheDocument();
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'To the maximum' }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Extend' }));
    await waitFor(() =>
      expect(api.callsOf('extendEnvironment')).toEqual([['env-1', 4]]),
    );
  });

  it('says when the class maximum leaves nothing to add', async () => {
    const api = new FakeEnvironmentsApi([
      makeEnvironment({ viewer: OWNER, ageHours: 167.5, expiresInHours: 0.2 }),
    ]);
    await render(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Extend' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/cannot\s+be extended further/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Extend' }),
    ).toBeDisabled();
  });

  it('tears down only after confirmation, with the reason', async () => {
    const api = new FakeEnvironmentsApi([withSecrets()]);
    await render(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Tear down' }));

    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/config \(config\), db \(postgres\)/),
    ).toBeInTheDocument();
    expect(api.callsOf('teardownEnvironment')).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText(/Reason/), {
      target: { value: 'merged' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tear down' }));

    await waitFor(() =>
      expect(api.callsOf('teardownEnvironment')).toEqual([['env-1', 'merged']]),
    );
    // The page reads the environment again and shows the new status.
    expect(
      await screen.findByText('Tearing down', { selector: 'span' }),
    ).toBeInTheDocument();
  });

  it('follows the log, asking only for lines after the last one', async () => {
    jest.useFakeTimers();
    const environment = makeEnvironment({
      status: 'provisioning',
      viewer: OWNER,
    });
    const api = new FakeEnvironmentsApi([environment]);
    const started = makeEvent({
      kind: 'status',
      status: 'provisioning',
      message: 'Provisioning started',
    });
    const config = makeEvent({
      resource: 'config',
      message: 'Provisioning config (config)',
    });
    api.events = [started, config];
    await render(api, 'env-1', { fakeTimers: true });

    const log = await screen.findByRole('log', { name: 'Live log' });
    expect(
      await within(log).findByText('Provisioning config (config)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Following live: new lines every 2 s.'),
    ).toBeInTheDocument();

    // The backend moves on: two new lines, and the environment is ready.
    const dbReady = makeEvent({ resource: 'db', message: 'db is ready' });
    const ready = makeEvent({
      kind: 'status',
      status: 'ready',
      message: 'All resources are up',
    });
    api.events.push(dbReady, ready);
    environment.status = 'ready';

    await act(async () => {
      await jest.advanceTimersByTimeAsync(2_000);
    });
    expect(await within(log).findByText('db is ready')).toBeInTheDocument();
    // A status line names the status unless its message already does.
    expect(
      within(log).getByText('Ready: All resources are up'),
    ).toBeInTheDocument();
    expect(within(log).getByText('Provisioning started')).toBeInTheDocument();
    expect(within(log).getAllByRole('listitem')).toHaveLength(4);
    expect(api.callsOf('getEvents')).toEqual([
      ['env-1', 0],
      ['env-1', config.id],
    ]);
    // Ready: the page reads the record again, and polls less often from now on.
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Lifecycle' }))
          .getByText('Ready')
          .closest('li'),
      ).toHaveAttribute('aria-current', 'step'),
    );
    expect(
      screen.getByText('Following live: new lines every 10 s.'),
    ).toBeInTheDocument();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(2_000);
    });
    expect(api.callsOf('getEvents')).toHaveLength(2);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(8_000);
    });
    expect(api.callsOf('getEvents').at(-1)).toEqual(['env-1', ready.id]);
  });

  it('shows a rejected request as ended, with nothing provisioned and nothing to do', async () => {
    const environment = makeEnvironment({
      viewer: OWNER,
      className: 'sandbox',
      status: 'rejected',
      statusMessage: 'Rejected by user:default/alex.moreno: use a preview',
      approval: {
        decision: 'rejected',
        decidedBy: 'user:default/alex.moreno',
        decidedAt: new Date().toISOString(),
        reason: 'use a preview',
      },
    });
    environment.resources = environment.resources.map(r => ({
      ...r,
      status: 'pending',
      outputs: {},
    }));
    const api = new FakeEnvironmentsApi([environment]);
    api.events = [
      makeEvent({
        kind: 'status',
        status: 'awaiting-approval',
        message: 'Requested by user:default/maria.silva',
      }),
      makeEvent({
        kind: 'status',
        status: 'rejected',
        message: 'Rejected by user:default/alex.moreno: use a preview',
      }),
    ];
    await render(api);

    const steps = await screen.findByRole('list', { name: 'Lifecycle' });
    await waitFor(() =>
      expect(within(steps).getByText('Rejected').closest('li')).toHaveAttribute(
        'data-state',
        'failed',
      ),
    );
    expect(within(steps).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getAllByText('Never provisioned.')).toHaveLength(2);
    expect(
      screen.getByText('The environment has ended; the log is complete.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Extend' })).toBeNull();
    expect(
      screen.queryByRole('button', { name: /Tear down|Withdraw/ }),
    ).toBeNull();
  });

  it('shows the audit trail', async () => {
    const api = new FakeEnvironmentsApi([withSecrets()]);
    api.audit = [
      {
        id: 1,
        at: new Date().toISOString(),
        environmentId: 'env-1',
        environmentName: 'pay-preview',
        owner: 'group:default/payments-team',
        actor: 'user:default/maria.silva',
        action: 'create',
        outcome: 'succeeded',
      },
      {
        id: 2,
        at: new Date().toISOString(),
        environmentId: 'env-1',
        environmentName: 'pay-preview',
        owner: 'group:default/payments-team',
        actor: 'runway:environments',
        action: 'provisioned',
        outcome: 'succeeded',
      },
    ];
    await render(api);
    const trail = within(await screen.findByRole('grid'));
    expect(trail.getByText('Provisioned')).toBeInTheDocument();
    expect(trail.getByText('Requested')).toBeInTheDocument();
    expect(trail.getByText('Runway')).toBeInTheDocument();
    expect(trail.getByText('maria.silva')).toBeInTheDocument();
    // Newest first.
    const rows = trail.getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Provisioned');
    expect(rows[2]).toHaveTextContent('Requested');
  });

  it('says so when the environment does not exist', async () => {
    const api = new FakeEnvironmentsApi([]);
    api.failures.getEnvironment = await apiError(
      404,
      'Not Found',
      'NotFoundError',
      'environment "nope" not found',
    );
    await render(api, 'nope');
    expect(
      await screen.findByText('This environment does not exist'),
    ).toBeInTheDocument();
  });
});
