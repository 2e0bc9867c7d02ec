import { useCallback, useMemo } from 'react';
import { useUrlParams } from '@internal/frontend-common';
import {
  ENVIRONMENT_STATUSES,
  EnvironmentStatus,
  ListEnvironmentsQuery,
} from '@internal/plugin-environments-common';
import { CURRENT_STATUSES } from '../shared/presentation';

export const PAGE_SIZE = 25;

export type Scope = 'mine' | 'team' | 'all';
/** `current`: everything not over (the default); `all`: including torn down and rejected. */
export type StatusFilter = 'current' | 'all' | EnvironmentStatus;

/** The list's state, all of it in the URL so a filtered view can be shared. */
export type ListFilters = {
  scope: Scope;
  status: StatusFilter;
  className?: string;
  owner?: string;
  offset: number;
};

export type ListFilterPatch = Partial<ListFilters>;

const SCOPES: readonly string[] = ['mine', 'team', 'all'];
const STATUS_FILTERS: readonly string[] = [
  'current',
  'all',
  ...ENVIRONMENT_STATUSES,
];

export function readFilters(params: URLSearchParams): ListFilters {
  const scope = params.get('scope') ?? '';
  const status = params.get('status') ?? '';
  const offset = Number(params.get('offset'));
  return {
    scope: SCOPES.includes(scope) ? (scope as Scope) : 'mine',
    status: STATUS_FILTERS.includes(status)
      ? (status as StatusFilter)
      : 'current',
    className: params.get('class')?.trim() || undefined,
    owner: params.get('owner')?.trim().toLocaleLowerCase('en-US') || undefined,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

const PARAM: Record<keyof ListFilters, string> = {
  scope: 'scope',
  status: 'status',
  className: 'class',
  owner: 'owner',
  offset: 'offset',
};

export function useListFilters() {
  const { params, update: setParams } = useUrlParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const update = useCallback(
    (patch: ListFilterPatch) =>
      setParams({
        // Another filter makes the old page meaningless.
        offset: undefined,
        ...Object.fromEntries(
          Object.entries(patch).map(([key, value]) => [
            PARAM[key as keyof ListFilters],
            value === 0 ? undefined : value,
          ]),
        ),
      }),
    [setParams],
  );
  return { filters, update };
}

export function toQuery(filters: ListFilters): ListEnvironmentsQuery {
  let status: EnvironmentStatus[] | undefined;
  if (filters.status === 'current') status = CURRENT_STATUSES;
  else if (filters.status !== 'all') status = [filters.status];
  return {
    scope: filters.scope,
    status,
    className: filters.className,
    owner: filters.owner,
    limit: PAGE_SIZE,
    offset: filters.offset,
  };
}

export function hasFilters(filters: ListFilters) {
  return Boolean(
    filters.className || filters.owner || filters.status !== 'current',
  );
}
