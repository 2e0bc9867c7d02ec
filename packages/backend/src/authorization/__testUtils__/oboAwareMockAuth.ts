import {
  AuthService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

const SERVICE_TOKEN = 'mock-service-token:';

/**
 * Backstage's mock auth service, except that a plugin's token on behalf of a user authenticates
 * as that user *with a service actor*, as real on-behalf-of tokens do. The mock drops the actor,
 * and the permission integration router (rightly) refuses a user without one, so the permission
 * backend could never evaluate a conditional decision for a user against another plugin.
 */
export const oboAwareMockAuth = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const inner = mockServices.auth({ pluginId: plugin.getId() });
    return {
      async authenticate(token, options) {
        if (token.startsWith(SERVICE_TOKEN)) {
          const { obo } = JSON.parse(token.slice(SERVICE_TOKEN.length));
          if (obo) {
            return mockCredentials.user(obo, {
              actor: { subject: 'plugin:on-behalf-of' },
            }) as any;
          }
        }
        return inner.authenticate(token, options);
      },
      getNoneCredentials: () => inner.getNoneCredentials(),
      getOwnServiceCredentials: () => inner.getOwnServiceCredentials(),
      isPrincipal: inner.isPrincipal.bind(inner) as AuthService['isPrincipal'],
      getPluginRequestToken: options => inner.getPluginRequestToken(options),
      getLimitedUserToken: credentials =>
        inner.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => inner.listPublicServiceKeys(),
    };
  },
});
