// A file of its own: usePermission caches decisions (SWR) for the whole module registry.
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen } from '@testing-library/react';
import { auditApiRef } from '../../api/auditApiRef';
import { AuditNavIcon } from '../AuditNavIcon';
import { AuditPage } from './AuditPage';

describe('AuditPage without audit.events.read', () => {
  it('says who the page is for, in the page and on the nav icon, without asking the API', async () => {
    const auditApi = { listEvents: jest.fn(), exportCsv: jest.fn() };
    const permissionApi = mockApis.permission({
      authorize: AuthorizeResult.DENY,
    });
    await renderInTestApp(
      <>
        <AuditNavIcon />
        <AuditPage />
      </>,
      {
        apis: [
          [auditApiRef, auditApi],
          [permissionApiRef, permissionApi],
        ],
      },
    );
    expect(
      await screen.findByText('The audit trail is for the platform team'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'The audit trail is for the platform team',
      }),
    ).toBeInTheDocument();
    expect(auditApi.listEvents).not.toHaveBeenCalled();
  });
});
