import {
  Alert,
  CellText,
  ColumnConfig,
  Flex,
  Table,
  Text,
} from '@backstage/ui';
import {
  EnvironmentClass,
  ListClassesResponse,
  UsageRow,
} from '@internal/plugin-environments-common';
import { formatDuration, HOUR_MS } from '../shared/time';
import styles from './FleetPage.module.css';

type ClassRow = EnvironmentClass & { usage?: UsageRow };

const hours = (h: number) => formatDuration(h * HOUR_MS);

const COLUMNS: ColumnConfig<ClassRow>[] = [
  {
    id: 'class',
    label: 'Class',
    isRowHeader: true,
    minWidth: 160,
    cell: c => <CellText title={c.title} description={c.id} />,
  },
  {
    id: 'resources',
    label: 'Resources',
    minWidth: 180,
    cell: c => (
      <CellText
        title={c.resources.map(r => r.name).join(', ')}
        description={[...new Set(c.resources.map(r => r.type))].join(', ')}
      />
    ),
  },
  {
    id: 'ttl',
    label: 'Lifetime',
    width: 150,
    cell: c => (
      <CellText
        title={hours(c.ttl.defaultHours)}
        description={`up to ${hours(c.ttl.maxHours)}`}
      />
    ),
  },
  {
    id: 'rules',
    label: 'Quota, approval',
    width: 170,
    cell: c => (
      <CellText
        title={c.quota ? `${c.quota.activePerTeam} per team` : 'No quota'}
        description={
          c.approval.required ? 'Needs approval' : 'No approval needed'
        }
      />
    ),
  },
  {
    id: 'usage',
    label: 'Active / total',
    width: 130,
    cell: c => (
      <CellText
        title={c.usage ? `${c.usage.active} / ${c.usage.total}` : '0 / 0'}
      />
    ),
  },
  {
    id: 'failures',
    label: 'Failed now',
    width: 130,
    cell: c => (
      <CellText
        title={String(c.usage?.failed ?? 0)}
        description={failureRate(c.usage)}
        color={c.usage?.failed ? undefined : 'secondary'}
      />
    ),
  },
];

export function failureRate(usage?: UsageRow): string | undefined {
  if (!usage || usage.failed === 0) return undefined;
  return `${Math.round((usage.failed / usage.total) * 100)}% of all`;
}

/** The classes that loaded, with usage and failures, and what is wrong with the rest. */
export const ClassesSection = ({
  classes,
  usage,
}: {
  classes: ListClassesResponse;
  usage: UsageRow[];
}) => {
  const rows = classes.classes.map(c => ({
    ...c,
    usage: usage.find(u => u.key === c.id),
  }));
  return (
    <Flex direction="column" gap="3">
      {classes.problems.length > 0 && (
        <Alert
          status="danger"
          icon
          title={
            classes.problems.length === 1
              ? 'A class could not be loaded'
              : `${classes.problems.length} problems with class files`
          }
          description={
            <>
              <Text as="p" variant="body-small">
                The classes below keep working; fix these in git and the classes
                load again.
              </Text>
              <ul className={styles.problems} aria-label="Class problems">
                {classes.problems.map((p, i) => (
                  <li key={`${p.source}-${p.field}-${i}`}>
                    <span className={styles.mono}>{p.source}</span>
                    {p.classId && <> (class {p.classId})</>}:{' '}
                    <span className={styles.mono}>{p.field}</span> {p.message}
                  </li>
                ))}
              </ul>
            </>
          }
        />
      )}
      {rows.length === 0 ? (
        <Text as="p" color="secondary">
          No environment classes are defined. Add them to a class file listed in
          environments.classFiles, or under environments.classes in the
          app-config.
        </Text>
      ) : (
        <Table<ClassRow>
          columnConfig={COLUMNS}
          data={rows}
          pagination={{ type: 'none' }}
        />
      )}
      {classes.drivers.length > 0 && (
        <Text as="p" variant="body-small" color="secondary">
          Resource drivers: {classes.drivers.map(d => d.type).join(', ')}.
        </Text>
      )}
    </Flex>
  );
};
