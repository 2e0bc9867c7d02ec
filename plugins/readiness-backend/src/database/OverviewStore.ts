import { AchievedLevel, CapabilityId } from '@internal/plugin-readiness-common';

export type OverviewFilter = {
  owner?: string[];
  system?: string[];
  kind?: string[];
  type?: string[];
  lifecycle?: string[];
  /** Overall level. */
  level?: AchievedLevel[];
  /** Free text over the entity ref and title. */
  search?: string;
};

export type OverviewSort = {
  /** `name`, `level` (overall), or a capability id to sort by its score. */
  by: 'name' | 'level' | CapabilityId;
  order: 'asc' | 'desc';
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

export type CapabilityRollup = {
  capability: CapabilityId;
  /** Mean score over entities where any check applies; null when none. */
  averageScore: number | null;
  levels: Record<AchievedLevel, number>;
};

export type Rollup = {
  /** The owner ref, or undefined for the whole organisation. */
  owner?: string;
  entities: number;
  capabilities: CapabilityRollup[];
  /** The capability with the lowest average score: where to invest first. */
  weakestCapability?: CapabilityId;
};

/** Read models over all evaluated entities: the overview table and rollups. */
export interface OverviewStore {
  list(
    filter: OverviewFilter,
    sort: OverviewSort,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; rows: OverviewRow[] }>;
  /** Per owner when `groupByOwner`, else one rollup for everything matching the filter. */
  rollups(filter: OverviewFilter, groupByOwner: boolean): Promise<Rollup[]>;
}
