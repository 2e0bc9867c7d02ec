import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Asks the permission framework for one decision and throws NotAllowedError (403) naming the
 * permission (and the resource, e.g. `on environment <id>`) unless it is a plain ALLOW.
 */
export async function requirePermission(
  permissions: PermissionsService,
  permission: BasicPermission | ResourcePermission,
  credentials: BackstageCredentials,
  resource?: { ref: string; label?: string },
): Promise<void> {
  const request =
    permission.type === 'resource'
      ? { permission, resourceRef: resource?.ref ?? '' }
      : { permission: permission as BasicPermission };
  const [decision] = await permissions.authorize([request], { credentials });
  if (decision.result !== AuthorizeResult.ALLOW) {
    const target = resource
      ? ` on ${resource.label ? `${resource.label} ` : ''}${resource.ref}`
      : '';
    throw new NotAllowedError(`Not allowed: ${permission.name}${target}`);
  }
}
