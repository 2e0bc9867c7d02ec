import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read scorecards, results and history; the overview and rollups show the entities whose
 * scorecard the caller may read (one conditional decision per list, applied in the database).
 */
export const readinessReadPermission = createPermission({
  name: 'readiness.scorecard.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
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

/** Trigger re-evaluation of one entity. */
export const readinessEvaluatePermission = createPermission({
  name: 'readiness.evaluate',
  attributes: { action: 'update' },
});

/** Trigger re-evaluation of the whole catalog (a run already in progress absorbs it). */
export const readinessEvaluateAllPermission = createPermission({
  name: 'readiness.evaluate.all',
  attributes: { action: 'update' },
});

export const readinessPermissions = [
  readinessReadPermission,
  readinessFactsPushPermission,
  readinessExemptionManagePermission,
  readinessEvaluatePermission,
  readinessEvaluateAllPermission,
];
