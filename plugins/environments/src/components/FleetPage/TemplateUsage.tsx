import { CellText, ColumnConfig, Table, Text } from '@backstage/ui';
import { UsageRow } from '@internal/plugin-environments-common';
import { failureRate } from './ClassesSection';

type Row = UsageRow & { id: string };

const COLUMNS: ColumnConfig<Row>[] = [
  {
    id: 'template',
    label: 'Template',
    isRowHeader: true,
    minWidth: 200,
    cell: r => <CellText title={r.key} />,
  },
  {
    id: 'total',
    label: 'Created',
    width: 110,
    cell: r => <CellText title={String(r.total)} />,
  },
  {
    id: 'active',
    label: 'Active',
    width: 110,
    cell: r => <CellText title={String(r.active)} />,
  },
  {
    id: 'failed',
    label: 'Failed now',
    width: 140,
    cell: r => (
      <CellText title={String(r.failed)} description={failureRate(r)} />
    ),
  },
];

/** How much each scaffolder template is used, and how often what it asks for fails. */
export const TemplateUsage = ({ rows }: { rows: UsageRow[] }) =>
  rows.length === 0 ? (
    <Text as="p" color="secondary">
      No environment has been created from a template yet.
    </Text>
  ) : (
    <Table<Row>
      columnConfig={COLUMNS}
      data={rows.map(r => ({ ...r, id: r.key }))}
      pagination={{ type: 'none' }}
    />
  );
