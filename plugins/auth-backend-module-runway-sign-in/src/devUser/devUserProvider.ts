import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import {
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
  ProfileTransform,
} from '@backstage/plugin-auth-node';
import {
  DEV_USER_HEADER,
  DEV_USERS_KEY,
  DevUser,
  normalizeUserRef,
} from './devUserSettings';

type DevUserResult = { userEntityRef: string };

/**
 * Reads whom the person chose to be from the `x-runway-dev-user` header and lets only the
 * listed users through. Nothing proves who the person is: the backend refuses to start with
 * this provider outside local development (readDevUserSettings).
 */
export function devUserAuthenticator(users: DevUser[]) {
  return createProxyAuthenticator<unknown, DevUserResult, unknown>({
    // Replaced by devUserProfileTransform; the profile comes from the catalog.
    defaultProfileTransform: async () => ({ profile: {} }),
    initialize: () => undefined,
    async authenticate({ req }) {
      const chosen = req.header(DEV_USER_HEADER)?.trim();
      if (!chosen) {
        throw new AuthenticationError(
          `Sign-in refused: the ${DEV_USER_HEADER} header names no user; choose who to be on the sign-in page`,
        );
      }
      const ref = normalizeUserRef(chosen);
      const user = users.find(u => u.userEntityRef === ref);
      if (!user) {
        throw new NotAllowedError(
          `Sign-in refused: "${chosen}" is not one of the development users (${DEV_USERS_KEY}): ${users
            .map(u => u.userEntityRef)
            .join(', ')}`,
        );
      }
      return { result: { userEntityRef: user.userEntityRef } };
    },
  });
}

/** The chosen user's name and email as the catalog has them, for the settings page. */
const devUserProfileTransform: ProfileTransform<DevUserResult> = async (
  result,
  ctx,
) => {
  const { entity } = await ctx
    .findCatalogUser({ entityRef: result.userEntityRef })
    .catch(error => {
      if (error?.name === 'NotFoundError') {
        throw new NotAllowedError(
          `Sign-in refused: ${result.userEntityRef} is listed in ${DEV_USERS_KEY} but the catalog has no such User (is examples/org/users.yaml among catalog.locations?)`,
        );
      }
      throw error;
    });
  const profile = (entity.spec?.profile ?? {}) as {
    displayName?: string;
    email?: string;
    picture?: string;
  };
  return {
    profile: {
      displayName: profile.displayName ?? entity.metadata.name,
      email: profile.email,
      picture: profile.picture,
    },
  };
};

/**
 * The `devUser` provider: sign in as one of the listed users, with that user's ownership claims
 * (the user and their groups) as the catalog has them.
 */
export function createDevUserProviderFactory(users: DevUser[]) {
  return createProxyAuthProviderFactory<DevUserResult>({
    authenticator: devUserAuthenticator(users),
    profileTransform: devUserProfileTransform,
    signInResolver: async ({ result }, ctx) =>
      ctx.signInWithCatalogUser({ entityRef: result.userEntityRef }),
  });
}
