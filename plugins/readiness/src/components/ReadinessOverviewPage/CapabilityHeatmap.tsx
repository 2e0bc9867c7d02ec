import { SortDescriptor, Table } from '@backstage/ui';
import { OverviewRow } from '@internal/plugin-readiness-common';
import { COLUMNS, HeatmapItem } from './heatmapColumns';
import { PAGE_SIZE } from './useOverviewFilters';

export type HeatmapSort = { sort?: string; order?: 'asc' | 'desc' };

/** One row per entity, one coloured cell per capability; sortable, paged by the server. */
export const CapabilityHeatmap = ({
  rows,
  total,
  offset,
  stale,
  sort,
  onSortChange,
  onPageChange,
}: {
  rows: OverviewRow[];
  total: number;
  offset: number;
  stale: boolean;
  sort: HeatmapSort;
  onSortChange: (sort: Required<HeatmapSort>) => void;
  /** 1-based page number. */
  onPageChange: (page: number) => void;
}) => {
  const page = Math.floor(offset / PAGE_SIZE) + 1;
  const descriptor: SortDescriptor | null = sort.sort
    ? {
        column: sort.sort,
        direction: sort.order === 'desc' ? 'descending' : 'ascending',
      }
    : null;

  return (
    <Table<HeatmapItem>
      columnConfig={COLUMNS}
      data={rows.map(row => ({ ...row, id: row.entityRef }))}
      isStale={stale}
      sort={{
        descriptor,
        onSortChange: next =>
          onSortChange({
            sort: String(next.column),
            order: next.direction === 'descending' ? 'desc' : 'asc',
          }),
      }}
      pagination={{
        type: 'page',
        pageSize: PAGE_SIZE,
        offset,
        totalCount: total,
        hasPreviousPage: offset > 0,
        hasNextPage: offset + PAGE_SIZE < total,
        onPreviousPage: () => onPageChange(page - 1),
        onNextPage: () => onPageChange(page + 1),
        pageSizeOptions: [],
        showPageSizeOptions: false,
        getLabel: () =>
          `${offset + 1}–${Math.min(offset + PAGE_SIZE, total)} of ${total}`,
      }}
    />
  );
};
