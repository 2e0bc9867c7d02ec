import { Cell, CellText, ColumnConfig, Table, Text } from '@backstage/ui';
import { AuditAction, AuditRecord } from '@internal/plugin-environments-common';
import { shortRef } from '../shared/links';
import { formatDateTime } from '../shared/time';
import styles from './EnvironmentPage.module.css';

const ACTION_LABEL: Record<AuditAction, string> = {
  create: 'Requested',
  approve: 'Approved',
  reject: 'Rejected',
  extend: 'Extended',
  teardown: 'Teardown requested',
  provisioned: 'Provisioned',
  'provisioning-failed': 'Provisioning failed',
  'torn-down': 'Torn down',
  'teardown-failed': 'Teardown failed',
  expired: 'Expired',
};

const ENGINE = 'runway:environments';

type Row = AuditRecord;

const COLUMNS: ColumnConfig<Row>[] = [
  {
    id: 'at',
    label: 'When',
    isRowHeader: true,
    width: 200,
    cell: r => <CellText title={formatDateTime(r.at)} />,
  },
  {
    id: 'actor',
    label: 'Who',
    width: 140,
    cell: r => (
      <CellText
        title={r.actor === ENGINE ? 'Runway' : shortRef(r.actor)}
        description={r.actor === ENGINE ? 'automatic' : undefined}
      />
    ),
  },
  {
    id: 'action',
    label: 'Action',
    width: 190,
    cell: r => <CellText title={ACTION_LABEL[r.action] ?? r.action} />,
  },
  {
    id: 'outcome',
    label: 'Outcome',
    width: 110,
    cell: r => (
      <Cell>
        <Text
          as="span"
          variant="body-small"
          color={r.outcome === 'failed' ? 'danger' : 'success'}
        >
          {r.outcome === 'failed' ? 'Failed' : 'Succeeded'}
        </Text>
      </Cell>
    ),
  },
  {
    id: 'message',
    label: 'Details',
    minWidth: 200,
    cell: r => (
      <Cell>
        <Text as="span" variant="body-small" className={styles.wrap}>
          {r.message ?? ''}
        </Text>
      </Cell>
    ),
  },
];

/** Who did what to the environment, when, and how it went. */
export const AuditTrail = ({ records }: { records: AuditRecord[] }) => {
  if (records.length === 0) {
    return (
      <Text as="p" color="secondary">
        Nothing recorded yet.
      </Text>
    );
  }
  return (
    <Table<Row>
      columnConfig={COLUMNS}
      data={[...records].sort((a, b) => b.id - a.id)}
      pagination={{ type: 'none' }}
    />
  );
};
