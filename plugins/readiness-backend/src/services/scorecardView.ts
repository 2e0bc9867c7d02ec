import {
  CAPABILITIES,
  CheckDefinition,
  ScorecardResponse,
} from '@internal/plugin-readiness-common';
import { Exemption } from '../database/ExemptionStore';
import { StoredScorecard } from '../database/ResultStore';
import { ScorecardCalculator } from '../scoring/ScorecardCalculator';

/** Joins stored results with the check definitions and exemptions, per capability. */
export function scorecardView(
  stored: StoredScorecard,
  checks: readonly CheckDefinition[],
  exemptions: readonly Exemption[],
): ScorecardResponse {
  const results = new Map(stored.results.map(r => [r.checkId, r]));
  const exemptionOf = new Map(exemptions.map(e => [e.checkId, e]));
  // Levels' "next" and fixFirst are recomputed from the stored results, so they always match them.
  const calculator = new ScorecardCalculator(checks);
  const scored = new Map(
    stored.results.map(r => [
      r.checkId,
      { status: r.status, exempted: exemptionOf.has(r.checkId) },
    ]),
  );
  const scores = calculator.capabilityScores(scored);
  return {
    entityRef: stored.entity.entityRef,
    title: stored.entity.title,
    owner: stored.entity.owner,
    system: stored.entity.system,
    overallLevel: stored.entity.overallLevel,
    scoredCapabilities: ScorecardCalculator.scoredCapabilities(scores),
    // The same computation the evaluator stores for the overview, over the same results.
    fixFirst: calculator.fixFirst(scores, scored),
    evaluatedAt: stored.entity.evaluatedAt,
    capabilities: CAPABILITIES.map(capability => ({
      ...scores.find(s => s.capability === capability.id)!,
      title: capability.title,
      checks: checks
        .filter(c => c.capability === capability.id && results.has(c.id))
        .map(check => {
          const result = results.get(check.id)!;
          const exemption = exemptionOf.get(check.id);
          return {
            id: check.id,
            title: check.title,
            description: check.description,
            howToFix: check.howToFix,
            level: check.level,
            weight: check.weight,
            status: result.status,
            detail: result.detail,
            changedAt: result.changedAt,
            ...(exemption && {
              exemption: {
                id: exemption.id,
                reason: exemption.reason,
                expiresAt: exemption.expiresAt,
                createdBy: exemption.createdBy,
              },
            }),
          };
        }),
    })),
  };
}
