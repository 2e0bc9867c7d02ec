import { useCallback, useMemo } from 'react';
import { useUrlParams } from '@internal/frontend-common';
import {
  CAPABILITY_IDS,
  LEVEL_IDS,
  OverviewQuery,
} from '@internal/plugin-readiness-common';

export const PAGE_SIZE = 25;

/** The page's state, all of it in the URL so a filtered view can be shared and linked to. */
export type OverviewFilters = {
  owner?: string;
  kind?: string;
  lifecycle?: string;
  level?: string;
  search?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  /** 1-based. */
  page: number;
};

export type FilterPatch = Partial<Omit<OverviewFilters, 'page'>> & {
  page?: number;
};

const TEXT_KEYS = ['owner', 'kind', 'lifecycle', 'level', 'search'] as const;

/** What the backend can sort by; anything else in the URL is ignored rather than sent. */
export const SORTABLE: readonly string[] = ['name', 'level', ...CAPABILITY_IDS];
const LEVELS: readonly string[] = ['none', ...LEVEL_IDS];

/** The scored kinds, spelt as the catalog (and so the backend's filter) spells them. */
export const SCORED_KINDS = ['Component', 'API', 'Resource', 'System'];

export function readFilters(params: URLSearchParams): OverviewFilters {
  const filters: OverviewFilters = { page: 1 };
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  if (filters.level && !LEVELS.includes(filters.level)) delete filters.level;
  // Owner refs are stored lower case, as the catalog's relations spell them.
  if (filters.owner) filters.owner = filters.owner.toLocaleLowerCase('en-US');
  // Links may spell a kind in lower case (`?kind=component`); the backend matches exactly.
  const kind = filters.kind?.toLocaleLowerCase('en-US');
  filters.kind =
    SCORED_KINDS.find(k => k.toLocaleLowerCase('en-US') === kind) ??
    filters.kind;
  const sort = params.get('sort');
  if (sort && SORTABLE.includes(sort)) filters.sort = sort;
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') filters.order = order;
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) filters.page = page;
  return filters;
}

/** Filters and sorting read from and written to the URL query. */
export function useOverviewFilters() {
  const { params, update: setParams } = useUrlParams();
  const filters = useMemo(() => readFilters(params), [params]);

  const update = useCallback(
    (patch: FilterPatch) =>
      setParams({
        ...patch,
        // A different filter or sort makes the old page number meaningless.
        page:
          patch.page !== undefined && patch.page > 1 ? patch.page : undefined,
      }),
    [setParams],
  );

  return { filters, update };
}

/** The filters without paging: what the CSV export uses. */
export function toFilterQuery(filters: OverviewFilters): OverviewQuery {
  return {
    owner: filters.owner ? [filters.owner] : undefined,
    kind: filters.kind ? [filters.kind] : undefined,
    lifecycle: filters.lifecycle ? [filters.lifecycle] : undefined,
    level: filters.level ? [filters.level] : undefined,
    search: filters.search,
    sort: filters.sort,
    order: filters.sort ? filters.order ?? 'asc' : undefined,
  };
}

export function toPageQuery(filters: OverviewFilters): OverviewQuery {
  return {
    ...toFilterQuery(filters),
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
}
