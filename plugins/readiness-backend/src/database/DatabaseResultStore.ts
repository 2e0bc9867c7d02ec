import {
  AchievedLevel,
  CapabilityId,
  CheckStatus,
  ScoreChange,
} from '@internal/plugin-readiness-common';
import { Knex } from 'knex';
import { createHash } from 'node:crypto';
import { chunks } from './chunks';
import { EntityEvaluation, ResultStore, StoredScorecard } from './ResultStore';

const key = (a: string, b: string) => `${a}\u0000${b}`;
const iso = (value: Date | string) => new Date(value).toISOString();

export class DatabaseResultStore implements ResultStore {
  constructor(private readonly db: Knex) {}

  async saveEvaluations(evaluations: EntityEvaluation[], at: Date) {
    const total = { resultChanges: 0, scoreChanges: 0, entityChanges: 0 };
    // Batches keep each transaction short, so a large run never blocks readers long.
    for (const batch of chunks(evaluations, 500)) {
      const counts = await this.db.transaction(tx =>
        this.saveBatch(tx, batch, at),
      );
      total.resultChanges += counts.resultChanges;
      total.scoreChanges += counts.scoreChanges;
      total.entityChanges += counts.entityChanges;
    }
    return total;
  }

  private async saveBatch(
    tx: Knex.Transaction,
    batch: EntityEvaluation[],
    at: Date,
  ) {
    const refs = batch.map(e => e.entity.entityRef);
    // Each stored entity row with its results' fingerprint, in one read. Only entities whose
    // results differ from the stored ones (by fingerprint) are compared check by check; that
    // needs their stored results.
    const old = new Map<string, EntityRow>();
    const storedFingerprints = new Map<string, string | null>();
    for (const row of await tx('readiness_entities as e')
      .leftJoin('readiness_entity_results as r', 'r.entity_ref', 'e.entity_ref')
      .whereIn('e.entity_ref', refs)
      .select('e.*', 'r.entity_ref as results_ref', 'r.fingerprint')) {
      const { results_ref: resultsRef, fingerprint, ...entity } = row;
      old.set(entity.entity_ref, entity);
      if (resultsRef) storedFingerprints.set(resultsRef, fingerprint);
    }
    const differing = batch
      .map(evaluation => ({
        ...evaluation,
        fingerprint: resultsFingerprint(evaluation.results),
      }))
      .filter(
        e => storedFingerprints.get(e.entity.entityRef) !== e.fingerprint,
      );
    const oldResults = new Map<string, string>();
    const stored = differing
      .map(e => e.entity.entityRef)
      .filter(ref => storedFingerprints.has(ref));
    if (stored.length > 0) {
      for (const row of await tx<ResultsRow>('readiness_entity_results')
        .whereIn('entity_ref', stored)
        .select('entity_ref', 'results')) {
        oldResults.set(row.entity_ref, row.results);
      }
    }
    let resultChanges = 0;
    const changedAt = at.toISOString();
    const entityRows: EntityRow[] = [];
    const unchanged: string[] = [];
    const resultRows: ResultsRow[] = [];
    const resultHistory: object[] = [];
    for (const evaluation of batch) {
      const before = old.get(evaluation.entity.entityRef);
      const row = entityRow(evaluation, at);
      if (before && sameEntityRow(before, row)) unchanged.push(row.entity_ref);
      else entityRows.push(row);
    }
    for (const { entity, results, fingerprint } of differing) {
      const previousJson = oldResults.get(entity.entityRef);
      const previous: ResultSet = JSON.parse(previousJson ?? '{}');
      const current: ResultSet = {};
      for (const r of results) {
        const prev = previous[r.checkId];
        if (prev?.status === r.status) {
          // A new detail with the same status (another measured value) is no status change.
          current[r.checkId] = { ...prev, detail: r.detail };
          continue;
        }
        resultChanges += 1;
        current[r.checkId] = { status: r.status, detail: r.detail, changedAt };
        if (prev)
          resultHistory.push({
            entity_ref: entity.entityRef,
            check_id: r.checkId,
            status: prev.status,
            detail: prev.detail,
            changed_at: new Date(prev.changedAt),
          });
      }
      resultRows.push({
        entity_ref: entity.entityRef,
        results: JSON.stringify(current),
        fingerprint,
      });
    }
    for (const rows of chunks(entityRows)) {
      await tx('readiness_entities')
        .insert(rows)
        .onConflict('entity_ref')
        .merge();
    }
    for (const rows of chunks(resultRows)) {
      await tx('readiness_entity_results')
        .insert(rows)
        .onConflict('entity_ref')
        .merge();
    }
    for (const rows of chunks(unchanged)) {
      await tx('readiness_entities')
        .whereIn('entity_ref', rows)
        .update({ evaluated_at: at });
    }
    for (const rows of chunks(resultHistory)) {
      await tx('readiness_result_history').insert(rows);
    }
    const scoreChanges = await this.saveScores(tx, batch, refs, at);
    return { resultChanges, scoreChanges, entityChanges: entityRows.length };
  }

