import { RowVisibility } from '@internal/backend-common';
import {
  AchievedLevel,
  CapabilityId,
  OverviewRow,
  Rollup,
} from '@internal/plugin-readiness-common';

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
  /** The entities the caller may read (a conditional permission decision). */
  visibility?: RowVisibility;
};

export type OverviewSort = {
  /** `name`, `level` (overall), or a capability id to sort by its score. */
  by: 'name' | 'level' | CapabilityId;
  order: 'asc' | 'desc';
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
