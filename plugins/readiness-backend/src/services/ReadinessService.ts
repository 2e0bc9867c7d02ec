import { NotFoundError, InputError } from '@backstage/errors';
import {
  CheckDefinition,
  DEFAULT_EXEMPTION_MAX_DAYS,
  FactDeclaration,
  factValueProblem,
  PushFactsRequest,
  ScorecardResponse,
  ScoreChange,
} from '@internal/plugin-readiness-common';
import { CheckProblem } from '../checks/loadChecks';
import { Exemption, ExemptionStore } from '../database/ExemptionStore';
import { FactStore } from '../database/FactStore';
import { ResultStore } from '../database/ResultStore';
import { ReadinessEvaluator } from './ReadinessEvaluator';
import { scorecardView } from './scorecardView';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Readiness operations, without authorization (see AuthorizedReadinessService). */
export class ReadinessService {
  private readonly pushedFacts: ReadonlyMap<string, FactDeclaration>;

  constructor(
    private readonly deps: {
      checks: readonly CheckDefinition[];
      checkProblems: readonly CheckProblem[];
      pushedFacts: readonly FactDeclaration[];
      facts: FactStore;
      results: ResultStore;
      exemptions: ExemptionStore;
      evaluator: ReadinessEvaluator;
      /** Longest an exemption may last; default DEFAULT_EXEMPTION_MAX_DAYS. */
      exemptionMaxDays?: number;
      now?: () => Date;
    },
  ) {
    this.pushedFacts = new Map(deps.pushedFacts.map(d => [d.name, d]));
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  listChecks() {
    return { checks: this.deps.checks, problems: this.deps.checkProblems };
  }

  /** The scorecard; an entity in the catalog that was never evaluated is evaluated now. */
  async getScorecard(entityRef: string): Promise<ScorecardResponse> {
    let stored = await this.deps.results.scorecard(entityRef);
    if (!stored) {
      await this.deps.evaluator.evaluateEntity(entityRef);
      stored = await this.deps.results.scorecard(entityRef);
    }
    if (!stored) throw new NotFoundError(`No scorecard for ${entityRef}`);
    const exemptions = await this.deps.exemptions.activeFor(
      [entityRef],
      this.now(),
    );
    return scorecardView(
      stored,
      this.deps.checks,
      exemptions.get(entityRef) ?? [],
    );
  }

  async getHistory(entityRef: string, since: Date): Promise<ScoreChange[]> {
    if (!(await this.deps.results.isEvaluated(entityRef))) {
      throw new NotFoundError(`No scorecard for ${entityRef}`);
    }
    return this.deps.results.scoreHistory(entityRef, since);
  }

  /**
   * Validates the whole batch first (nothing is stored when any fact is bad), records it, then
   * re-evaluates the entities it touched so their scorecards reflect it at once.
   */
  async pushFacts(request: PushFactsRequest) {
    this.validatePushedFacts(request);
    const refs = [...new Set(request.facts.map(f => f.entityRef))];
    const entities = await this.requireEntities(
      refs,
      request.facts.map(f => f.entityRef),
    );
    const { changed } = await this.recordPushed(request, 'ci');
    await this.deps.evaluator.evaluateEntities(entities);
    return { accepted: request.facts.length, changed, evaluated: refs };
  }

  /**
   * Records example facts (local use) as CI would push them, without requiring the entities to
   * be in the catalog yet: at start the catalog may still be loading.
   */
  async importExampleFacts(request: PushFactsRequest) {
    this.validatePushedFacts(request);
    // Stamped as observed now, so the example organisation never goes stale.
    return this.recordPushed(
      { facts: request.facts.map(({ observedAt: _, ...fact }) => fact) },
      'example',
    );
  }

  private recordPushed(request: PushFactsRequest, source: string) {
    const now = this.now().toISOString();
    return this.deps.facts.recordFacts(
      request.facts.map(f => ({
        entityRef: f.entityRef.toLocaleLowerCase(),
        name: f.name,
        value: f.value,
        source,
        observedAt: f.observedAt ?? now,
      })),
    );
  }

  private validatePushedFacts(request: PushFactsRequest) {
    const declared = this.pushedFacts;
    request.facts.forEach((fact, i) => {
      const declaration = declared.get(fact.name);
      if (!declaration) {
        throw new InputError(
          `facts[${i}].name "${fact.name}" is not a fact CI may push; known: ${[
            ...declared.keys(),
          ].join(', ')}`,
        );
      }
      const problem = factValueProblem(declaration, fact.value);
      if (problem) {
        throw new InputError(
          `facts[${i}].value for ${fact.name} ${problem}, got ${JSON.stringify(
            fact.value,
          )}`,
        );
      }
    });
  }

  evaluate(entityRef?: string) {
    return entityRef
      ? this.deps.evaluator.evaluateEntity(entityRef)
      : this.deps.evaluator.evaluateAll();
  }

  listExemptions(entityRef: string) {
    return this.deps.exemptions.listForEntity(entityRef);
  }

  async createExemption(input: {
    entityRef: string;
    checkId: string;
    reason: string;
    expiresAt: string;
    createdBy: string;
  }): Promise<Exemption> {
    if (!this.deps.checks.some(c => c.id === input.checkId)) {
      throw new NotFoundError(`No check ${input.checkId}`);
    }
    if (new Date(input.expiresAt) <= this.now()) {
      throw new InputError(
        `expiresAt ${input.expiresAt} must be in the future`,
      );
    }
    const maxDays = this.deps.exemptionMaxDays ?? DEFAULT_EXEMPTION_MAX_DAYS;
    if (
      new Date(input.expiresAt).getTime() >
      this.now().getTime() + maxDays * DAY_MS
    ) {
      throw new InputError(
        `expiresAt ${input.expiresAt} is more than ${maxDays} days away (readiness.exemptions.maxDays): an exemption is a deadline, renew it when it ends`,
      );
    }
    const entities = await this.requireEntities(
      [input.entityRef],
      [input.entityRef],
    );
    const exemption = await this.deps.exemptions.create(input, this.now());
    await this.deps.evaluator.evaluateEntities(entities);
    return exemption;
  }

  async revokeExemption(id: string, revokedBy: string) {
    const exemption = await this.deps.exemptions.revoke(
      id,
      revokedBy,
      this.now(),
    );
    if (!exemption) throw new NotFoundError(`No exemption ${id}`);
    await this.deps.evaluator.evaluateEntity(exemption.entityRef);
    return exemption;
  }

  getExemption(id: string) {
    return this.deps.exemptions.get(id);
  }

  /** A 404 naming the entity when the catalog does not have it. */
  async requireEntity(entityRef: string): Promise<void> {
    await this.requireEntities([entityRef], [entityRef]);
  }

  /** The entities, loaded once for the evaluation that follows; a missing one is a 404. */
  private async requireEntities(refs: string[], fieldOrder: string[]) {
    const { found, missing } = await this.deps.evaluator.findEntities(refs);
    if (missing.length > 0) {
      const index = fieldOrder.indexOf(missing[0]);
      const field =
        fieldOrder.length > 1 ? `facts[${index}].entityRef` : 'entityRef';
      throw new NotFoundError(`${field}: no catalog entity ${missing[0]}`);
    }
    return found;
  }
}
