import { useMemo } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { Button, ButtonLink, Container, Flex, Text } from '@backstage/ui';
import { ListEnvironmentsResponse } from '@internal/plugin-environments-common';
import { environmentsApiRef } from '../../api/environmentsApiRef';
import { EmptyState } from '../shared/EmptyState';
import { EnvironmentsTable } from '../shared/EnvironmentsTable';
import { ErrorAlert } from '../shared/ErrorAlert';
import { createEnvironmentPath } from '../shared/links';
import { PageHeader } from '../shared/PageHeader';
import { AsyncState, useAsync } from '@internal/frontend-common';
import { useGroups } from '../shared/useGroups';
import { ListFilters } from './ListFilters';
import {
  hasFilters,
  ListFilters as Filters,
  ListFilterPatch,
  PAGE_SIZE,
  toQuery,
  useListFilters,
} from './useListFilters';

/** What to do when the list is empty: clear the filters, look wider, or get one. */
const NothingHere = ({
  filters,
  update,
}: {
  filters: Filters;
  update: (patch: ListFilterPatch) => void;
}) => {
  if (hasFilters(filters)) {
    return (
      <EmptyState
        title="No environments match these filters"
        action={
          <Button
            variant="secondary"
            onPress={() =>
              update({
                status: 'current',
                className: undefined,
                owner: undefined,
              })
            }
          >
            Clear filters
          </Button>
        }
      />
    );
  }
  const create = (
    <ButtonLink href={createEnvironmentPath()} variant="primary">
      Create environment
    </ButtonLink>
  );
  if (filters.scope === 'mine') {
    return (
      <EmptyState
        title="You have no current environments"
        action={
          <Flex gap="2">
            {create}
            <Button
              variant="secondary"
              onPress={() => update({ scope: 'team' })}
            >
              See my teams' environments
            </Button>
          </Flex>
        }
      >
        Create one from the Environment template: pick a component and a class,
        and it is ready in seconds.
      </EmptyState>
    );
  }
  if (filters.scope === 'team') {
    return (
      <EmptyState
        title="Your teams have no current environments"
        action={create}
      >
        Environments owned by the groups you belong to in the catalog show here.
      </EmptyState>
    );
  }
  return (
    <EmptyState title="There are no current environments" action={create} />
  );
};

const ListBody = ({
  state,
  filters,
  update,
}: {
  state: AsyncState<ListEnvironmentsResponse>;
  filters: Filters;
  update: (patch: ListFilterPatch) => void;
}) => {
  const { value, loading, error } = state;
  if (error) {
    return <ErrorAlert title="Could not load environments" error={error} />;
  }
  if (!value) return <Progress />;
  if (value.totalCount === 0) {
    return <NothingHere filters={filters} update={update} />;
  }
  return (
    <Flex direction="column" gap="2">
      <Text as="p" variant="body-small" color="secondary">
        {value.totalCount === 1
          ? '1 environment'
          : `${value.totalCount} environments`}
      </Text>
      <EnvironmentsTable
        items={value.items}
        stale={loading}
        paging={{
          offset: filters.offset,
          pageSize: PAGE_SIZE,
          total: value.totalCount,
          onOffsetChange: offset => update({ offset }),
        }}
      />
    </Flex>
  );
};

const TITLE: Record<Filters['scope'], string> = {
  mine: 'My environments',
  team: "My teams' environments",
  all: 'All environments',
};

/** Mine, my teams' or all environments, with their status and the time they have left. */
export const EnvironmentsListPage = () => {
  const api = useApi(environmentsApiRef);
  const { filters, update } = useListFilters();
  const query = useMemo(() => toQuery(filters), [filters]);
  const list = useAsync(
    () => api.listEnvironments(query),
    JSON.stringify(query),
  );
  const classes = useAsync(() => api.listClasses(), 'classes');
  const groups = useGroups();

  return (
    <>
      <PageHeader
        active="list"
        title={TITLE[filters.scope]}
        description="Places to run a change, with their own database, namespace and configuration. They expire on their own; extend or tear them down from their page."
      />
      <Container my="4">
        <Flex direction="column" gap="4">
          <ListFilters
            filters={filters}
            classes={classes.value?.classes ?? []}
            groups={groups.value ?? []}
            onChange={update}
          />
          <ListBody state={list} filters={filters} update={update} />
        </Flex>
      </Container>
    </>
  );
};
