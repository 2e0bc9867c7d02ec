import { createPermission } from '@backstage/plugin-permission-common';

/** Read the ownership report (teams, what they own, problems), as a page or CSV. */
export const ownershipReadPermission = createPermission({
  name: 'ownership.read',
  attributes: { action: 'read' },
});

export const ownershipPermissions = [ownershipReadPermission];
