import {
  BackstageCredentials,
  BackstageUserInfo,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { SessionUserInfo } from './SessionUserInfo';

const session = (userEntityRef: string, expiresAt?: number) =>
  ({
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef },
    ...(expiresAt !== undefined && { expiresAt: new Date(expiresAt) }),
  } as BackstageCredentials);

/** The auth backend's answers, counted: each call returns the claims it has now. */
function authBackend() {
  const claims = new Map<string, string[]>();
  const calls: string[] = [];
  const service: UserInfoService = {
    async getUserInfo(credentials): Promise<BackstageUserInfo> {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      calls.push(ref);
      const ent = claims.get(ref);
      if (!ent) throw new Error(`no user info for ${ref}`);
      return { userEntityRef: ref, ownershipEntityRefs: ent };
    },
  };
  return { claims, calls, service };
}

describe('SessionUserInfo', () => {
  const priya = 'user:default/priya';
  const hour = 3_600_000;

  it('reads a session once within the ttl, and again after it or after a refresh', async () => {
    const auth = authBackend();
    auth.claims.set(priya, ['group:default/payments-team']);
    let now = 0;
    const info = new SessionUserInfo(auth.service, {
      ttlMs: 60_000,
      now: () => now,
    });

    await info.getUserInfo(session(priya, hour));
    now = 59_999;
    auth.claims.set(priya, ['group:default/platform-team']);
    expect(
      (await info.getUserInfo(session(priya, hour))).ownershipEntityRefs,
    ).toEqual(['group:default/payments-team']);
    expect(auth.calls).toHaveLength(1);

    // A refreshed token (new expiry) carries the claims as they are now.
    expect(
      (await info.getUserInfo(session(priya, 2 * hour))).ownershipEntityRefs,
    ).toEqual(['group:default/platform-team']);
    now = 60_000;
    await info.getUserInfo(session(priya, hour));
    expect(auth.calls).toHaveLength(3);
  });

  it('never keeps claims past the token expiry, a failed read, or a session without expiry', async () => {
    const auth = authBackend();
    let now = 0;
    const info = new SessionUserInfo(auth.service, { now: () => now });

    await expect(info.getUserInfo(session(priya, hour))).rejects.toThrow(
      'no user info',
    );
    auth.claims.set(priya, ['group:default/payments-team']);
    await info.getUserInfo(session(priya, 10_000));
    now = 10_000;
    await info.getUserInfo(session(priya, 10_000));
    await info.getUserInfo(session(priya));
    await info.getUserInfo(session(priya));
    expect(auth.calls).toHaveLength(5);
  });
});
