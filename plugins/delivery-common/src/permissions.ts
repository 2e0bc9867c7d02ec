import { createPermission } from '@backstage/plugin-permission-common';

/** Read a service's deploys, their live log and history. */
export const deliveryDeployReadPermission = createPermission({
  name: 'delivery.deploy.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Deploy a version of a service to an environment. */
export const deliveryDeployPermission = createPermission({
  name: 'delivery.deploy.create',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/** Roll a service back to its last successful version in an environment. */
export const deliveryRollbackPermission = createPermission({
  name: 'delivery.deploy.rollback',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/** Promote the exact version from one environment to the next on the service's deploy path. */
export const deliveryPromotePermission = createPermission({
  name: 'delivery.deploy.promote',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/** Approve a deploy the production gate held (e.g. readiness below the configured level). */
export const deliveryApprovePermission = createPermission({
  name: 'delivery.deploy.approve',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Deploy inside a freeze window. The delivery backend also requires membership of the
 * configured platform team and a written reason.
 */
export const deliveryFreezeOverridePermission = createPermission({
  name: 'delivery.freeze.override',
  attributes: { action: 'update' },
});

/** Send delivery events (deployments, pull requests, test runs, incidents) through the API. */
export const deliveryIngestPermission = createPermission({
  name: 'delivery.events.ingest',
  attributes: { action: 'create' },
});

/** Read DORA and flow metrics of services, teams and the organisation. */
export const deliveryMetricsReadPermission = createPermission({
  name: 'delivery.metrics.read',
  attributes: { action: 'read' },
});

export const deliveryPermissions = [
  deliveryDeployReadPermission,
  deliveryDeployPermission,
  deliveryRollbackPermission,
  deliveryPromotePermission,
  deliveryApprovePermission,
  deliveryFreezeOverridePermission,
  deliveryIngestPermission,
  deliveryMetricsReadPermission,
];
