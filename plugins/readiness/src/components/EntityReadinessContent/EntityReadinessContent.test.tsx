import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  AchievedLevel,
  CAPABILITIES,
  CapabilityId,
  ScorecardResponse,
} from '@internal/plugin-readiness-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readinessApiRef, ReadinessApi } from '../../api/readinessApiRef';
import { EntityReadinessContent } from './EntityReadinessContent';

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

const scorecard: ScorecardResponse = {
  entityRef: 'component:default/payments-api',
  overallLevel: 'bronze',
  scoredCapabilities: 6,
  fixFirst: {
    level: 'silver',
    checks: [
      {
        id: 'test-feedback.flaky-rate-low',
        capability: 'test-feedback',
        level: 'silver',
        weight: 4,
        status: 'missing-data',
        title: 'Flaky tests are rare',
        howToFix: {
          markdown: 'Push `ci.test.flakyRate` from CI.',
          link: 'https://dora.dev',
        },
      },
    ],
  },
  evaluatedAt: '2026-11-24T10:00:00.000Z',
  capabilities: CAPABILITIES.map(c => ({
    capability: c.id,
    title: c.title,
    score: c.id === 'test-feedback' ? 40 : 90,
    level: c.id === 'test-feedback' ? 'bronze' : 'gold',
    ...(c.id === 'test-feedback' && {
      next: {
        level: 'silver' as const,
        failingChecks: ['test-feedback.flaky-rate-low'],
      },
    }),
    checks:
      c.id === 'test-feedback'
        ? [
            {
              id: 'test-feedback.flaky-rate-low',
              title: 'Flaky tests are rare',
              description: 'Flaky tests teach people to ignore red builds.',
              howToFix: {
                markdown: 'Push `ci.test.flakyRate` from CI.',
                link: 'https://dora.dev',
              },
              level: 'silver',
              weight: 4,
              status: 'missing-data',
              detail: 'no value yet for ci.test.flakyRate',
              changedAt: '2026-11-24T10:00:00.000Z',
            },
          ]
        : [],
  })),
};

type Check = ScorecardResponse['capabilities'][number]['checks'][number];

function check(
  id: string,
  title: string,
  level: Check['level'],
  weight: number,
  status: Check['status'],
): Check {
  return {
    id,
    title,
    description: `Why ${title} matters.`,
    howToFix: { markdown: `Fix ${id}` },
    level,
    weight,
    status,
    detail: '',
    changedAt: '2026-11-24T10:00:00.000Z',
  };
}

function blocking(
  id: string,
  title: string,
  weight: number,
): ScorecardResponse['fixFirst']['checks'][number] {
  return {
    id,
    capability: id.split('.')[0] as CapabilityId,
    level: 'bronze',
    weight,
    status: 'fail',
    title,
    howToFix: { markdown: `Fix ${id}` },
  };
}

/** A scorecard where the named capabilities are scored and the others are not. */
function withCapabilities(
  scored: Partial<
    Record<
      CapabilityId,
      { score: number; level: AchievedLevel; checks: Check[] }
    >
  >,
  rest: Pick<ScorecardResponse, 'overallLevel' | 'fixFirst'> &
    Partial<ScorecardResponse>,
): ScorecardResponse {
  return {
    entityRef: 'component:default/payments-api',
    evaluatedAt: '2026-11-24T10:00:00.000Z',
    scoredCapabilities: Object.keys(scored).length,
    ...rest,
    capabilities: CAPABILITIES.map(c => ({
      capability: c.id,
      title: c.title,
      ...(scored[c.id] ?? { score: null, level: 'none', checks: [] }),
    })),
  };
}

// A fake standing in for the backend, which has its own tests.
const fakeApi = (card: ScorecardResponse, fail = false): ReadinessApi => ({
  getScorecard: async () => {
    if (fail) throw new Error('readiness is down');
    return card;
  },
  getHistory: async () => ({
    entityRef: card.entityRef,
    changes: [
      {
        capability: 'test-feedback',
        score: 20,
        level: 'none',
        changedAt: '2026-11-20T00:00:00.000Z',
      },
    ],
  }),
  getOverview: async () => ({ total: 0, rows: [] }),
  getRollups: async () => ({ rollups: [] }),
  overviewCsvUrl: async () => '',
});

const render = (api: ReadinessApi) =>
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityReadinessContent />
    </EntityProvider>,
    { apis: [[readinessApiRef, api]] },
  );

