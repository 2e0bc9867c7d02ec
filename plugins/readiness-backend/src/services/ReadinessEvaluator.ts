import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CheckDefinition,
  Fact,
  FactDeclaration,
  FactValue,
  factValueProblem,
} from '@internal/plugin-readiness-common';
import { FactProvider } from '@internal/plugin-readiness-node';
import { ExemptionStore } from '../database/ExemptionStore';
import { FactStore, ObservedValue } from '../database/FactStore';
import { EntityEvaluation, ResultStore } from '../database/ResultStore';
import { evaluateCheck } from '../evaluation/evaluateCheck';
import { ScorecardCalculator } from '../scoring/ScorecardCalculator';
import { Pipeline } from './Pipeline';
import { readAhead } from './readAhead';

/** The kinds that get a scorecard. */
export const EVALUATED_KINDS = ['Component', 'API', 'Resource', 'System'];
const BATCH = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type EvaluationSummary = {
  entities: number;
  factsChanged: number;
  resultChanges: number;
  scoreChanges: number;
  entityChanges: number;
  /** Entities the catalog no longer lists, forgotten after a full run. */
  removed: number;
};

/**
 * Runs the pipeline facts -> checks -> scores -> stored results for every evaluated entity
 * (scheduled, and when checks change) or for one (on demand).
 */
