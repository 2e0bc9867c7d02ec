import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { EntityOwnershipCard } from './EntityOwnershipCard';

describe('EntityOwnershipCard', () => {
  it("shows the catalog module's ownership items and what to fix, not other status items", async () => {
    await renderInTestApp(
      <EntityProvider
        entity={
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'pdf-invoicer' },
            spec: { owner: 'group:legacy-team' },
            status: {
              items: [
                {
                  type: 'runway.dev/ownership',
                  level: 'error',
                  message: 'spec.owner "group:legacy-team" does not resolve',
                  error: {
                    name: 'OwnershipProblem',
                    message: 'x',
                    field: 'spec.owner',
                  },
                },
                {
                  type: 'backstage.io/catalog-processing',
                  level: 'error',
                  message: 'other',
                },
              ],
            },
          } as any
        }
      >
        <EntityOwnershipCard />
      </EntityProvider>,
    );
    expect(
      await screen.findByText(
        'spec.owner "group:legacy-team" does not resolve',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Fix: spec.owner')).toBeInTheDocument();
    expect(screen.queryByText('other')).not.toBeInTheDocument();
  });
});
