import {
  AchievedLevel,
  CapabilityScore,
  CheckStatus,
  FixFirst,
  ScoreChange,
} from '@internal/plugin-readiness-common';

/** What the overview lists and filters an evaluated entity by. */
export type EvaluatedEntity = {
  entityRef: string;
  kind: string;
  type?: string;
  title?: string;
  owner?: string;
  system?: string;
  lifecycle?: string;
};

export type StoredResult = {
  checkId: string;
  status: CheckStatus;
  detail: string;
  changedAt: string;
};

/** One entity's evaluation, as the evaluator hands it to the store. */
export type EntityEvaluation = {
  entity: EvaluatedEntity;
  results: Array<{ checkId: string; status: CheckStatus; detail: string }>;
  scores: CapabilityScore[];
  overallLevel: AchievedLevel;
  scoredCapabilities: number;
  /** What blocks the next overall level; the overview keeps its first check and count. */
  fixFirst: FixFirst;
};

export type StoredScorecard = {
  entity: EvaluatedEntity & {
    overallLevel: AchievedLevel;
    evaluatedAt: string;
  };
  /** Scores are not stored here: the scorecard derives them from these results and the
   * exemptions active when it is read (readiness_scores serves the overview and history). */
  results: StoredResult[];
};

/**
 * Results and scores: the latest per entity, and history rows holding what a status or score
 * change replaced (an unchanged evaluation writes nothing but its time).
 */
export interface ResultStore {
  saveEvaluations(
    evaluations: EntityEvaluation[],
    at: Date,
  ): Promise<{
    resultChanges: number;
    scoreChanges: number;
    /** Entity rows added, or changed in what the overview filters by or shows of the entity
     *  (overall level, scored capabilities, fix first). */
    entityChanges: number;
  }>;
  scorecard(entityRef: string): Promise<StoredScorecard | undefined>;
  scoreHistory(entityRef: string, since: Date): Promise<ScoreChange[]>;
  isEvaluated(entityRef: string): Promise<boolean>;
  /** Refs of the entities last evaluated before the given time. */
  evaluatedBefore(at: Date): Promise<string[]>;
  /**
   * Removes the latest state (entity row, scores, results) of those of the entities still last
   * evaluated before the given time, and returns how many; history rows stay.
   */
  removeEntities(entityRefs: string[], evaluatedBefore: Date): Promise<number>;
  /** Brings the query planner's statistics up to date, after a run that may have changed many
   *  rows: without them SQLite walks a whole score index for an owner-filtered sort. */
  refreshStatistics(): Promise<void>;
}
