import {
  BackstageCredentials,
  BackstageUserInfo,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { SessionCache, SessionCacheOptions } from '@internal/backend-common';

/**
 * The user info (ownership claims) of a signed-in session, read once and reused.
 *
 * Backstage leaves the claims out of user tokens by default, so each policy decision for a user
 * asked the auth backend over HTTP (`/api/auth/v1/userinfo`), verifying the token again: a third
 * request inside every request that checks a permission. The claims belong to the token: the
 * auth backend sets them at sign-in and on refresh, and a refresh gives a new token, so they
 * are kept per token (SessionCache), for at most a minute.
 */
export class SessionUserInfo implements UserInfoService {
  private readonly cache: SessionCache<BackstageUserInfo>;

  constructor(
    private readonly inner: UserInfoService,
    options: SessionCacheOptions = {},
  ) {
    this.cache = new SessionCache(options);
  }

  getUserInfo(credentials: BackstageCredentials): Promise<BackstageUserInfo> {
    return this.cache.get(credentials, 'user-info', () =>
      this.inner.getUserInfo(credentials),
    );
  }
}
