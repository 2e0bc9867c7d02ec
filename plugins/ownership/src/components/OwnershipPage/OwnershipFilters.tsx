import { Flex, Select } from '@backstage/ui';
import {
  OWNED_KINDS,
  OWNERSHIP_PROBLEM_CODES,
  PROBLEM_LABELS,
} from '@internal/plugin-ownership-common';
import { shortRef } from '../shared/refs';
import { OwnershipFilters as Filters } from './useOwnershipFilters';

const ALL = 'all';
const LIFECYCLES = ['production', 'experimental', 'deprecated'];

type Option = { id: string; label: string };

const PROBLEM_OPTIONS: Option[] = [
  { id: 'orphaned', label: 'Orphaned (no resolvable owner)' },
  ...OWNERSHIP_PROBLEM_CODES.map(code => ({
    id: code,
    label: PROBLEM_LABELS[code],
  })),
];

const FilterSelect = (props: {
  label: string;
  allLabel: string;
  options: Option[];
  value?: string;
  onChange: (value: string | undefined) => void;
}) => (
  <div style={{ minWidth: 190 }}>
    <Select
      label={props.label}
      options={[{ id: ALL, label: props.allLabel }, ...props.options]}
      value={props.value ?? ALL}
      onChange={key =>
        props.onChange(key === null || key === ALL ? undefined : String(key))
      }
    />
  </div>
);

/** Team, problem, kind and lifecycle, combined with AND. */
export const OwnershipFilters = ({
  filters,
  teams,
  onChange,
}: {
  filters: Filters;
  teams: string[];
  onChange: (patch: Filters) => void;
}) => (
  <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
    <FilterSelect
      label="Team"
      allLabel="All teams"
      options={teams.map(t => ({ id: t, label: shortRef(t) }))}
      value={filters.team}
      onChange={team => onChange({ team })}
    />
    <FilterSelect
      label="Problem"
      allLabel="All entities"
      options={PROBLEM_OPTIONS}
      value={filters.problem}
      onChange={problem => onChange({ problem })}
    />
    <FilterSelect
      label="Kind"
      allLabel="All kinds"
      options={OWNED_KINDS.map(k => ({ id: k, label: k }))}
      value={filters.kind}
      onChange={kind => onChange({ kind })}
    />
    <FilterSelect
      label="Lifecycle"
      allLabel="All lifecycles"
      options={LIFECYCLES.map(l => ({ id: l, label: l }))}
      value={filters.lifecycle}
      onChange={lifecycle => onChange({ lifecycle })}
    />
  </Flex>
);
