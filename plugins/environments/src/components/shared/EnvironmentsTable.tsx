import { Cell, CellText, ColumnConfig, Table, Text } from '@backstage/ui';
import { EnvironmentSummary } from '@internal/plugin-environments-common';
import { ReactNode } from 'react';
import { Expiry } from './Expiry';
import { entityPath, shortRef } from './links';
import { StatusBadge } from './StatusBadge';
import { formatDateTime, formatRelative } from './time';
import { useEnvironmentLinks } from './useEnvironmentLinks';
import { useNow } from './useNow';

export type EnvironmentColumn =
  | 'name'
  | 'status'
  | 'class'
  | 'owner'
  | 'component'
  | 'expires'
  | 'created';

export type TablePaging = {
  offset: number;
  pageSize: number;
  total: number;
  onOffsetChange: (offset: number) => void;
};

type Row = EnvironmentSummary & { id: string };

/** Environments with status, class, owner, component and the time left; names link to pages. */
export const EnvironmentsTable = ({
  items,
  hide = [],
  paging,
  stale,
  actions,
}: {
  items: EnvironmentSummary[];
  hide?: EnvironmentColumn[];
  paging?: TablePaging;
  stale?: boolean;
  /** A last column of buttons per row, e.g. Approve / Reject. */
  actions?: (environment: EnvironmentSummary) => ReactNode;
}) => {
  const now = useNow();
  const links = useEnvironmentLinks();
  const columns: ColumnConfig<Row>[] = [
    {
      id: 'name',
      label: 'Environment',
      isRowHeader: true,
      minWidth: 180,
      cell: row => (
        <CellText
          title={row.name}
          description={
            row.status === 'failed' || row.status === 'rejected'
              ? row.statusMessage
              : row.resources.map(r => r.name).join(', ')
          }
          href={links.environment(row.id)}
        />
      ),
    },
    {
      id: 'status',
      label: 'Status',
      width: 175,
      cell: row => (
        <Cell>
          <StatusBadge status={row.status} title={row.statusMessage} />
        </Cell>
      ),
    },
    {
      id: 'class',
      label: 'Class',
      width: 110,
      cell: row => <CellText title={row.className} />,
    },
    {
      id: 'owner',
      label: 'Owner',
      minWidth: 130,
      cell: row => (
        <CellText title={shortRef(row.owner)} href={entityPath(row.owner)} />
      ),
    },
    {
      id: 'component',
      label: 'Component',
      minWidth: 130,
      cell: row =>
        row.component ? (
          <CellText
            title={shortRef(row.component)}
            href={entityPath(row.component)}
          />
        ) : (
          <CellText title="—" color="secondary" />
        ),
    },
    {
      id: 'expires',
      label: 'Expires',
      width: 150,
      cell: row => (
        <Cell>
          <Expiry expiresAt={row.expiresAt} status={row.status} now={now} />
        </Cell>
      ),
    },
    {
      id: 'created',
      label: 'Created',
      width: 160,
      cell: row => (
        <Cell>
          <Text
            as="span"
            variant="body-small"
            title={formatDateTime(row.createdAt)}
          >
            {formatRelative(row.createdAt, now)}
          </Text>
          <Text as="div" variant="body-x-small" color="secondary">
            by {shortRef(row.createdBy)}
          </Text>
        </Cell>
      ),
    },
  ];
  const shown = columns.filter(c => !hide.includes(c.id as EnvironmentColumn));
  if (actions) {
    shown.push({
      id: 'actions',
      label: 'Actions',
      minWidth: 200,
      cell: row => <Cell>{actions(row)}</Cell>,
    });
  }

  return (
    <Table<Row>
      columnConfig={shown}
      data={items.map(item => ({ ...item, id: item.id }))}
      isStale={stale}
      pagination={
        paging
          ? {
              type: 'page',
              pageSize: paging.pageSize,
              offset: paging.offset,
              totalCount: paging.total,
              hasPreviousPage: paging.offset > 0,
              hasNextPage: paging.offset + paging.pageSize < paging.total,
              onPreviousPage: () =>
                paging.onOffsetChange(
                  Math.max(0, paging.offset - paging.pageSize),
                ),
              onNextPage: () =>
                paging.onOffsetChange(paging.offset + paging.pageSize),
              pageSizeOptions: [],
              showPageSizeOptions: false,
              getLabel: () =>
                `${paging.offset + 1}–${Math.min(
                  paging.offset + paging.pageSize,
                  paging.total,
                )} of ${paging.total}`,
            }
          : { type: 'none' }
      }
    />
  );
};
