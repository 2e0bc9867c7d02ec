import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { useAsync } from '@internal/frontend-common';

/** The signed-in user's ref and the refs they own through (their groups). */
export function useMyRefs() {
  const identityApi = useApi(identityApiRef);
  const { value } = useAsync(
    () => identityApi.getBackstageIdentity(),
    'identity',
  );
  return {
    userRef: value?.userEntityRef.toLocaleLowerCase('en-US'),
    ownership: (value?.ownershipEntityRefs ?? []).map(r =>
      r.toLocaleLowerCase('en-US'),
    ),
  };
}
