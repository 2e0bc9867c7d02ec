import {
  coreServices,
  createServiceFactory,
  UserInfoService,
} from '@backstage/backend-plugin-api';

/**
 * The user info service as the auth backend answers it: each user's ownership claims are the
 * user and the groups given for them here (what the sign-in resolver issues from the catalog).
 */
export function claimsUserInfo(
  groupsOf: Record<string, string[]>,
): UserInfoService {
  return {
    async getUserInfo(credentials) {
      const principal = credentials.principal as {
        type?: string;
        userEntityRef?: string;
      };
      if (principal.type !== 'user' || !principal.userEntityRef) {
        throw new Error('user info is only for users');
      }
      const ref = principal.userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(groupsOf[ref] ?? [])],
      };
    },
  };
}

/** claimsUserInfo as the backend's user info service, for startTestBackend. */
export function claimsUserInfoFactory(groupsOf: Record<string, string[]>) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => claimsUserInfo(groupsOf),
  });
}
