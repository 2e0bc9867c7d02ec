import {
  Button,
  Cell,
  CellText,
  ColumnConfig,
  Table,
  Text,
} from '@backstage/ui';
import { Deployment } from '@internal/plugin-delivery-common';
import { formatWhen, shortRef } from '../shared/format';
import { StatusBadge } from '../shared/StatusBadge';

const KIND: Record<string, string> = {
  planned: 'Deploy',
  fix: 'Fix',
  rollback: 'Rollback',
};

/** The service's deploys, newest first, with their live state; a row opens its log. */
export const DeployHistory = ({
  deployments,
  onShowLog,
}: {
  deployments: Deployment[];
  onShowLog: (deployment: Deployment) => void;
}) => {
  if (deployments.length === 0)
    return (
      <Text as="p" color="secondary">
        No deploys yet.
      </Text>
    );
  const columns: ColumnConfig<Deployment>[] = [
    {
      id: 'version',
      label: 'Version',
      isRowHeader: true,
      minWidth: 120,
      cell: d => (
        <CellText
          title={d.version}
          description={d.commitSha ? d.commitSha.slice(0, 10) : undefined}
        />
      ),
    },
    {
      id: 'environment',
      label: 'Environment',
      width: 140,
      cell: d => <CellText title={d.environment} />,
    },
    {
      id: 'status',
      label: 'Status',
      width: 190,
      cell: d => (
        <Cell>
          <StatusBadge status={d.status} />
        </Cell>
      ),
    },
    {
      id: 'kind',
      label: 'Kind',
      width: 130,
      cell: d => (
        <CellText
          title={
            d.promotedFrom ? 'Promotion' : KIND[d.changeType] ?? d.changeType
          }
          description={
            d.freezeOverride
              ? `freeze override: ${d.freezeOverride.reason}`
              : undefined
          }
        />
      ),
    },
    {
      id: 'who',
      label: 'By',
      minWidth: 120,
      cell: d => (
        <CellText
          title={d.triggeredBy ? shortRef(d.triggeredBy) : 'CI/CD'}
          description={
            d.approval?.approvedBy
              ? `approved by ${shortRef(d.approval.approvedBy)}`
              : undefined
          }
        />
      ),
    },
    {
      id: 'when',
      label: 'Requested',
      width: 150,
      cell: d => (
        <CellText
          title={formatWhen(d.requestedAt)}
          description={
            d.finishedAt ? `finished ${formatWhen(d.finishedAt)}` : undefined
          }
        />
      ),
    },
    {
      id: 'log',
      label: 'Log',
      width: 90,
      cell: d => (
        <Cell>
          {d.source === 'runway' ? (
            <Button
              size="small"
              variant="tertiary"
              onPress={() => onShowLog(d)}
              aria-label={`Log of ${d.version} to ${d.environment}`}
            >
              Log
            </Button>
          ) : (
            <Text as="span" variant="body-x-small" color="secondary">
              CI/CD
            </Text>
          )}
        </Cell>
      ),
    },
  ];
  return (
    <Table<Deployment>
      columnConfig={columns}
      data={deployments}
      pagination={{ type: 'none' }}
    />
  );
};