describe('EntityReadinessContent', () => {
  it("shows the six capabilities, the server's fix-first checks, and a check with how to fix it", async () => {
    await render(fakeApi(scorecard));
    for (const c of CAPABILITIES) {
      expect(
        await screen.findByRole('heading', { name: c.title }),
      ).toBeInTheDocument();
    }
    const fixFirst = screen.getByRole('region', { name: 'Fix first' });
    expect(fixFirst).toHaveTextContent(
      'Fix first: 1 check blocks Silver, heaviest first.',
    );
    expect(
      within(fixFirst).getByRole('link', { name: 'Flaky tests are rare' }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(/#readiness-check-test-feedback-flaky-rate-low$/),
    );
    expect(fixFirst).toHaveTextContent(
      'Fast and reliable test feedback · Missing data · Silver · weight 4',
    );
    expect(screen.queryByText(/capabilities scored/)).not.toBeInTheDocument();
    expect(screen.getByText('1 check to Silver')).toBeInTheDocument();

    fireEvent.click(
      screen.getByRole('button', { name: /Flaky tests are rare/ }),
    );
    expect(
      await screen.findByText('Seen: no value yet for ci.test.flakyRate'),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('How to fix Flaky tests are rare'),
    ).toHaveTextContent('Push ci.test.flakyRate from CI.');
  });

  it("names the checks that block the next level, in the server's order, not the lowest-scoring capability", async () => {
    // Identity Service: self-service deployment scores lowest, a bronze test-feedback check
    // keeps the service at no level.
    const identity = withCapabilities(
      {
        'self-service-deployment': {
          score: 19,
          level: 'bronze',
          checks: [
            check(
              'self-service-deployment.owner-driven',
              'Owners start their own deploys',
              'silver',
              5,
              'missing-data',
            ),
          ],
        },
        'test-feedback': {
          score: 71,
          level: 'none',
          checks: [
            check(
              'test-feedback.coverage-reported',
              'Code coverage reported',
              'bronze',
              2,
              'fail',
            ),
          ],
        },
      },
      {
        overallLevel: 'none',
        fixFirst: {
          level: 'bronze',
          checks: [
            blocking(
              'test-feedback.coverage-reported',
              'Code coverage reported',
              2,
            ),
            blocking('test-feedback.ci-linked', 'CI pipeline linked', 1),
          ],
        },
      },
    );
    await render(fakeApi(identity));
    const fixFirst = await screen.findByRole('region', { name: 'Fix first' });
    expect(fixFirst).toHaveTextContent(
      'Fix first: 2 checks block Bronze, heaviest first.',
    );
    expect(
      within(fixFirst)
        .getAllByRole('link')
        .map(l => l.textContent),
    ).toEqual(['Code coverage reported', 'CI pipeline linked']);
    expect(fixFirst).not.toHaveTextContent('Self-service deployment');

    // Following the link opens the check's how-to-fix.
    expect(
      screen.getByLabelText('How to fix Code coverage reported'),
    ).not.toBeVisible();
    fireEvent.click(
      within(fixFirst).getByRole('link', { name: 'Code coverage reported' }),
    );
    const howToFix = screen.getByLabelText('How to fix Code coverage reported');
    await waitFor(() => expect(howToFix).toBeVisible());
    expect(howToFix).toHaveTextContent('Fix test-feedback.coverage-reported');
    expect(
      document.getElementById(
        'readiness-check-test-feedback-coverage-reported',
      ),
    ).not.toBeNull();
  });

  it('shows "Not scored" for a capability no check applies to, and says a level rests on one capability', async () => {
    const api = withCapabilities(
      {
        ownership: {
          score: 100,
          level: 'gold',
          checks: [
            check(
              'ownership.owner-resolves',
              'Owner exists in the catalog',
              'bronze',
              5,
              'pass',
            ),
          ],
        },
      },
      {
        overallLevel: 'gold',
        scoredCapabilities: 1,
        fixFirst: { checks: [] },
      },
    );
    await render(fakeApi(api));
    const observability = await screen.findByLabelText(
      'Production observability',
    );
    expect(
      within(observability).getByLabelText('Production observability score'),
    ).toHaveTextContent('Not scored');
    expect(
      within(observability).queryByTestId('level-badge'),
    ).not.toBeInTheDocument();
    expect(within(observability).queryByText('0')).not.toBeInTheDocument();
    const ownership = screen.getByLabelText('Clear ownership models');
    expect(
      within(ownership).getByLabelText('Clear ownership models score'),
    ).toHaveTextContent('100');

    expect(
      screen.getByText('· 1 of 6 capabilities scored'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Fix first: nothing, Gold is the highest level.'),
    ).toBeInTheDocument();
  });

  it('shows the error when the scorecard cannot be loaded', async () => {
    await render(fakeApi(scorecard, true));
    expect(
      await screen.findByText('Error: readiness is down'),
    ).toBeInTheDocument();
  });
});
