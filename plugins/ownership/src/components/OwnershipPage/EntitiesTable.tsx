import { Cell, CellText, ColumnConfig, Flex, Table, Text } from '@backstage/ui';
import { OwnedEntity, PROBLEM_LABELS } from '@internal/plugin-ownership-common';
import { entityPath, shortRef } from '../shared/refs';

type Row = OwnedEntity & { id: string };

/** Every owned entity matching the filters, with its owner, on-call and problems. */
export const EntitiesTable = ({
  items,
  stale,
}: {
  items: OwnedEntity[];
  stale?: boolean;
}) => {
  const columns: ColumnConfig<Row>[] = [
    {
      id: 'entity',
      label: 'Entity',
      isRowHeader: true,
      minWidth: 200,
      cell: row => (
        <CellText
          title={row.title}
          description={`${row.kind}${row.type ? ` · ${row.type}` : ''}${
            row.lifecycle ? ` · ${row.lifecycle}` : ''
          }`}
          href={entityPath(row.ref)}
        />
      ),
    },
    {
      id: 'owner',
      label: 'Owner',
      minWidth: 150,
      cell: row => (
        <CellText
          title={row.ownerRef ? shortRef(row.ownerRef) : row.owner ?? '—'}
          description={row.ownerResolved ? undefined : 'not in the catalog'}
          href={
            row.ownerResolved && row.ownerRef
              ? entityPath(row.ownerRef)
              : undefined
          }
        />
      ),
    },
    {
      id: 'oncall',
      label: 'On-call',
      minWidth: 140,
      cell: row => (
        <CellText
          title={row.onCall ? row.onCall.tool : '—'}
          description={row.escalation?.join(' → ')}
        />
      ),
    },
    {
      id: 'problems',
      label: 'Problems',
      minWidth: 260,
      cell: row => (
        <Cell>
          {row.problems.length ? (
            <Flex direction="column" gap="1">
              {row.problems.map(p => (
                <Text
                  key={`${p.code}-${p.message}`}
                  as="div"
                  variant="body-small"
                  color={p.level === 'error' ? 'danger' : 'warning'}
                  title={p.message}
                >
                  {PROBLEM_LABELS[p.code]}
                </Text>
              ))}
            </Flex>
          ) : (
            'None'
          )}
        </Cell>
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
