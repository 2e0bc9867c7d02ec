import { CellText, ColumnConfig, Table } from '@backstage/ui';
import {
  PROBLEM_LABELS,
  TeamOwnership,
} from '@internal/plugin-ownership-common';
import { entityPath, shortRef } from '../shared/refs';

type Row = TeamOwnership & { id: string };

const list = (values: string[], empty = '—') =>
  values.length ? values.join(', ') : empty;

/** Teams with their members, what they own, live environments and what is deployed. */
export const TeamsTable = ({
  items,
  stale,
}: {
  items: TeamOwnership[];
  stale?: boolean;
}) => {
  const columns: ColumnConfig<Row>[] = [
    {
      id: 'team',
      label: 'Team',
      isRowHeader: true,
      minWidth: 170,
      cell: row => (
        <CellText
          title={row.title}
          description={`${row.members.length} member${
            row.members.length === 1 ? '' : 's'
          }`}
          href={entityPath(row.ref)}
        />
      ),
    },
    {
      id: 'owns',
      label: 'Owns',
      minWidth: 240,
      cell: row => (
        <CellText
          title={`${row.owned.length} entities`}
          description={list(row.owned.map(o => shortRef(o.ref)))}
        />
      ),
    },
    {
      id: 'environments',
      label: 'Environments',
      minWidth: 150,
      cell: row => (
        <CellText
          title={String(row.environments.length)}
          description={list(
            row.environments.map(e => `${e.name} (${e.status})`),
          )}
        />
      ),
    },
    {
      id: 'deployments',
      label: 'Latest deploys',
      minWidth: 200,
      cell: row => (
        <CellText
          title={String(row.deployments.length)}
          description={list(
            row.deployments.map(
              d => `${shortRef(d.service)}@${d.environment} ${d.version}`,
            ),
          )}
        />
      ),
    },
    {
      id: 'problems',
      label: 'Problems',
      minWidth: 180,
      cell: row => (
        <CellText
          title={list(
            row.problems.map(p => PROBLEM_LABELS[p.code]),
            'None',
          )}
          description={row.problems.map(p => p.message).join(' ')}
        />
      ),
    },
  ];
  return (
    <Table<Row>
      columnConfig={columns}
      data={items.map(item => ({ ...item, id: item.ref }))}
      isStale={stale}
      pagination={{ type: 'none' }}
    />
  );
};
