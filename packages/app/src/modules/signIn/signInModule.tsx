import { OAuth2 } from '@backstage/core-app-api';
import {
  ApiBlueprint,
  configApiRef,
  createFrontendModule,
  discoveryApiRef,
  oauthRequestApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { readDevUsers } from './devUsers';
import { oidcAuthApiRef } from './oidcAuthApiRef';
import { signInProvidersFromConfig } from './signInProviders';

const oidcAuthApi = ApiBlueprint.make({
  name: 'oidc-auth',
  params: defineParams =>
    defineParams({
      api: oidcAuthApiRef,
      deps: {
        configApi: configApiRef,
        discoveryApi: discoveryApiRef,
        oauthRequestApi: oauthRequestApiRef,
      },
      factory: ({ configApi, discoveryApi, oauthRequestApi }) =>
        OAuth2.create({
          configApi,
          discoveryApi,
          oauthRequestApi,
          provider: { id: 'oidc', title: 'Single sign-on', icon: () => null },
          environment: configApi.getOptionalString('auth.environment'),
          defaultScopes: ['openid', 'profile', 'email'],
        }),
    }),
});

/**
 * `make start` (auth.providers.devUser lists users): choose which example user to be.
 * Otherwise the sign-in methods of `runway.signIn.providers`: single sign-on in production.
 */
const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => {
      const { SignInPage } = await import('@backstage/core-components');
      const { DevUserSignInPage } = await import('./DevUserSignInPage');
      return props => {
        const config = useApi(configApiRef);
        const devUsers = readDevUsers(config);
        if (devUsers.length > 0) {
          return <DevUserSignInPage {...props} users={devUsers} />;
        }
        return (
          <SignInPage
            {...props}
            title="Runway"
            align="center"
            providers={signInProvidersFromConfig(config)}
          />
        );
      };
    },
  },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [oidcAuthApi, signInPage],
});
