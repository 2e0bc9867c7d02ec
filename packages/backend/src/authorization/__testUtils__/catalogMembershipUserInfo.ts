import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';

/**
 * The user info a signed-in user's token carries, for test tokens that carry none: the user and
 * the groups the catalog says they are a member of, which is what sign-in puts in the token's
 * ownership claims (signInWithCatalogUser). The OIDC journey in e2e/ covers real tokens.
 */
export const catalogMembershipUserInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: { catalog: catalogServiceRef, auth: coreServices.auth },
  factory: ({ catalog, auth }) => ({
    async getUserInfo(credentials) {
      const principal = credentials.principal as { userEntityRef?: string };
      if (!principal.userEntityRef) {
        throw new Error('user info is only available for user credentials');
      }
      const user = await catalog.getEntityByRef(principal.userEntityRef, {
        credentials: await auth.getOwnServiceCredentials(),
      });
      const groups = (user?.relations ?? [])
        .filter(r => r.type === 'memberOf')
        .map(r => r.targetRef);
      return {
        userEntityRef: principal.userEntityRef,
        ownershipEntityRefs: [principal.userEntityRef, ...groups],
      };
    },
  }),
});