  private async saveScores(
    tx: Knex.Transaction,
    batch: EntityEvaluation[],
    refs: string[],
    at: Date,
  ) {
    const oldScores = new Map<string, ScoreRow>();
    for (const row of await tx<ScoreRow>('readiness_scores').whereIn(
      'entity_ref',
      refs,
    )) {
      oldScores.set(key(row.entity_ref, row.capability), row);
    }
    const changed: ScoreRow[] = [];
    const replaced: ScoreRow[] = [];
    for (const { entity, scores } of batch) {
      for (const s of scores) {
        const old = oldScores.get(key(entity.entityRef, s.capability));
        if (old && old.score === s.score && old.level === s.level) continue;
        if (old) replaced.push(old);
        changed.push({
          entity_ref: entity.entityRef,
          capability: s.capability,
          score: s.score,
          level: s.level,
          changed_at: at,
        });
      }
    }
    for (const rows of chunks(changed)) {
      await tx('readiness_scores')
        .insert(rows)
        .onConflict(['entity_ref', 'capability'])
        .merge(['score', 'level', 'changed_at']);
    }
    for (const rows of chunks(replaced)) {
      await tx('readiness_score_history').insert(rows);
    }
    return changed.length;
  }

  async scorecard(entityRef: string): Promise<StoredScorecard | undefined> {
    const entity = await this.db<EntityRow & Pick<ResultsRow, 'results'>>(
      'readiness_entities as e',
    )
      .leftJoin('readiness_entity_results as r', 'r.entity_ref', 'e.entity_ref')
      .where('e.entity_ref', entityRef)
      .select('e.*', 'r.results')
      .first();
    if (!entity) return undefined;
    const results: ResultSet = JSON.parse(entity.results ?? '{}');
    return {
      entity: {
        entityRef,
        kind: entity.kind,
        type: entity.type ?? undefined,
        title: entity.title ?? undefined,
        owner: entity.owner ?? undefined,
        system: entity.system ?? undefined,
        lifecycle: entity.lifecycle ?? undefined,
        overallLevel: entity.overall_level as AchievedLevel,
        evaluatedAt: iso(entity.evaluated_at),
      },
      results: Object.entries(results)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([checkId, r]) => ({ checkId, ...r })),
    };
  }

  async isEvaluated(entityRef: string): Promise<boolean> {
    const row = await this.db('readiness_entities')
      .select('entity_ref')
      .where({ entity_ref: entityRef })
      .first();
    return row !== undefined;
  }

  async evaluatedBefore(at: Date): Promise<string[]> {
    const rows = await this.db<EntityRow>('readiness_entities')
      .where('evaluated_at', '<', at)
      .select('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  async removeEntities(entityRefs: string[], evaluatedBefore: Date) {
    let removed = 0;
    for (const batch of chunks(entityRefs)) {
      removed += await this.db.transaction(async tx => {
        // Only those still not evaluated since: one evaluated meanwhile stays whole. SQLite has
        // one writer at a time already; Postgres needs the rows locked.
        const query = tx<EntityRow>('readiness_entities')
          .whereIn('entity_ref', batch)
          .andWhere('evaluated_at', '<', evaluatedBefore)
          .select('entity_ref');
        if (tx.client.dialect === 'postgresql') query.forUpdate();
        const refs = (await query).map(r => r.entity_ref);
        if (refs.length === 0) return 0;
        for (const table of [
          'readiness_scores',
          'readiness_entity_results',
          'readiness_entities',
        ]) {
          await tx(table).whereIn('entity_ref', refs).delete();
        }
        return refs.length;
      });
    }
    return removed;
  }

  async refreshStatistics() {
    // The tables the overview filters and sorts; about 35 ms for 10,000 entities on SQLite.
    if (this.db.client.dialect === 'postgresql') {
      await this.db.raw('analyze readiness_entities, readiness_scores');
    } else {
      await this.db.raw('analyze readiness_entities');
      await this.db.raw('analyze readiness_scores');
    }
  }

  async scoreHistory(entityRef: string, since: Date): Promise<ScoreChange[]> {
    // History holds the replaced scores; the latest ones complete the timeline.
    const [replaced, latest] = await Promise.all(
      ['readiness_score_history', 'readiness_scores'].map(table =>
        this.db<ScoreRow>(table)
          .where({ entity_ref: entityRef })
          .andWhere('changed_at', '>=', since),
      ),
    );
    return [...replaced, ...latest]
      .map(r => ({
        capability: r.capability as CapabilityId,
        score: r.score === null ? null : Number(r.score),
        level: r.level as AchievedLevel,
        changedAt: iso(r.changed_at),
      }))
      .sort((a, b) => a.changedAt.localeCompare(b.changedAt));
  }
}

