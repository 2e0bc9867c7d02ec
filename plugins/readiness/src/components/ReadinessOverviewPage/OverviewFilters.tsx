import { Flex } from '@backstage/ui';
import { LEVEL_IDS } from '@internal/plugin-readiness-common';
import { LEVEL_LABEL } from '../shared/presentation';
import { DebouncedSearch, FilterSelect, Option } from './FilterControls';
import { shortRef } from '../shared/links';
import {
  FilterPatch,
  OverviewFilters as Filters,
  SCORED_KINDS,
} from './useOverviewFilters';

const LIFECYCLES = ['production', 'experimental', 'deprecated'];
const LEVELS = [...[...LEVEL_IDS].reverse(), 'none' as const];

/** Owner, kind, lifecycle and level pickers and a free-text search, all kept in the URL. */
export const OverviewFilters = ({
  filters,
  owners,
  onChange,
}: {
  filters: Filters;
  /** Owner refs that have scored entities. */
  owners: string[];
  onChange: (patch: FilterPatch) => void;
}) => {
  const ownerOptions = withCurrent(
    owners.map(owner => ({ id: owner, label: shortRef(owner) })),
    filters.owner,
    shortRef,
  );
  const kindOptions = withCurrent(
    SCORED_KINDS.map(kind => ({ id: kind, label: kind })),
    filters.kind,
    kind => kind,
  );
  const lifecycleOptions = withCurrent(
    LIFECYCLES.map(lifecycle => ({
      id: lifecycle,
      label: capitalise(lifecycle),
    })),
    filters.lifecycle,
    capitalise,
  );
  const levelOptions = LEVELS.map(level => ({
    id: level,
    label: LEVEL_LABEL[level],
  }));

  return (
    <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
      <FilterSelect
        label="Owner"
        allLabel="All owners"
        options={ownerOptions}
        value={filters.owner}
        onChange={owner => onChange({ owner })}
        searchable={ownerOptions.length > 10}
      />
      <FilterSelect
        label="Kind"
        allLabel="All kinds"
        options={kindOptions}
        value={filters.kind}
        onChange={kind => onChange({ kind })}
      />
      <FilterSelect
        label="Lifecycle"
        allLabel="All lifecycles"
        options={lifecycleOptions}
        value={filters.lifecycle}
        onChange={lifecycle => onChange({ lifecycle })}
      />
      <FilterSelect
        label="Overall level"
        allLabel="All levels"
        options={levelOptions}
        value={filters.level}
        onChange={level => onChange({ level })}
      />
      <DebouncedSearch
        value={filters.search ?? ''}
        onChange={search => onChange({ search })}
      />
    </Flex>
  );
};

/** Keeps a value that came from the URL selectable even if it is not a known option. */
function withCurrent(
  options: Option[],
  current: string | undefined,
  label: (value: string) => string,
): Option[] {
  if (!current || options.some(o => o.id === current)) return options;
  return [...options, { id: current, label: label(current) }];
}

function capitalise(text: string) {
  return text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);
}
