import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  FakeEnvironmentsApi,
  makeEnvironment,
} from '../../__testUtils__/fakeEnvironmentsApi';
import { environmentsApiRef } from '../../api/environmentsApiRef';
import { rootRouteRef } from '../../routes';
import { FleetPage } from './FleetPage';

const PLATFORM = { isOwner: false, isPlatformTeam: true };

function fleet() {
  const api = new FakeEnvironmentsApi([
    makeEnvironment({ id: 'e1', name: 'pay-preview' }),
    makeEnvironment({
      id: 'e2',
      name: 'pay-soon',
      expiresInHours: 3,
    }),
    makeEnvironment({
      id: 'e3',
      name: 'search-preview',
      owner: 'group:default/search-team',
    }),
    makeEnvironment({
      id: 'e4',
      name: 'load-test',
      className: 'sandbox',
      owner: 'group:default/search-team',
      status: 'awaiting-approval',
      createdBy: 'user:default/daniel.kim',
      viewer: PLATFORM,
    }),
    makeEnvironment({
      id: 'e5',
      name: 'broken',
      status: 'failed',
      statusMessage:
        'Provisioning failed: db (postgres): role limit reached; what was made has been removed',
    }),
  ]);
  api.usage = {
    classes: [
      {
        key: 'preview',
        total: 6,
        active: 3,
        failed: 1,
        byStatus: { ready: 3, failed: 1, 'torn-down': 2 },
      },
      {
        key: 'sandbox',
        total: 1,
        active: 1,
        failed: 0,
        byStatus: { 'awaiting-approval': 1 },
      },
    ],
    templates: [
      {
        key: 'template:default/environment',
        total: 7,
        active: 4,
        failed: 1,
        byStatus: {},
      },
    ],
  };
  api.classes.problems = [
    {
      source: 'examples/environments/broken.yaml',
      classId: 'gpu',
      field: 'classes[0].ttl.maxHours',
      message: 'Expected number, received string',
    },
  ];
  return api;
}

async function render(api: FakeEnvironmentsApi) {
  renderInTestApp(<FleetPage />, {
    apis: [[environmentsApiRef, api]],
    mountedRoutes: { '/environments': rootRouteRef },
    initialRouteEntries: ['/environments/fleet'],
  });
  await act(async () => {
    await new Promise(resolve => setTimeout(resolve, 0));
  });
}

const section = (title: string) =>
  screen
    .getByRole('heading', { name: title })
    .closest('.bui-Card') as HTMLElement;

describe('FleetPage', () => {
  it('counts the fleet by status, class and team', async () => {
    const api = fleet();
    await render(api);

    const tiles = within(
      await screen.findByRole('group', { name: 'Fleet summary' }),
    );
    await waitFor(() =>
      expect(tiles.getByLabelText('Active')).toHaveTextContent('4'),
    );
    expect(tiles.getByLabelText('Awaiting approval')).toHaveTextContent('1');
    expect(tiles.getByLabelText('Failed')).toHaveTextContent('1');
    expect(tiles.getByLabelText('Expiring within 24 h')).toHaveTextContent('1');

    const byClass = screen.getByRole('list', {
      name: 'Active environments by class',
    });
    expect(within(byClass).getByLabelText('preview: 3')).toBeInTheDocument();
    expect(within(byClass).getByLabelText('sandbox: 1')).toBeInTheDocument();
    const byTeam = screen.getByRole('list', {
      name: 'Active environments by team',
    });
    expect(
      within(byTeam).getByLabelText('payments-team: 2'),
    ).toBeInTheDocument();
    expect(within(byTeam).getByLabelText('search-team: 2')).toBeInTheDocument();

    expect(
      within(section('Expiring within 24 hours')).getByRole('link', {
        name: 'pay-soon',
      }),
    ).toBeInTheDocument();
    expect(
      within(section('Failed')).getByText(/role limit reached/),
    ).toBeInTheDocument();
  });

  it('reports broken class files and usage per class and template', async () => {
    await render(fleet());
    const problems = await screen.findByRole('list', {
      name: 'Class problems',
    });
    expect(problems).toHaveTextContent(
      'examples/environments/broken.yaml (class gpu): classes[0].ttl.maxHours Expected number, received string',
    );
    const classes = within(section('Classes'));
    expect(classes.getByText('Preview environment')).toBeInTheDocument();
    expect(classes.getByText('3 / 6')).toBeInTheDocument();
    expect(classes.getByText('17% of all')).toBeInTheDocument();
    expect(classes.getByText('Needs approval')).toBeInTheDocument();
    const templates = within(section('Templates'));
    expect(
      templates.getByText('template:default/environment'),
    ).toBeInTheDocument();
    expect(templates.getByText('14% of all')).toBeInTheDocument();
  });

  it('approves a request and takes it off the queue', async () => {
    const api = fleet();
    await render(api);
    const approve = await screen.findByRole('button', {
      name: 'Approve load-test',
    });
    fireEvent.click(approve);

    await waitFor(() =>
      expect(api.callsOf('approveEnvironment')).toEqual([['e4', undefined]]),
    );
    expect(
      await screen.findByText(/No requests are waiting/),
    ).toBeInTheDocument();
  });

  it('rejects only with a reason', async () => {
    const api = fleet();
    await render(api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Reject load-test' }),
    );
    const dialog = await screen.findByRole('dialog');
    const reject = within(dialog).getByRole('button', { name: 'Reject' });
    expect(reject).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText(/Reason/), {
      target: { value: 'no' },
    });
    expect(reject).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText(/Reason/), {
      target: { value: 'Use a preview environment for this' },
    });
    expect(reject).not.toBeDisabled();
    fireEvent.click(reject);

    await waitFor(() =>
      expect(api.callsOf('rejectEnvironment')).toEqual([
        ['e4', 'Use a preview environment for this'],
      ]),
    );
    expect(
      await screen.findByText(/No requests are waiting/),
    ).toBeInTheDocument();
  });

  it('offers no approval buttons to readers outside the platform team', async () => {
    const api = fleet();
    api.environments.find(e => e.id === 'e4')!.viewer = {
      isOwner: true,
      isPlatformTeam: false,
    };
    await render(api);
    expect(
      await screen.findByText(
        'Only members of the platform team can approve or reject requests.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Approve load-test' }),
    ).not.toBeInTheDocument();
    expect(
      within(section('Awaiting approval')).getByRole('link', {
        name: 'load-test',
      }),
    ).toBeInTheDocument();
  });
});
