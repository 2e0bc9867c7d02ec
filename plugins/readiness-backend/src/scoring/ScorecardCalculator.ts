import {
  AchievedLevel,
  BlockingCheck,
  CAPABILITY_IDS,
  CapabilityId,
  CapabilityScore,
  CheckDefinition,
  CheckStatus,
  FixFirst,
  LEVEL_IDS,
  levelRank,
  nextLevel,
} from '@internal/plugin-readiness-common';

/** A check's result as scoring sees it. */
export type ScoredResult = { status: CheckStatus; exempted: boolean };

const CREDIT: Record<CheckStatus, number> = {
  pass: 1,
  warn: 0.5,
  fail: 0,
  'missing-data': 0,
  error: 0,
  'not-applicable': 0,
};

/** Turns check results into per-capability scores and levels, and an overall level. */
export class ScorecardCalculator {
  /** Each capability's checks, grouped once: scoring runs for every entity. */
  private readonly byCapability: ReadonlyMap<CapabilityId, CheckDefinition[]>;

  constructor(checks: readonly CheckDefinition[]) {
    this.byCapability = new Map(
      CAPABILITY_IDS.map(capability => [
        capability,
        checks.filter(c => c.capability === capability),
      ]),
    );
  }

  capabilityScores(
    results: ReadonlyMap<string, ScoredResult>,
  ): CapabilityScore[] {
    return CAPABILITY_IDS.map(capability =>
      this.capabilityScore(capability, results),
    );
  }

  capabilityScore(
    capability: CapabilityId,
    results: ReadonlyMap<string, ScoredResult>,
  ): CapabilityScore {
    let applicable = 0;
    let total = 0;
    let earned = 0;
    // The checks that keep the entity from a level: not passed and not exempted.
    const open: CheckDefinition[] = [];
    for (const check of this.byCapability.get(capability) ?? []) {
      const result = results.get(check.id);
      if (!result || result.status === 'not-applicable') continue;
      applicable += 1;
      total += check.weight;
      earned += check.weight * (result.exempted ? 1 : CREDIT[result.status]);
      if (!result.exempted && result.status !== 'pass') open.push(check);
    }
    if (applicable === 0) {
      return { capability, score: null, level: 'none' };
    }
    const score = Math.round((100 * earned) / total);

    // A level is reached when every applicable check of it and below passes or is exempted.
    let level: AchievedLevel = 'none';
    for (const candidate of LEVEL_IDS) {
      const blocking = open
        .filter(check => levelRank(check.level) <= levelRank(candidate))
        .map(check => check.id);
      if (blocking.length > 0) {
        return {
          capability,
          score,
          level,
          next: { level: candidate, failingChecks: blocking },
        };
      }
      level = candidate;
    }
    return { capability, score, level };
  }

  /**
   * What blocks the next overall level. The overall level is the lowest capability level, so
   * every capability below the next one holds it back with its open checks (applicable, not
   * passed, not exempted) of that level or below; capabilities at or above it hold nothing.
   */
  fixFirst(
    scores: readonly CapabilityScore[],
    results: ReadonlyMap<string, ScoredResult>,
  ): FixFirst {
    const level = nextLevel(ScorecardCalculator.overallLevel(scores));
    if (!level) return { checks: [] };
    const target = levelRank(level);
    const checks: BlockingCheck[] = [];
    for (const score of scores) {
      if (score.score === null || levelRank(score.level) >= target) continue;
      for (const check of this.byCapability.get(score.capability) ?? []) {
        const result = results.get(check.id);
        if (!result || result.status === 'not-applicable') continue;
        if (result.exempted || result.status === 'pass') continue;
        if (levelRank(check.level) > target) continue;
        checks.push({
          id: check.id,
          capability: check.capability,
          level: check.level,
          weight: check.weight,
          status: result.status,
          title: check.title,
          howToFix: check.howToFix,
        });
      }
    }
    checks.sort(
      (a, b) =>
        b.weight - a.weight ||
        levelRank(a.level) - levelRank(b.level) ||
        a.title.localeCompare(b.title) ||
        a.id.localeCompare(b.id),
    );
    return { level, checks };
  }

  /** How many capabilities have an applicable check. */
  static scoredCapabilities(scores: readonly CapabilityScore[]): number {
    return scores.filter(s => s.score !== null).length;
  }

  /** The overall level: the lowest level among capabilities where any check applies. */
  static overallLevel(scores: readonly CapabilityScore[]): AchievedLevel {
    const scored = scores.filter(s => s.score !== null);
    if (scored.length === 0) return 'none';
    return scored.reduce<AchievedLevel>(
      (lowest, s) =>
        levelRank(s.level) < levelRank(lowest) ? s.level : lowest,
      'gold',
    );
  }
}
