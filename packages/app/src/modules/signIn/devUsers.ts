import { Config } from '@backstage/config';

/** The development sign-in's provider id (plugins/auth-backend-module-runway-sign-in). */
export const DEV_USER_PROVIDER_ID = 'devUser';
/** The header that names the user one chose to be. */
export const DEV_USER_HEADER = 'x-runway-dev-user';

/** One of the users `make start` offers to sign in as, and what they may do. */
export type DevUser = { userEntityRef: string; description: string };

/**
 * The users under auth.providers.devUser.development.users; empty when the development
 * sign-in is not configured (production sets auth.providers.devUser to null).
 */
export function readDevUsers(config: Config): DevUser[] {
  return (
    config.getOptionalConfigArray('auth.providers.devUser.development.users') ??
    []
  ).map(user => ({
    userEntityRef: user.getString('userEntityRef'),
    description: user.getString('description'),
  }));
}

/** `alex.moreno` for user:default/alex.moreno. */
export function userName(userEntityRef: string): string {
  return userEntityRef.slice(userEntityRef.lastIndexOf('/') + 1);
}

// The choice survives reloads so that a signed-in person stays signed in; signing out forgets it.
const STORAGE_KEY = 'runway.signIn.devUser';

export const devUserChoice = {
  read(users: DevUser[]): string | undefined {
    const stored = window.localStorage.getItem(STORAGE_KEY) ?? undefined;
    return users.some(u => u.userEntityRef === stored) ? stored : undefined;
  },
  store(userEntityRef: string) {
    window.localStorage.setItem(STORAGE_KEY, userEntityRef);
  },
  forget() {
    window.localStorage.removeItem(STORAGE_KEY);
  },
};
