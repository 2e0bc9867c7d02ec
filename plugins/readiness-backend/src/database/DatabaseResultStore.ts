import {
  AchievedLevel,
  CheckStatus,
  ScoreChange,
} from '@internal/plugin-readiness-common';
import { Knex } from 'knex';
import { chunks } from './chunks';
import { EntityEvaluation, ResultStore, StoredScorecard } from './ResultStore';

const key = (a: string, b: string) => `${a}\u0000${b}`;
const iso = (value: Date | string) => new Date(value).toISOString();

export class DatabaseResultStore implements ResultStore {
  constructor(private readonly db: Knex) {}

  async saveEvaluations(evaluations: EntityEvaluation[], at: Date) {
    let resultChanges = 0;
    let scoreChanges = 0;
    // Small batches keep each transaction short, so a large run never blocks readers long.
    for (const batch of chunks(evaluations, 200)) {
      const refs = batch.map(e => e.entity.entityRef);
      const counts = await this.db.transaction(tx =>
        this.saveBatch(tx, batch, refs, at),
      );
      resultChanges += counts.resultChanges;
      scoreChanges += counts.scoreChanges;
    }
    return { resultChanges, scoreChanges };
  }

  private async saveBatch(
    tx: Knex.Transaction,
    batch: EntityEvaluation[],
    refs: string[],
    at: Date,
  ) {
    await tx('readiness_entities')
      .insert(
        batch.map(({ entity, overallLevel }) => ({
          entity_ref: entity.entityRef,
          kind: entity.kind,
          type: entity.type ?? null,
          title: entity.title ?? null,
          owner: entity.owner ?? null,
          system: entity.system ?? null,
          lifecycle: entity.lifecycle ?? null,
          overall_level: overallLevel,
          evaluated_at: at,
        })),
      )
      .onConflict('entity_ref')
      .merge();

    const oldResults = new Map<string, { status: string; detail: string }>();
    for (const row of await tx('readiness_results')
      .select('entity_ref', 'check_id', 'status', 'detail')
      .whereIn('entity_ref', refs)) {
      oldResults.set(key(row.entity_ref, row.check_id), row);
    }
    const resultRows = batch.flatMap(({ entity, results }) =>
      results.map(r => ({
        entity_ref: entity.entityRef,
        check_id: r.checkId,
        status: r.status,
        detail: r.detail,
        changed_at: at,
      })),
    );
    const statusChanged = resultRows.filter(
      r => oldResults.get(key(r.entity_ref, r.check_id))?.status !== r.status,
    );
    // A new detail with the same status (e.g. another measured value) updates the row
    // without a history entry; its changed_at keeps marking the last status change.
    const detailOnly = resultRows.filter(r => {
      const old = oldResults.get(key(r.entity_ref, r.check_id));
      return old && old.status === r.status && old.detail !== r.detail;
    });
    for (const rows of chunks(statusChanged)) {
      await tx('readiness_results')
        .insert(rows)
        .onConflict(['entity_ref', 'check_id'])
        .merge(['status', 'detail', 'changed_at']);
      await tx('readiness_result_history').insert(rows);
    }
    for (const row of detailOnly) {
      await tx('readiness_results')
        .where({ entity_ref: row.entity_ref, check_id: row.check_id })
        .update({ detail: row.detail });
    }
    // Checks that no longer exist leave no stale result behind.
    const current = new Set(resultRows.map(r => key(r.entity_ref, r.check_id)));
    const gone = [...oldResults.keys()].filter(k => !current.has(k));
    for (const stale of chunks(gone.map(k => k.split('\u0000')))) {
      await tx('readiness_results')
        .whereIn(['entity_ref', 'check_id'], stale)
        .delete();
    }

    const oldScores = new Map<
      string,
      { score: number | null; level: string }
    >();
    for (const row of await tx('readiness_scores')
      .select('entity_ref', 'capability', 'score', 'level')
      .whereIn('entity_ref', refs)) {
      oldScores.set(key(row.entity_ref, row.capability), row);
    }
    const scoreRows = batch
      .flatMap(({ entity, scores }) =>
        scores.map(s => ({
          entity_ref: entity.entityRef,
          capability: s.capability,
          score: s.score,
          level: s.level,
          changed_at: at,
        })),
      )
      .filter(r => {
        const old = oldScores.get(key(r.entity_ref, r.capability));
        return !old || old.score !== r.score || old.level !== r.level;
      });
    for (const rows of chunks(scoreRows)) {
      await tx('readiness_scores')
        .insert(rows)
        .onConflict(['entity_ref', 'capability'])
        .merge(['score', 'level', 'changed_at']);
      await tx('readiness_score_history').insert(rows);
    }
    return {
      resultChanges: statusChanged.length,
      scoreChanges: scoreRows.length,
    };
  }

  async scorecard(entityRef: string): Promise<StoredScorecard | undefined> {
    const entity = await this.db('readiness_entities')
      .where({ entity_ref: entityRef })
      .first();
    if (!entity) return undefined;
    const results = await this.db('readiness_results')
      .where({ entity_ref: entityRef })
      .orderBy('check_id');
    return {
      entity: {
        entityRef,
        kind: entity.kind,
        type: entity.type ?? undefined,
        title: entity.title ?? undefined,
        owner: entity.owner ?? undefined,
        system: entity.system ?? undefined,
        lifecycle: entity.lifecycle ?? undefined,
        overallLevel: entity.overall_level,
        evaluatedAt: iso(entity.evaluated_at),
      },
      results: results.map(r => ({
        checkId: r.check_id,
        status: r.status as CheckStatus,
        detail: r.detail,
        changedAt: iso(r.changed_at),
      })),
    };
  }

  async isEvaluated(entityRef: string): Promise<boolean> {
    const row = await this.db('readiness_entities')
      .select('entity_ref')
      .where({ entity_ref: entityRef })
      .first();
    return row !== undefined;
  }

  async scoreHistory(entityRef: string, since: Date): Promise<ScoreChange[]> {
    const rows = await this.db('readiness_score_history')
      .where({ entity_ref: entityRef })
      .andWhere('changed_at', '>=', since)
      .orderBy([{ column: 'changed_at' }, { column: 'id' }]);
    return rows.map(r => ({
      capability: r.capability,
      score: r.score === null ? null : Number(r.score),
      level: r.level as AchievedLevel,
      changedAt: iso(r.changed_at),
    }));
  }
}
