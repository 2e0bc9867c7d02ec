import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  CAPABILITIES,
  ScorecardResponse,
} from '@internal/plugin-readiness-common';
import { fireEvent, screen } from '@testing-library/react';
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
  it('shows the six capabilities, the weakest first to fix, and a check with how to fix it', async () => {
    await render(fakeApi(scorecard));
    for (const c of CAPABILITIES) {
      expect(
        await screen.findByRole('heading', { name: c.title }),
      ).toBeInTheDocument();
    }
    expect(screen.getByText(/Fix first:/).textContent).toContain(
      'Fast and reliable test feedback (40/100), 1 check(s) from silver',
    );
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

  it('shows the error when the scorecard cannot be loaded', async () => {
    await render(fakeApi(scorecard, true));
    expect(
      await screen.findByText('Error: readiness is down'),
    ).toBeInTheDocument();
  });
});
