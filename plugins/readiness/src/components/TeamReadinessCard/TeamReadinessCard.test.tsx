import { act, screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  CAPABILITY_IDS,
  CapabilityId,
  Rollup,
  RollupsResponse,
} from '@internal/plugin-readiness-common';
import { ReadinessApi, readinessApiRef } from '../../api/readinessApiRef';
import { TeamReadinessCard } from './TeamReadinessCard';

const GROUP: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'Payments-Team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
const GROUP_REF = 'group:default/payments-team';

function teamRollup(
  averages: Partial<Record<CapabilityId, number | null>>,
  weakestCapability?: CapabilityId,
  entities = 7,
): Rollup {
  return {
    owner: GROUP_REF,
    entities,
    weakestCapability,
    capabilities: CAPABILITY_IDS.map(capability => ({
      capability,
      averageScore: averages[capability] ?? null,
      levels: { none: 2, bronze: 3, silver: 1, gold: 1 },
    })),
  };
}

const AVERAGES: Record<CapabilityId, number | null> = {
  'self-service-deployment': 74,
  'test-feedback': 61,
  'environment-provisioning': null,
  'code-review': 83,
  ownership: 92,
  observability: 28.2,
};

/** A stand-in for the backend: plain async functions with fixed responses, calls recorded. */
function fakeApi(getRollups: ReadinessApi['getRollups']) {
  const unused = async () => {
    throw new Error('not used by the team card');
  };
  return {
    getScorecard: jest.fn(unused),
    getHistory: jest.fn(unused),
    getOverview: jest.fn(unused),
    getRollups: jest.fn(getRollups),
    overviewCsvUrl: jest.fn(unused),
  };
}

async function render(api: ReturnType<typeof fakeApi>) {
  const result = renderInTestApp(
    <EntityProvider entity={GROUP}>
      <TeamReadinessCard />
    </EntityProvider>,
    { apis: [[readinessApiRef, api]] },
  );
  await act(async () => {
    await new Promise(resolve => setTimeout(resolve, 0));
  });
  return result;
}

describe('TeamReadinessCard', () => {
  it('asks for the rollup of this group, by its lowercased entity ref', async () => {
    const api = fakeApi(async () => ({
      rollups: [teamRollup(AVERAGES, 'observability')],
    }));
    await render(api);
    expect(api.getRollups).toHaveBeenCalledWith({
      groupBy: 'owner',
      owner: [GROUP_REF],
    });
  });

  it('names the weakest capability and links to the overview filtered by the team', async () => {
    await render(
      fakeApi(async () => ({
        rollups: [teamRollup(AVERAGES, 'observability')],
      })),
    );
    expect(
      await screen.findByText('Weakest: Production observability, 28/100'),
    ).toBeInTheDocument();
    expect(screen.getByText('7 scored entities')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /readiness overview/ }),
    ).toHaveAttribute(
      'href',
      '/readiness?owner=group%3Adefault%2Fpayments-team',
    );
  });

  it('finds the lowest average itself when the rollup names no weakest capability', async () => {
    await render(
      fakeApi(async () => ({
        rollups: [teamRollup({ ...AVERAGES, 'code-review': 12 })],
      })),
    );
    expect(
      await screen.findByText(
        'Weakest: Code review tooling that scales, 12/100',
      ),
    ).toBeInTheDocument();
  });

  it('shows every capability with its average and level counts', async () => {
    await render(
      fakeApi(async () => ({
        rollups: [teamRollup(AVERAGES, 'observability')],
      })),
    );
    const ownership = await screen.findByTestId('capability-ownership');
    expect(
      within(ownership).getByText('Clear ownership models'),
    ).toBeInTheDocument();
    expect(within(ownership).getByText('92/100')).toBeInTheDocument();
    expect(within(ownership).getByText('Gold 1')).toBeInTheDocument();
    expect(within(ownership).getByText('No level 2')).toBeInTheDocument();
    expect(
      within(
        screen.getByTestId('capability-environment-provisioning'),
      ).getByText('Not scored'),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByTestId('capability-environment-provisioning'),
      ).queryByText(/Gold/),
    ).not.toBeInTheDocument();
  });

  it("names the check first to fix for most of the team's entities, as the server rolled it up", async () => {
    await render(
      fakeApi(async () => ({
        rollups: [
          {
            ...teamRollup(AVERAGES, 'observability'),
            fixFirst: {
              id: 'test-feedback.coverage-reported',
              capability: 'test-feedback',
              level: 'bronze',
              title: 'Code coverage reported',
              entities: 4,
            },
          },
        ],
      })),
    );
    const fixFirst = await screen.findByLabelText('Fix first');
    expect(fixFirst).toHaveTextContent('Fix first: Code coverage reported');
    expect(fixFirst).toHaveTextContent(
      'Fast and reliable test feedback · first to fix for 4 of 7 entities, on the way to Bronze',
    );
    // The weakest capability stays, as what it is: the lowest average, not what to fix.
    expect(
      screen.getByText('Weakest: Production observability, 28/100'),
    ).toBeInTheDocument();
    expect(fixFirst).not.toHaveTextContent('Production observability');
  });

  it('names no check when the server rolled up none (every entity at gold)', async () => {
    await render(
      fakeApi(async () => ({
        rollups: [teamRollup(AVERAGES, 'observability')],
      })),
    );
    await screen.findByText('7 scored entities');
    expect(screen.queryByLabelText('Fix first')).not.toBeInTheDocument();
  });

  it('says so when the team owns nothing scored', async () => {
    await render(
      fakeApi(async (): Promise<RollupsResponse> => ({ rollups: [] })),
    );
    expect(
      await screen.findByText('This team owns no scored entities yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Weakest/)).not.toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows the error when the rollup cannot be loaded', async () => {
    await render(
      fakeApi(async () => {
        throw new Error('rollups unavailable');
      }),
    );
    expect(
      (await screen.findAllByText(/rollups unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/Weakest/)).not.toBeInTheDocument();
  });
});
