import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { deployment } from '../../__testUtils__/fakeDeliveryApi';
import { DeployHistory } from './DeployHistory';

describe('DeployHistory', () => {
  it('says next to each production deploy whether and why it counts as a failed change', async () => {
    await renderInTestApp(
      <DeployHistory
        onShowLog={() => {}}
        deployments={[
          deployment({
            id: 'd-ok',
            version: '1.0.0',
            production: true,
          }),
          deployment({
            id: 'd-incident',
            version: '1.1.0',
            production: true,
            status: 'succeeded',
            causedIncident: true,
            failedChange: {
              reasons: ['incident'],
              incidents: [
                {
                  id: 'pagerduty-Q2CK',
                  title: 'Checkout errors',
                  url: 'https://example.pagerduty.com/incidents/Q2CK',
                  source: 'pagerduty',
                  openedAt: '2026-11-20T10:15:00.000Z',
                  link: 'live-at-open',
                },
              ],
            },
          }),
          deployment({
            id: 'd-staging',
            version: '1.2.0',
            environment: 'staging',
            production: false,
          }),
        ]}
      />,
    );
    expect(screen.getByText('Counts as failed')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Checkout errors' });
    expect(link).toHaveAttribute(
      'href',
      'https://example.pagerduty.com/incidents/Q2CK',
    );
    expect(link.closest('p')?.textContent).toMatch(
      /^PagerDuty incident Checkout errors: live when it opened /,
    );
    expect(screen.getByText('not production: not counted')).toBeInTheDocument();
    expect(screen.getByText('No')).toBeInTheDocument();
  });
});
