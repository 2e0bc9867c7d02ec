import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  createPermission,
  PermissionCondition,
  PermissionCriteria,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

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

/** The permission rule environments-backend registers for {@link ENVIRONMENT_RESOURCE_TYPE}. */
export const ENVIRONMENT_OWNER_RULE = 'IS_ENVIRONMENT_OWNER';

/**
 * A policy's condition "the environment is owned by one of `claims`" (the user's ownership
 * entity refs: the user and their groups), for conditional decisions on environments.
 */
export function isEnvironmentOwner(
  claims: string[],
): PermissionCondition<typeof ENVIRONMENT_RESOURCE_TYPE> {
  return {
    rule: ENVIRONMENT_OWNER_RULE,
    resourceType: ENVIRONMENT_RESOURCE_TYPE,
    params: { claims },
  };
}

/** A conditional decision on an environment permission, evaluated by the environments plugin. */
export function createEnvironmentConditionalDecision(
  permission: ResourcePermission<typeof ENVIRONMENT_RESOURCE_TYPE>,
  conditions: PermissionCriteria<
    PermissionCondition<typeof ENVIRONMENT_RESOURCE_TYPE>
  >,
): ConditionalPolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'environments',
    resourceType: permission.resourceType,
    conditions,
  };
}