export class ReadinessEvaluator {
  private readonly calculator: ScorecardCalculator;
  private readonly declared: Map<string, ReadonlyMap<string, FactDeclaration>>;
  private readonly maxAgeDays: ReadonlyMap<string, number>;
  private fullRun?: Promise<EvaluationSummary>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      providers: readonly FactProvider[];
      /** Every declared fact (providers' and pushed), for how long each value counts. */
      declarations?: readonly FactDeclaration[];
      checks: readonly CheckDefinition[];
      facts: FactStore;
      results: ResultStore;
      exemptions: ExemptionStore;
      now?: () => Date;
    },
  ) {
    this.calculator = new ScorecardCalculator(deps.checks);
    this.maxAgeDays = new Map(
      (deps.declarations ?? []).flatMap(d =>
        d.maxAgeDays === undefined ? [] : [[d.name, d.maxAgeDays]],
      ),
    );
    this.declared = new Map(
      deps.providers.map(p => [
        p.id,
        new Map(p.declarations.map(d => [d.name, d])),
      ]),
    );
  }

  /**
   * Every evaluated entity of the catalog. A call while a full run is in progress (a second
   * request, the schedule) gets that run's summary instead of starting another.
   */
  evaluateAll(): Promise<EvaluationSummary> {
    this.fullRun ??= this.runAll().finally(() => {
      this.fullRun = undefined;
    });
    return this.fullRun;
  }

  private async runAll(): Promise<EvaluationSummary> {
    const started = this.now();
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const summary: EvaluationSummary = {
      entities: 0,
      factsChanged: 0,
      resultChanges: 0,
      scoreChanges: 0,
      entityChanges: 0,
      removed: 0,
    };
    const count = (s: EvaluationSummary) => {
      summary.entities += s.entities;
      summary.factsChanged += s.factsChanged;
      summary.resultChanges += s.resultChanges;
      summary.scoreChanges += s.scoreChanges;
      summary.entityChanges += s.entityChanges;
    };
    // Two batches in flight: while the database writes one, the next is read from the catalog
    // and evaluated (batches hold different entities). Reading waits while both are busy, so
    // memory holds at most three batches (two in flight, the next read ahead) however large the
    // catalog.
    const pipeline = new Pipeline(2);
    // A catalog page is a batch: each page costs the catalog a query of its own. The next page
    // is read while the pipeline is full, so a freed slot does not wait for the catalog.
    for await (const page of readAhead(
      this.deps.catalog.streamEntities(
        { filter: { kind: EVALUATED_KINDS }, pageSize: BATCH },
        { credentials },
      ),
    )) {
      // An empty catalog answers with one empty page.
      if (page.length > 0)
        await pipeline.add(this.evaluateEntities(page).then(count));
    }
    await pipeline.drain();
    summary.removed = await this.removeVanished(started);
    // The planner's statistics follow the rows the overview filters and sorts; a run that
    // changed none of them leaves them as they are.
    if (summary.entityChanges + summary.scoreChanges + summary.removed > 0) {
      await this.deps.results.refreshStatistics();
    }
    return summary;
  }

  /**
   * Forgets the entities the catalog no longer lists. A full run evaluates every one it lists,
   * so an entity last evaluated before the run began is one it did not list (renamed, deleted,
   * or no longer of an evaluated kind): its row, scores and results go, so the overview and team
   * rollups stop counting it, and so do the facts providers collected for it (they are
   * collected again should it come back). Facts CI pushed, exemptions and history stay.
   */
  private async removeVanished(started: Date) {
    const refs = await this.deps.results.evaluatedBefore(started);
    if (refs.length === 0) return 0;
    await this.deps.facts.removeSets(
      refs,
      this.deps.providers.map(p => p.id),
    );
    const removed = await this.deps.results.removeEntities(refs, started);
    this.deps.logger.info(
      `Readiness removed ${removed} entities the catalog no longer lists`,
    );
    return removed;
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  async evaluateEntity(entityRef: string): Promise<EvaluationSummary> {
    const { found, missing } = await this.findEntities([entityRef]);
    if (missing.length > 0) {
      throw new NotFoundError(`No evaluated catalog entity ${entityRef}`);
    }
    return this.evaluateEntities(found);
  }

  /** Evaluates entities the caller already loaded (see findEntities), as one batch. */
  async evaluateEntities(entities: Entity[]): Promise<EvaluationSummary> {
    return {
      entities: entities.length,
      ...(await this.evaluateBatch(entities)),
      removed: 0,
    };
  }

  /** Loads entities by ref in one request; refs that are absent or not scored are missing. */
  async findEntities(
    entityRefs: string[],
  ): Promise<{ found: Entity[]; missing: string[] }> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs },
      { credentials },
    );
    const found: Entity[] = [];
    const missing: string[] = [];
    items.forEach((entity, i) => {
      if (entity && EVALUATED_KINDS.includes(entity.kind)) found.push(entity);
      else missing.push(entityRefs[i]);
    });
    return { found, missing };
  }

  private async evaluateBatch(entities: Entity[]) {
    const now = this.now();
    const refs = entities.map(e => stringifyEntityRef(e));
    const [{ changed: factsChanged, facts }, exemptions] = await Promise.all([
      this.deps.facts.syncFacts(
        refs,
        this.deps.providers.map(p => p.id),
        await this.collectFacts(entities, now),
      ),
      this.deps.exemptions.activeFor(refs, now),
    ]);

    const evaluations: EntityEvaluation[] = entities.map((entity, i) => {
      const ref = refs[i];
      const spec = (entity.spec ?? {}) as Record<string, unknown>;
      const subject = {
        kind: entity.kind,
        type: optionalString(spec.type),
        lifecycle: optionalString(spec.lifecycle),
      };
      const exempted = new Set((exemptions.get(ref) ?? []).map(e => e.checkId));
      const { current, stale } = this.freshFacts(facts.get(ref), now);
      const results = this.deps.checks.map(check => ({
        checkId: check.id,
        ...evaluateCheck(check, subject, current, stale),
      }));
      const scored = new Map(
        results.map(r => [
          r.checkId,
          { status: r.status, exempted: exempted.has(r.checkId) },
        ]),
      );
      const scores = this.calculator.capabilityScores(scored);
      return {
        entity: {
          entityRef: ref,
          kind: entity.kind,
          type: subject.type,
          title: entity.metadata.title ?? entity.metadata.name,
          owner: relationTarget(entity, 'ownedBy'),
          system: relationTarget(entity, 'partOf'),
          lifecycle: subject.lifecycle,
        },
        results,
        scores,
        overallLevel: ScorecardCalculator.overallLevel(scores),
        scoredCapabilities: ScorecardCalculator.scoredCapabilities(scores),
        fixFirst: this.calculator.fixFirst(scores, scored),
      };
    });
    const saved = await this.deps.results.saveEvaluations(evaluations, now);
    return { factsChanged, ...saved };
  }

  /** Splits an entity's facts into those that still count and those too old to. */
  private freshFacts(
    observed: Map<string, ObservedValue> | undefined,
    now: Date,
  ) {
    const current = new Map<string, FactValue>();
    const stale = new Map<string, { observedAt: string; maxAgeDays: number }>();
    for (const [name, { value, observedAt }] of observed ?? []) {
      const maxAgeDays = this.maxAgeDays.get(name);
      const ageDays = (now.getTime() - Date.parse(observedAt)) / DAY_MS;
      if (maxAgeDays !== undefined && ageDays > maxAgeDays) {
        stale.set(name, { observedAt, maxAgeDays });
      } else {
        current.set(name, value);
      }
    }
    return { current, stale };
  }

  /** Collects every provider's facts, keeping only values that fit their declarations. */
  private async collectFacts(entities: Entity[], now: Date): Promise<Fact[]> {
    const facts: Fact[] = [];
    const observedAt = now.toISOString();
    for (const provider of this.deps.providers) {
      const declared = this.declared.get(provider.id)!;
      for (const fact of await provider.collect(entities)) {
        const declaration = declared.get(fact.name);
        const problem = declaration
          ? factValueProblem(declaration, fact.value)
          : 'is not declared by the provider';
        if (problem) {
          this.deps.logger.warn(
            `Fact provider ${provider.id} gave ${fact.entityRef} an invalid ${fact.name}: ${problem}`,
          );
          continue;
        }
        facts.push({ ...fact, source: provider.id, observedAt });
      }
    }
    return facts;
  }
}

function optionalString(value: unknown) {
  return typeof value === 'string' && value ? value : undefined;
}

function relationTarget(entity: Entity, type: string) {
  return entity.relations?.find(r => r.type === type)?.targetRef;
}
