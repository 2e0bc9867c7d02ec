import { createPermission } from '@backstage/plugin-permission-common';

/** Permission resource type of an environment (resource ref: the environment id). */
export const ENVIRONMENT_RESOURCE_TYPE = 'environment';

/** Request an environment for a team. */
export const environmentCreatePermission = createPermission({
  name: 'environments.environment.create',
  attributes: { action: 'create' },
});

/** See an environment, its resources' outputs, events and audit. */
export const environmentReadPermission = createPermission({
  name: 'environments.environment.read',
  attributes: { action: 'read' },
  resourceType: ENVIRONMENT_RESOURCE_TYPE,
});

/** Push an environment's expiry out, up to its class maximum. */
export const environmentExtendPermission = createPermission({
  name: 'environments.environment.extend',
  attributes: { action: 'update' },
  resourceType: ENVIRONMENT_RESOURCE_TYPE,
});

/** Tear an environment down. */
export const environmentTeardownPermission = createPermission({
  name: 'environments.environment.teardown',
  attributes: { action: 'delete' },
  resourceType: ENVIRONMENT_RESOURCE_TYPE,
});

/** Approve or reject a request for a class that requires approval. */
export const environmentApprovePermission = createPermission({
  name: 'environments.environment.approve',
  attributes: { action: 'update' },
  resourceType: ENVIRONMENT_RESOURCE_TYPE,
});

/** Reload environment classes and read fleet-wide usage and audit. */
export const environmentClassManagePermission = createPermission({
  name: 'environments.class.manage',
  attributes: { action: 'update' },
});

export const environmentsPermissions = [
  environmentCreatePermission,
  environmentReadPermission,
  environmentExtendPermission,
  environmentTeardownPermission,
  environmentApprovePermission,
  environmentClassManagePermission,
];
