import { IdentityApi } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DevUserSignInPage } from './DevUserSignInPage';
import { DevUser } from './devUsers';

const users: DevUser[] = [
  {
    userEntityRef: 'user:default/alex.moreno',
    description: 'Platform engineer (platform-team): approves deploys',
  },
  {
    userEntityRef: 'user:default/olivia.brown',
    description: 'Developer on another team (web-team)',
  },
];

/** The devUser provider's contract: signs in the listed users, refuses the others with 403. */
const asked: (string | null)[] = [];
const server = setupServer(
  http.get('http://localhost:7007/api/auth/devUser/refresh', ({ request }) => {
    const chosen = request.headers.get('x-runway-dev-user');
    asked.push(chosen);
    if (chosen !== 'user:default/alex.moreno') {
      return HttpResponse.json(
        {
          error: {
            name: 'NotAllowedError',
            message: `Sign-in refused: "${chosen}" is not one of the development users`,
          },
          request: { method: 'GET', url: '/refresh' },
          response: { statusCode: 403 },
        },
        { status: 403 },
      );
    }
    return HttpResponse.json({
      profile: { displayName: 'Alex Moreno' },
      backstageIdentity: {
        token: 'header.e30.signature',
        identity: {
          type: 'user',
          userEntityRef: chosen,
          ownershipEntityRefs: [chosen, 'group:default/platform-team'],
        },
      },
    });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  asked.length = 0;
  window.localStorage.clear();
});
afterAll(() => server.close());

const STORAGE_KEY = 'runway.signIn.devUser';

async function renderPage() {
  const onSignInSuccess = jest.fn<void, [IdentityApi]>();
  await renderInTestApp(
    <DevUserSignInPage users={users} onSignInSuccess={onSignInSuccess} />,
  );
  return onSignInSuccess;
}

describe('DevUserSignInPage', () => {
  it('lists the users one may be, each with what they may do, and signs in as the one chosen', async () => {
    const onSignInSuccess = await renderPage();
    const rows = await screen.findAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'alex.morenoPlatform engineer (platform-team): approves deploys',
      'olivia.brownDeveloper on another team (web-team)',
    ]);
    expect(asked).toEqual([]);

    await userEvent.click(screen.getByRole('row', { name: /alex\.moreno/ }));

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(asked).toEqual(['user:default/alex.moreno']);
    const identity = onSignInSuccess.mock.calls[0][0];
    expect(await identity.getBackstageIdentity()).toEqual({
      type: 'user',
      userEntityRef: 'user:default/alex.moreno',
      ownershipEntityRefs: [
        'user:default/alex.moreno',
        'group:default/platform-team',
      ],
    });
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(
      'user:default/alex.moreno',
    );
  });

  it('signs in again as the stored choice after a reload, and forgets it on sign-out', async () => {
    window.localStorage.setItem(STORAGE_KEY, 'user:default/alex.moreno');
    const onSignInSuccess = await renderPage();

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('row')).not.toBeInTheDocument();

    await onSignInSuccess.mock.calls[0][0].signOut();
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('ignores a stored choice that is no longer listed', async () => {
    window.localStorage.setItem(STORAGE_KEY, 'user:default/someone.else');
    const onSignInSuccess = await renderPage();

    expect(await screen.findAllByRole('row')).toHaveLength(2);
    expect(asked).toEqual([]);
    expect(onSignInSuccess).not.toHaveBeenCalled();
  });

  it("shows the backend's refusal and lets one choose someone else", async () => {
    const onSignInSuccess = await renderPage();
    await userEvent.click(
      await screen.findByRole('row', { name: /olivia\.brown/ }),
    );

    expect(
      await screen.findByText('Could not sign in as olivia.brown'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /"user:default\/olivia\.brown" is not one of the development users/,
      ),
    ).toBeInTheDocument();
    expect(onSignInSuccess).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Choose someone else' }),
    );
    expect(await screen.findAllByRole('row')).toHaveLength(2);
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
  });
});