type ResultSet = Record<
  string,
  { status: CheckStatus; detail: string; changedAt: string }
>;

type EntityRow = {
  entity_ref: string;
  kind: string;
  type: string | null;
  title: string | null;
  owner: string | null;
  system: string | null;
  lifecycle: string | null;
  overall_level: string;
  scored_capabilities: number;
  next_level: string | null;
  blocking_checks: number;
  fix_first_check: string | null;
  fix_first_capability: string | null;
  fix_first_level: string | null;
  fix_first_title: string | null;
  evaluated_at: Date | string;
};

/** The latest check results of an entity, kept apart from readiness_entities so the overview's
 *  scans and sorts of that table read small rows. */
type ResultsRow = {
  entity_ref: string;
  results: string;
  fingerprint: string | null;
};

/** Identifies an entity's results (check, status, detail; not since when) in a short string. */
function resultsFingerprint(results: EntityEvaluation['results']) {
  let text = '';
  for (const r of results) text += `${r.checkId}\0${r.status}\0${r.detail}\n`;
  return createHash('sha256').update(text).digest('base64');
}

type ScoreRow = {
  entity_ref: string;
  capability: string;
  score: number | null;
  level: string;
  changed_at: Date | string;
};

function entityRow(
  { entity, overallLevel, scoredCapabilities, fixFirst }: EntityEvaluation,
  at: Date,
): EntityRow {
  const first = fixFirst.checks[0];
  return {
    entity_ref: entity.entityRef,
    kind: entity.kind,
    type: entity.type ?? null,
    title: entity.title ?? null,
    owner: entity.owner ?? null,
    system: entity.system ?? null,
    lifecycle: entity.lifecycle ?? null,
    overall_level: overallLevel,
    scored_capabilities: scoredCapabilities,
    next_level: fixFirst.level ?? null,
    blocking_checks: fixFirst.checks.length,
    fix_first_check: first?.id ?? null,
    fix_first_capability: first?.capability ?? null,
    fix_first_level: first?.level ?? null,
    fix_first_title: first?.title ?? null,
    evaluated_at: at,
  };
}

const COMPARED: Array<keyof EntityRow> = [
  'kind',
  'type',
  'title',
  'owner',
  'system',
  'lifecycle',
  'overall_level',
  'scored_capabilities',
  'next_level',
  'blocking_checks',
  'fix_first_check',
  'fix_first_capability',
  'fix_first_level',
  'fix_first_title',
];

function sameEntityRow(a: EntityRow, b: EntityRow) {
  return COMPARED.every(column => (a[column] ?? null) === (b[column] ?? null));
}
