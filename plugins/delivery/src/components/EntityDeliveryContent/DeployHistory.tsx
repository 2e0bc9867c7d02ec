import {
  Button,
  Cell,
  Link,
  CellText,
  ColumnConfig,
  Table,
  Text,
} from '@backstage/ui';
import {
  Deployment,
  DeploymentIncident,
} from '@internal/plugin-delivery-common';
import { formatWhen, shortRef } from '../shared/format';
import { StatusBadge } from '../shared/StatusBadge';

const KIND: Record<string, string> = {
  planned: 'Deploy',
  fix: 'Fix',
  rollback: 'Rollback',
};

const REASON: Record<string, string> = {
  failed: 'failed',
  'rolled-back': 'rolled back',
};
const SOURCE: Record<string, string> = {
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
  alertmanager: 'Alertmanager',
};

const IncidentLine = ({ incident: i }: { incident: DeploymentIncident }) => {
  const name = i.title ? `${i.title}` : i.id;
  const how =
    i.link === 'live-at-open'
      ? `live when it opened ${formatWhen(i.openedAt)}`
      : `reported as its cause`;
  const source = i.source ? `${SOURCE[i.source] ?? i.source} ` : '';
  return (
    <Text as="p" variant="body-x-small">
      {source}incident{' '}
      {i.url ? (
        <Link
          href={i.url}
          target="_blank"
          rel="noopener noreferrer"
          variant="body-x-small"
        >
          {name}
        </Link>
      ) : (
        name
      )}
      : {how}
    </Text>
  );
};

/**
 * Why a production deployment counts in the change failure rate, next to it: it failed, was
 * rolled back, or incidents are tied to it (and how: named by the sender, or live when the
 * incident opened). Non-production and healthy deployments say they do not count.
 */
const FailedChangeCell = ({ deployment: d }: { deployment: Deployment }) => {
  if (!d.production)
    return <CellText title="—" description="not production: not counted" />;
  if (!d.finishedAt) return <CellText title="—" description="not finished" />;
  if (!d.failedChange) return <CellText title="No" />;
  const { reasons, incidents } = d.failedChange;
  const why = reasons.filter(r => r !== 'incident').map(r => REASON[r]);
  return (
    <Cell>
      <Text as="span" variant="body-small" weight="bold">
        Counts as failed
      </Text>
      {why.length > 0 && (
        <Text as="p" variant="body-x-small">
          {why.join(', ')}
        </Text>
      )}
      {incidents.map(i => (
        <IncidentLine key={i.id} incident={i} />
      ))}
    </Cell>
  );
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
      id: 'failure',
      label: 'Change failure',
      minWidth: 200,
      cell: d => <FailedChangeCell deployment={d} />,
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
