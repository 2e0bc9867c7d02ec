import { createPermission } from '@backstage/plugin-permission-common';

/** Read scorecards, results, history and the overview. */
export const readinessReadPermission = createPermission({
  name: 'readiness.scorecard.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * Read the organisation-wide overview and rollups. A basic permission for now; list endpoints
 * move to conditional decisions with the ownership policy.
 */
export const readinessOverviewReadPermission = createPermission({
  name: 'readiness.overview.read',
  attributes: { action: 'read' },
});

/** Push facts (CI pipelines, with a service token). */
export const readinessFactsPushPermission = createPermission({
  name: 'readiness.facts.push',
  attributes: { action: 'create' },
});

/** Create or revoke an exemption of an entity from a check. */
export const readinessExemptionManagePermission = createPermission({
  name: 'readiness.exemption.manage',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/** Trigger re-evaluation of one entity or of everything. */
export const readinessEvaluatePermission = createPermission({
  name: 'readiness.evaluate',
  attributes: { action: 'update' },
});

export const readinessPermissions = [
  readinessReadPermission,
  readinessOverviewReadPermission,
  readinessFactsPushPermission,
  readinessExemptionManagePermission,
  readinessEvaluatePermission,
];
