import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Button, Flex, Text } from '@backstage/ui';
import { OverviewResponse } from '@internal/plugin-readiness-common';
import { CapabilityHeatmap } from './CapabilityHeatmap';
import { AsyncState } from '@internal/frontend-common';
import { FilterPatch, OverviewFilters, PAGE_SIZE } from './useOverviewFilters';

/** The heatmap with its loading, error and empty states. */
export const HeatmapSection = ({
  state,
  filters,
  update,
}: {
  state: AsyncState<OverviewResponse>;
  filters: OverviewFilters;
  update: (patch: FilterPatch) => void;
}) => {
  const { value, loading, error } = state;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return <Progress />;
  if (value.total === 0) {
    return (
      <Text as="p" color="secondary">
        No scored entities match these filters.
      </Text>
    );
  }
  const offset = (filters.page - 1) * PAGE_SIZE;
  if (value.rows.length === 0) {
    return (
      <Flex direction="column" gap="2" align="start">
        <Text as="p" color="secondary">
          This page is past the last of the {value.total} matching entities.
        </Text>
        <Button variant="secondary" onPress={() => update({ page: 1 })}>
          Back to the first page
        </Button>
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="2">
      <Text as="p" variant="body-small" color="secondary">
        {value.total === 1
          ? '1 entity matches'
          : `${value.total} entities match`}
      </Text>
      <CapabilityHeatmap
        rows={value.rows}
        total={value.total}
        offset={offset}
        stale={loading}
        sort={{ sort: filters.sort, order: filters.order }}
        onSortChange={update}
        onPageChange={page => update({ page })}
      />
    </Flex>
  );
};
