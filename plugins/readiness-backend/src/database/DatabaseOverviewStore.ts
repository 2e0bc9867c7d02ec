import {
  AchievedLevel,
  CAPABILITY_IDS,
  CapabilityId,
  LEVEL_IDS,
  LevelId,
  MIN_SCORED_CAPABILITIES,
  OverviewRow,
  Rollup,
} from '@internal/plugin-readiness-common';
import {
  containsPattern,
  LIKE_ESCAPED,
  whereVisible,
} from '@internal/backend-common';
import { Knex } from 'knex';
import { OverviewFilter, OverviewSort, OverviewStore } from './OverviewStore';

const LEVEL_RANK = `case overall_level when 'gold' then 3 when 'silver' then 2 when 'bronze' then 1 else 0 end`;
const NARROW = `case when scored_capabilities < ${MIN_SCORED_CAPABILITIES} then 4 else 0 end`;
/**
 * The level sort: by level, a level resting on too few scored capabilities after all others in
 * either direction (as no score sorts last in a capability sort). Written as the indexes'
 * expressions are (migration 20261204150000_fix_first), so they serve the sort.
 */
const LEVEL_ORDER = {
  asc: `${NARROW} + ${LEVEL_RANK}`,
  desc: `${LEVEL_RANK} - ${NARROW}`,
};
const ALL_LEVELS: AchievedLevel[] = ['none', ...LEVEL_IDS];
const FIRST_CHECK_COLUMNS = [
  'fix_first_check',
  'fix_first_capability',
  'fix_first_level',
  'fix_first_title',
];
const OVERVIEW_COLUMNS = [
  'entity_ref',
  'title',
  'kind',
  'type',
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
  'evaluated_at',
].map(c => `e.${c}`);

export class DatabaseOverviewStore implements OverviewStore {
  constructor(private readonly db: Knex) {}

  private filtered(filter: OverviewFilter) {
    const q = this.db('readiness_entities as e');
    const columns: Array<[keyof OverviewFilter, string]> = [
      ['owner', 'e.owner'],
      ['system', 'e.system'],
      ['kind', 'e.kind'],
      ['type', 'e.type'],
      ['lifecycle', 'e.lifecycle'],
      ['level', 'e.overall_level'],
    ];
    for (const [key, column] of columns) {
      const values = filter[key] as string[] | undefined;
      if (values?.length) q.whereIn(column, values);
    }
    if (filter.search) {
      const like = containsPattern(filter.search);
      q.where(inner =>
        inner
          .whereRaw(`lower(e.entity_ref) ${LIKE_ESCAPED}`, [like])
          .orWhereRaw(`lower(coalesce(e.title, '')) ${LIKE_ESCAPED}`, [like]),
      );
    }
    return whereVisible(q, filter.visibility);
  }

  async list(
    filter: OverviewFilter,
    sort: OverviewSort,
    page: { limit: number; offset: number },
  ) {
    const [{ total }] = await this.filtered(filter).count({ total: '*' });
    // Only the columns the overview shows.
    const q = this.filtered(filter).select(OVERVIEW_COLUMNS);
    // Each direction reads an index in its order (migrations 20261126090000_overview_sort_indexes
    // and 20261204150000_fix_first).
    if (sort.by === 'name') {
      q.orderBy('e.entity_ref', sort.order);
    } else if (sort.by === 'level') {
      q.orderByRaw(`${LEVEL_ORDER[sort.order]} ${sort.order}`).orderBy(
        'e.entity_ref',
        sort.order,
      );
    } else {
      // Every evaluated entity has a score row per capability (null where no check applies),
      // so the page can be read in the order of the score index. No score sorts last either way.
      const missing = sort.order === 'asc' ? 1000 : -1;
      q.join('readiness_scores as s', join =>
        join
          .on('s.entity_ref', 'e.entity_ref')
          .andOn('s.capability', this.db.raw('?', [sort.by])),
      )
        .orderByRaw(`coalesce(s.score, ${missing}) ${sort.order}`)
        .orderBy('s.entity_ref', sort.order);
    }
    const entities = await q.limit(page.limit).offset(page.offset);
    const byRef = await this.scoresOf(entities.map(e => e.entity_ref));
    const rows: OverviewRow[] = entities.map(e => ({
      entityRef: e.entity_ref,
      title: e.title ?? undefined,
      kind: e.kind,
      type: e.type ?? undefined,
      owner: e.owner ?? undefined,
      system: e.system ?? undefined,
      lifecycle: e.lifecycle ?? undefined,
      overallLevel: e.overall_level,
      scoredCapabilities: Number(e.scored_capabilities),
      fixFirst: {
        ...(e.next_level && { level: e.next_level as LevelId }),
        blockingChecks: Number(e.blocking_checks),
        ...(e.fix_first_check && {
          first: {
            id: e.fix_first_check,
            capability: e.fix_first_capability,
            level: e.fix_first_level,
            title: e.fix_first_title,
          },
        }),
      },
      evaluatedAt: new Date(e.evaluated_at).toISOString(),
      scores: byRef.get(e.entity_ref) ?? {},
    }));
    return { total: Number(total), rows };
  }

