import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { metrics, stage } from '../../__testUtils__/fakeDeliveryApi';
import { ConstraintCallout } from './ConstraintCallout';

describe('ConstraintCallout', () => {
  it('names no constraint when one stage has data, and says which stages lack it and how to feed them', async () => {
    // The page: "CI tests, median 1 min" named while no other stage had data.
    const m = metrics({
      stages: [
        stage('review-wait', 0),
        stage('in-review', 2),
        stage('ci-tests', 40, 1 / 60),
        stage('merge-to-deploy', 0),
        stage('deploy-approval', 0),
        stage('deploy-queue', 0),
        stage('deploying', 0),
      ],
      constraint: undefined,
      noConstraint:
        'Not enough data: only one stage (ci-tests) has 5 or more measurements in the window, and a constraint is the slowest of several',
    });
    await renderInTestApp(<ConstraintCallout metrics={m} />);
    expect(screen.getByText('No binding constraint yet')).toBeInTheDocument();
    expect(screen.queryByText(/Changes wait longest in/)).toBeNull();
    expect(
      screen.getByText(/^Stages without enough data: review,/),
    ).toBeInTheDocument();
    expect(screen.getByText('not enough data (2 of 5)')).toBeInTheDocument();
    expect(screen.getByText('1 min (n=40)')).toBeInTheDocument();
    expect(
      screen.getAllByText(/Feed it with how to feed review-wait/),
    ).toHaveLength(1);
  });

  it('names the slowest stage with enough data and how many stages it was compared with', async () => {
    await renderInTestApp(<ConstraintCallout metrics={metrics()} />);
    expect(
      screen.getByText('Changes wait longest in: review'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /the slowest of the 6 stages with 5 or more measurements/,
      ),
    ).toBeInTheDocument();
  });
});
