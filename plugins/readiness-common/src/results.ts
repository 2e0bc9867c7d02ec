import { CapabilityId } from './capabilities';
import { AchievedLevel, LevelId } from './levels';

/** A check's outcome for one entity. Never silently skipped: every check yields one of these. */
export type CheckStatus =
  | 'pass'
  | 'warn'
  | 'fail'
  | 'not-applicable'
  | 'missing-data'
  | 'error';

export const CHECK_STATUSES: readonly CheckStatus[] = [
  'pass',
  'warn',
  'fail',
  'not-applicable',
  'missing-data',
  'error',
];

export type CheckResult = {
  entityRef: string;
  checkId: string;
  status: CheckStatus;
  /** Why: the facts read and what they were, the missing facts, or the error. */
  detail: string;
  /** Set when an active exemption covers the check; the status is then still the real one. */
  exemption?: { reason: string; expiresAt: string; createdBy: string };
};

export type CapabilityScore = {
  capability: CapabilityId;
  /**
   * 0-100, weighted over the applicable checks: pass (or exempted) counts fully, warn half,
   * fail, missing-data and error not at all. Null when no check applies.
   */
  score: number | null;
  level: AchievedLevel;
  /** The lowest level not yet reached, and the checks standing in its way. */
  next?: { level: LevelId; failingChecks: string[] };
};
