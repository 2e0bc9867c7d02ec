import { Flex, ToggleButton, ToggleButtonGroup } from '@backstage/ui';
import {
  ENVIRONMENT_STATUSES,
  EnvironmentClass,
} from '@internal/plugin-environments-common';
import { FilterSelect } from '../shared/FilterSelect';
import { STATUS_LABEL } from '../shared/presentation';
import { GroupOption } from '../shared/useGroups';
import styles from './EnvironmentsListPage.module.css';
import {
  ListFilterPatch,
  ListFilters as Filters,
  Scope,
} from './useListFilters';

const SCOPE_LABEL: Record<Scope, string> = {
  mine: 'Mine',
  team: 'My teams',
  all: 'All',
};

const STATUS_OPTIONS = [
  { id: 'current', label: 'Current (not ended)' },
  { id: 'all', label: 'All statuses' },
  ...ENVIRONMENT_STATUSES.map(status => ({
    id: status,
    label: STATUS_LABEL[status],
  })),
];

/** Whose environments, then status, class and owner; all kept in the URL. */
export const ListFilters = ({
  filters,
  classes,
  groups,
  onChange,
}: {
  filters: Filters;
  classes: EnvironmentClass[];
  groups: GroupOption[];
  onChange: (patch: ListFilterPatch) => void;
}) => (
  <Flex gap="3" align="end" className={styles.filters}>
    <ToggleButtonGroup
      aria-label="Whose environments"
      className={styles.scope}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[filters.scope]}
      onSelectionChange={keys => {
        const [scope] = [...keys];
        if (scope) onChange({ scope: String(scope) as Scope });
      }}
    >
      {(Object.keys(SCOPE_LABEL) as Scope[]).map(scope => (
        <ToggleButton key={scope} id={scope}>
          {SCOPE_LABEL[scope]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
    <FilterSelect
      label="Status"
      options={STATUS_OPTIONS}
      value={filters.status}
      onChange={status => onChange({ status: status as Filters['status'] })}
    />
    <FilterSelect
      label="Class"
      allLabel="All classes"
      options={classes.map(c => ({ id: c.id, label: c.title }))}
      value={filters.className}
      onChange={className => onChange({ className })}
    />
    <FilterSelect
      label="Owner"
      allLabel="All owners"
      options={groups}
      value={filters.owner}
      onChange={owner => onChange({ owner })}
    />
  </Flex>
);
