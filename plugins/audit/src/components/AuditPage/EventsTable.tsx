import { Cell, CellText, ColumnConfig, Table, Text } from '@backstage/ui';
import { AuditEvent } from '@internal/plugin-audit-common';
import styles from './AuditPage.module.css';
import { formatWhenShort, targetSummary } from './presentation';

export const StatusBadge = ({ status }: { status: AuditEvent['status'] }) => (
  <span className={`${styles.status} ${styles[status] ?? ''}`}>{status}</span>
);

/** One row per audited action, newest first; a row opens its details. */
export const EventsTable = ({
  events,
  stale,
  onOpen,
}: {
  events: AuditEvent[];
  stale?: boolean;
  onOpen: (event: AuditEvent) => void;
}) => {
  const columns: ColumnConfig<AuditEvent>[] = [
    {
      id: 'when',
      label: 'When',
      isRowHeader: true,
      minWidth: 170,
      cell: e => (
        <CellText
          title={formatWhenShort(e.createdAt)}
          description={e.severityLevel}
        />
      ),
    },
    {
      id: 'plugin',
      label: 'Plugin',
      minWidth: 90,
      cell: e => <CellText title={e.plugin} />,
    },
    {
      id: 'event',
      label: 'Event',
      minWidth: 150,
      cell: e => <CellText title={e.eventId} />,
    },
    {
      id: 'actor',
      label: 'Actor',
      minWidth: 160,
      cell: e => (
        <CellText title={e.actor.actorId ?? '—'} description={e.actor.ip} />
      ),
    },
    {
      id: 'target',
      label: 'Target',
      minWidth: 270,
      cell: e => <CellText {...targetSummary(e.meta)} />,
    },
    {
      id: 'status',
      label: 'Status',
      minWidth: 100,
      cell: e => (
        <Cell>
          <StatusBadge status={e.status} />
        </Cell>
      ),
    },
    {
      id: 'error',
      label: 'Error',
      minWidth: 150,
      cell: e => (
        <Cell>
          {e.error ? (
            <Text variant="body-small" color="danger">
              {e.error}
            </Text>
          ) : null}
        </Cell>
      ),
    },
  ];
  return (
    <Table<AuditEvent>
      columnConfig={columns}
      data={events}
      isStale={stale}
      pagination={{ type: 'none' }}
      rowConfig={{ onClick: onOpen }}
      emptyState={<Text as="p">No audit events match these filters.</Text>}
    />
  );
};
