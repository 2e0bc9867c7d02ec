import {
  BackstageCredentials,
  BackstageUserInfo,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Ownership, platformTeamOf } from './ownership';

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

const platform = 'group:default/platform-team';
const priya = 'user:default/priya';
const hour = 3_600_000;

describe('platformTeamOf', () => {
  it('reads runway.platformTeam as a lower-case group ref, and names the key when it is wrong', () => {
    expect(
      platformTeamOf(
        new ConfigReader({ runway: { platformTeam: 'Platform' } }),
      ),
    ).toBe('group:default/platform');
    expect(() => platformTeamOf(new ConfigReader({}))).toThrow(
      "runway.platformTeam must name the platform team's group",
    );
    expect(() =>
      platformTeamOf(
        new ConfigReader({ runway: { platformTeam: 'user:default/pat' } }),
      ),
    ).toThrow('runway.platformTeam: "user:default/pat" is not a group ref');
  });
});

describe('Ownership', () => {
  it('decides ownership and the platform team from the caller’s claims, case-insensitively', async () => {
    const auth = authBackend();
    auth.claims.set(priya, [priya, 'Group:Default/Payments-Team']);
    auth.claims.set('user:default/pat', ['user:default/pat', platform]);
    const ownership = new Ownership(platform, auth.service);

    const p = await ownership.callerOf(session(priya, hour));
    expect(p).toEqual({
      ref: priya,
      isUser: true,
      isService: false,
      ownershipRefs: [priya, 'group:default/payments-team'],
      isPlatformTeam: false,
    });
    expect(Ownership.owns(p, 'group:default/Payments-Team')).toBe(true);
    expect(Ownership.owns(p, 'group:default/web-team')).toBe(false);
    expect(Ownership.owns(p, undefined)).toBe(false);

    const pat = await ownership.callerOf(session('user:default/pat', hour));
    expect(pat.isPlatformTeam).toBe(true);
    expect(Ownership.owns(pat, 'group:default/payments-team')).toBe(false);
  });

  it('treats a service as a service, owning nothing, and reads no claims for it', async () => {
    const auth = authBackend();
    const ownership = new Ownership(platform, auth.service);
    const ci = await ownership.callerOf(
      mockCredentials.service('external:ci-pipeline'),
    );
    expect(ci).toMatchObject({
      ref: 'external:ci-pipeline',
      isUser: false,
      isService: true,
      ownershipRefs: [],
      isPlatformTeam: false,
    });
    const nobody = await ownership.callerOf(mockCredentials.none());
    expect(nobody).toMatchObject({ isUser: false, isService: false });
    expect(auth.calls).toHaveLength(0);
  });

  it('reads a session’s claims once within the ttl, and again after it or after a refresh', async () => {
    const auth = authBackend();
    auth.claims.set(priya, ['group:default/payments-team']);
    let now = 0;
    const ownership = new Ownership(platform, auth.service, {
      ttlMs: 60_000,
      now: () => now,
    });

    await ownership.callerOf(session(priya, hour));
    now = 59_999;
    auth.claims.set(priya, [platform]);
    expect(
      (await ownership.callerOf(session(priya, hour))).isPlatformTeam,
    ).toBe(false);
    expect(auth.calls).toHaveLength(1);

    // A refreshed token (new expiry) carries the claims as they are now.
    expect(
      (await ownership.callerOf(session(priya, 2 * hour))).isPlatformTeam,
    ).toBe(true);
    now = 60_000;
    await ownership.callerOf(session(priya, hour));
    expect(auth.calls).toHaveLength(3);
  });

  it('never keeps claims past the token expiry, a failed read, or a session without expiry', async () => {
    const auth = authBackend();
    let now = 0;
    const ownership = new Ownership(platform, auth.service, {
      now: () => now,
    });

    await expect(ownership.callerOf(session(priya, hour))).rejects.toThrow(
      'no user info',
    );
    auth.claims.set(priya, ['group:default/payments-team']);
    await ownership.callerOf(session(priya, 10_000));
    now = 10_000;
    await ownership.callerOf(session(priya, 10_000));
    await ownership.callerOf(session(priya));
    await ownership.callerOf(session(priya));
    expect(auth.calls).toHaveLength(5);
  });
});
