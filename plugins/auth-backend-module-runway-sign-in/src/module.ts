import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  oidcAuthenticator,
  oidcSignInResolvers,
} from '@backstage/plugin-auth-backend-module-oidc-provider';
import {
  authProvidersExtensionPoint,
  createOAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { catalogUserMatchingEmail } from './catalogUserMatchingEmail';

/**
 * The `oidc` sign-in provider (auth.providers.oidc.<environment>): upstream's OIDC
 * authenticator with Runway's `catalogUserMatchingEmail` resolver next to upstream's ones.
 * It replaces @backstage/plugin-auth-backend-module-oidc-provider: both register `oidc`.
 */
export const authModuleRunwaySignIn = createBackendModule({
  pluginId: 'auth',
  moduleId: 'runway-oidc-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
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
      },
    });
  },
});
