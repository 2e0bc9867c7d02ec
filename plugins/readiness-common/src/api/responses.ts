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

/** GET /scorecards/:kind/:namespace/:name */
export type ScorecardResponse = {
  entityRef: string;
  title?: string;
  owner?: string;
  system?: string;
  overallLevel: AchievedLevel;
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
  /** The capability with the lowest average score: where to invest first. */
  weakestCapability?: CapabilityId;
};

/** GET /rollups */
export type RollupsResponse = { rollups: Rollup[] };
