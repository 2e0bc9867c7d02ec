import { CapabilityId } from '../capabilities';
import { AchievedLevel, LevelId } from '../levels';
import { CapabilityScore, CheckStatus } from '../results';

/** One check's result as a scorecard shows it: with its guidance. */
export type ScorecardCheck = {
  id: string;
  title: string;
  description: string;
  howToFix: { markdown: string; link?: string };
  level: LevelId;
  weight: number;
  status: CheckStatus;
  detail: string;
  changedAt: string;
  exemption?: {
    id: string;
    reason: string;
    expiresAt: string;
    createdBy: string;
  };
};

/** A check standing between an entity and its next overall level. */
export type BlockingCheck = {
  id: string;
  capability: CapabilityId;
  level: LevelId;
  weight: number;
  status: CheckStatus;
  title: string;
  howToFix: { markdown: string; link?: string };
};

/**
 * What to fix first: the next overall level, and in every capability below it the open checks
 * (applicable, not passed, not exempted) of that level or below, heaviest first (weight, then
 * lower level, then title). No level above gold; no checks when nothing is scored.
 */
export type FixFirst = {
  level?: LevelId;
  checks: BlockingCheck[];
};

/** GET /scorecards/:kind/:namespace/:name */
export type ScorecardResponse = {
  entityRef: string;
  title?: string;
  owner?: string;
  system?: string;
  overallLevel: AchievedLevel;
  /** How many of the six capabilities have an applicable check (see isNarrowLevel). */
  scoredCapabilities: number;
  fixFirst: FixFirst;
  evaluatedAt: string;
  capabilities: Array<
    CapabilityScore & { title: string; checks: ScorecardCheck[] }
  >;
};

export type ScoreChange = {
  capability: string;
  score: number | null;
  level: AchievedLevel;
  changedAt: string;
};

/** GET /scorecards/.../history */
export type ScoreHistoryResponse = {
  entityRef: string;
  changes: ScoreChange[];
};

export type OverviewRow = {
  entityRef: string;
  title?: string;
  kind: string;
  type?: string;
  owner?: string;
  system?: string;
  lifecycle?: string;
  overallLevel: AchievedLevel;
  scoredCapabilities: number;
  /** The first of the scorecard's fixFirst checks and how many there are, as evaluated. */
  fixFirst: {
    level?: LevelId;
    blockingChecks: number;
    first?: Pick<BlockingCheck, 'id' | 'capability' | 'level' | 'title'>;
  };
  evaluatedAt: string;
  scores: Partial<
    Record<CapabilityId, { score: number | null; level: AchievedLevel }>
  >;
};

/** GET /overview */
export type OverviewResponse = { total: number; rows: OverviewRow[] };

export type CapabilityRollup = {
  capability: CapabilityId;
  /** Mean score over entities where any check applies; null when none. */
  averageScore: number | null;
  levels: Record<AchievedLevel, number>;
};

export type Rollup = {
  /** The owner ref; absent for the whole organisation. */
  owner?: string;
  entities: number;
  capabilities: CapabilityRollup[];
  /** The capability with the lowest average score. */
  weakestCapability?: CapabilityId;
  /**
   * The check that comes first in fixFirst for the most of these entities (ties by title),
   * with how many it comes first for.
   */
  fixFirst?: Pick<BlockingCheck, 'id' | 'capability' | 'level' | 'title'> & {
    entities: number;
  };
};

/** GET /rollups */
export type RollupsResponse = { rollups: Rollup[] };