  /**
   * Each entity's scores as one row: { [capability]: [score, level] } aggregated by the database,
   * so a page of 50 reads 50 rows, not 300 (parsing rows was the overview's largest cost).
   */
  private async scoresOf(refs: string[]) {
    const byRef = new Map<string, OverviewRow['scores']>();
    if (refs.length === 0) return byRef;
    const aggregate =
      this.db.client.dialect === 'postgresql'
        ? 'json_object_agg(capability, json_build_array(score, level))'
        : 'json_group_object(capability, json_array(score, level))';
    const rows: Array<{ entity_ref: string; scores: string | object }> =
      await this.db('readiness_scores')
        .whereIn('entity_ref', refs)
        .groupBy('entity_ref')
        .select('entity_ref', this.db.raw(`${aggregate} as scores`));
    for (const { entity_ref: ref, scores } of rows) {
      // PostgreSQL's driver parses json; SQLite answers text.
      const parsed: Record<string, [number | null, AchievedLevel]> =
        typeof scores === 'string' ? JSON.parse(scores) : scores;
      const row: OverviewRow['scores'] = {};
      for (const [capability, [score, level]] of Object.entries(parsed)) {
        row[capability as CapabilityId] = { score, level };
      }
      byRef.set(ref, row);
    }
    return byRef;
  }

  async rollups(
    filter: OverviewFilter,
    groupByOwner: boolean,
  ): Promise<Rollup[]> {
    const matching = this.filtered(filter).select(
      'e.entity_ref',
      'e.owner',
      ...FIRST_CHECK_COLUMNS.map(c => `e.${c}`),
    );
    const groupColumns = groupByOwner
      ? ['m.owner', 's.capability', 's.level']
      : ['s.capability', 's.level'];
    const rows = await this.db
      .with('m', matching)
      .from('m')
      .join('readiness_scores as s', 's.entity_ref', 'm.entity_ref')
      // Capabilities where no check applies to an entity are not counted for it.
      .whereNotNull('s.score')
      .select(groupColumns)
      .count({ n: '*' })
      .sum({ total: 's.score' })
      .count({ scored: 's.score' })
      .groupBy(groupColumns);
    const counts = await this.db
      .with('m', matching)
      .from('m')
      .select(groupByOwner ? ['m.owner'] : [])
      .count({ n: '*' })
      .modify(q => {
        if (groupByOwner) q.groupBy('m.owner');
      });
    const firstChecksColumns = [
      ...(groupByOwner ? ['m.owner'] : []),
      ...FIRST_CHECK_COLUMNS.map(c => `m.${c}`),
    ];
    const firstChecks = await this.db
      .with('m', matching)
      .from('m')
      .whereNotNull('m.fix_first_check')
      .select(firstChecksColumns)
      .count({ n: '*' })
      .groupBy(firstChecksColumns);

    const rollups = new Map<
      string,
      Rollup & { sums: Map<CapabilityId, [number, number]> }
    >();
    const rollupOf = (owner: string | undefined) => {
      const key = owner ?? '';
      let r = rollups.get(key);
      if (!r) {
        r = {
          ...(groupByOwner && { owner }),
          entities: 0,
          capabilities: CAPABILITY_IDS.map(capability => ({
            capability,
            averageScore: null,
            levels: Object.fromEntries(ALL_LEVELS.map(l => [l, 0])) as Record<
              AchievedLevel,
              number
            >,
          })),
          sums: new Map(),
        };
        rollups.set(key, r);
      }
      return r;
    };
    for (const c of counts)
      rollupOf(c.owner ?? undefined).entities = Number(c.n);
    for (const row of rows) {
      const r = rollupOf(row.owner ?? undefined);
      const capability = r.capabilities.find(
        c => c.capability === row.capability,
      );
      if (!capability) continue;
      capability.levels[row.level as AchievedLevel] += Number(row.n);
      const [sum, n] = r.sums.get(capability.capability) ?? [0, 0];
      r.sums.set(capability.capability, [
        sum + Number(row.total ?? 0),
        n + Number(row.scored),
      ]);
    }
    // The check first in the most entities' fix-first lists (ties by title).
    for (const row of firstChecks) {
      const r = rollupOf(row.owner ?? undefined);
      const n = Number(row.n);
      const held = r.fixFirst;
      if (
        held &&
        (held.entities > n ||
          (held.entities === n &&
            held.title.localeCompare(row.fix_first_title) <= 0))
      )
        continue;
      r.fixFirst = {
        id: row.fix_first_check,
        capability: row.fix_first_capability,
        level: row.fix_first_level,
        title: row.fix_first_title,
        entities: n,
      };
    }
    return [...rollups.values()].map(({ sums, ...r }) => {
      for (const c of r.capabilities) {
        const [sum, n] = sums.get(c.capability) ?? [0, 0];
        c.averageScore = n > 0 ? Math.round(sum / n) : null;
      }
      const scored = r.capabilities.filter(c => c.averageScore !== null);
      const weakest = scored.sort(
        (a, b) => a.averageScore! - b.averageScore!,
      )[0];
      return {
        ...r,
        ...(weakest && { weakestCapability: weakest.capability }),
      };
    });
  }
}
