import { CapabilityRollup, Rollup } from '@internal/plugin-readiness-common';
import { NOT_SCORED } from './presentation';

/**
 * The capability holding the rollup back: the backend's `weakestCapability` when it names a
 * scored capability, otherwise the lowest average score. Capabilities no check applies to
 * (average null) are never the constraint.
 */
export function findConstraint(
  rollup: Rollup | undefined,
): (CapabilityRollup & { averageScore: number }) | undefined {
  if (!rollup) return undefined;
  const scored = rollup.capabilities.filter(
    (c): c is CapabilityRollup & { averageScore: number } =>
      c.averageScore !== null,
  );
  const named = scored.find(c => c.capability === rollup.weakestCapability);
  if (named) return named;
  let weakest: (typeof scored)[number] | undefined;
  for (const c of scored) {
    if (!weakest || c.averageScore < weakest.averageScore) weakest = c;
  }
  return weakest;
}

/** A score, or "Not scored" where no check applies (never 0). */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined
    ? NOT_SCORED
    : String(Math.round(score));
}
