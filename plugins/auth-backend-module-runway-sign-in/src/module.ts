import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  oidcAuthenticator,
  oidcSignInResolvers,
} from '@backstage/plugin-auth-backend-module-oidc-provider';
import {
  authProvidersExtensionPoint,
  createOAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { catalogUserMatchingEmail } from './catalogUserMatchingEmail';
import { createDevUserProviderFactory } from './devUser/devUserProvider';
import {
  DEV_USER_PROVIDER_ID,
  readDevUserSettings,
} from './devUser/devUserSettings';

/**
 * Runway's sign-in providers:
 * - `oidc` (auth.providers.oidc.<environment>): upstream's OIDC authenticator with Runway's
 *   `catalogUserMatchingEmail` resolver next to upstream's ones. It replaces
 *   @backstage/plugin-auth-backend-module-oidc-provider: both register `oidc`.
 * - `devUser` (auth.providers.devUser.development.users, `make start` only): sign in as one
 *   of the listed users, chosen on the sign-in page. The backend refuses to start with it
 *   outside local development.
 */
export const authModuleRunwaySignIn = createBackendModule({
  pluginId: 'auth',
  moduleId: 'runway-sign-in',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        providers.registerProvider({
          providerId: 'oidc',
          factory: createOAuthProviderFactory({
            authenticator: oidcAuthenticator,
            signInResolverFactories: {
              ...oidcSignInResolvers,
              catalogUserMatchingEmail,
            },
          }),
        });
        // Checked here rather than in the provider factory: the auth backend only logs a
        // factory's error when NODE_ENV is development, and this must stop the backend.
        const devUsers = readDevUserSettings(config);
        if (devUsers) {
          providers.registerProvider({
            providerId: DEV_USER_PROVIDER_ID,
            factory: createDevUserProviderFactory(devUsers),
          });
        }
      },
    });
  },
});
