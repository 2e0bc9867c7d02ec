import {
  Badge,
  Cell,
  CellText,
  Column,
  ColumnConfig,
  Link,
  Text,
} from '@backstage/ui';
import {
  AchievedLevel,
  CAPABILITIES,
  CapabilityId,
  OverviewRow,
} from '@internal/plugin-readiness-common';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  capabilityTitle,
  checkAnchor,
  LEVEL_COLOR,
  LEVEL_LABEL,
  narrowLevelNote,
  scoreColor,
} from '../shared/presentation';
import { formatScore } from '../shared/constraint';
import { entityPath, readinessTabPath, shortRef } from '../shared/links';

export type HeatmapItem = OverviewRow & { id: string };

function displayName(entityRef: string) {
  try {
    return parseEntityRef(entityRef).name;
  } catch {
    return entityRef;
  }
}

export const LevelBadge = ({ level }: { level: AchievedLevel }) => (
  <Badge
    style={{
      background: LEVEL_COLOR[level],
      color: level === 'none' ? '#212121' : '#ffffff',
    }}
  >
    {LEVEL_LABEL[level]}
  </Badge>
);

/** The overall level, saying so when it rests on fewer than two scored capabilities. */
const LevelCell = ({ row }: { row: OverviewRow }) => {
  const note = narrowLevelNote(row.scoredCapabilities);
  return (
    <Cell>
      <LevelBadge level={row.overallLevel} />
      {note && (
        <Text
          as="p"
          variant="body-x-small"
          color="secondary"
          style={{ marginTop: 2 }}
        >
          {note}
        </Text>
      )}
    </Cell>
  );
};

/** The first check the server lists to fix, and how many block the next level. */
const FixFirstCell = ({ row }: { row: OverviewRow }) => {
  const { level, blockingChecks, first } = row.fixFirst;
  if (first && level) {
    return (
      <CellText
        title={first.title}
        href={`${readinessTabPath(row.entityRef)}#${checkAnchor(first.id)}`}
        description={[
          capabilityTitle(first.capability),
          `${
            blockingChecks === 1
              ? '1 check blocks'
              : `${blockingChecks} checks block`
          } ${LEVEL_LABEL[level]}`,
        ].join(' · ')}
      />
    );
  }
  let text = 'Not evaluated yet';
  if (row.overallLevel === 'gold') text = 'Nothing: Gold';
  else if (level) text = 'Nothing scored';
  return <CellText title={text} color="secondary" />;
};

/** The score on its colour ("Not scored" where no check applies); links to the entity's
 *  Readiness tab to see why. */
const ScoreCell = ({
  row,
  capability,
}: {
  row: OverviewRow;
  capability: CapabilityId;
}) => {
  const score = row.scores[capability]?.score ?? null;
  return (
    <Link
      href={readinessTabPath(row.entityRef)}
      aria-label={`${row.title ?? displayName(row.entityRef)}: ${
        CAPABILITIES.find(c => c.id === capability)?.title
      } ${formatScore(score)}`}
      style={{
        display: 'block',
        minWidth: 48,
        padding: '6px 8px',
        borderRadius: 4,
        textAlign: 'center',
        fontWeight: 600,
        fontSize: score === null ? 11 : undefined,
        textDecoration: 'none',
        background: scoreColor(score),
        color: score === null ? '#616161' : '#ffffff',
      }}
    >
      {formatScore(score)}
    </Link>
  );
};

/** Entity, owner, level, what to fix first, then one column per capability, titled as it. */
export const COLUMNS: ColumnConfig<HeatmapItem>[] = [
  {
    id: 'name',
    label: 'Entity',
    isRowHeader: true,
    isSortable: true,
    minWidth: 170,
    cell: row => (
      <CellText
        title={row.title ?? displayName(row.entityRef)}
        description={[row.kind, row.lifecycle].filter(Boolean).join(' · ')}
        href={entityPath(row.entityRef)}
      />
    ),
  },
  {
    id: 'owner',
    label: 'Owner',
    minWidth: 120,
    cell: row =>
      row.owner ? (
        <CellText title={shortRef(row.owner)} href={entityPath(row.owner)} />
      ) : (
        <CellText title="No owner" color="secondary" />
      ),
  },
  {
    id: 'level',
    label: 'Level',
    isSortable: true,
    minWidth: 90,
    cell: row => <LevelCell row={row} />,
  },
  {
    id: 'fixFirst',
    label: 'Fix first',
    minWidth: 200,
    cell: row => <FixFirstCell row={row} />,
  },
  ...CAPABILITIES.map(
    (capability): ColumnConfig<HeatmapItem> => ({
      id: capability.id,
      label: capability.title,
      isSortable: true,
      minWidth: 120,
      // The titles are long: let them wrap rather than truncate to "Self-se…".
      header: () => (
        <Column
          id={capability.id}
          allowsSorting
          minWidth={120}
          textValue={capability.title}
        >
          <span
            title={capability.ready}
            style={{
              display: 'block',
              whiteSpace: 'normal',
              fontSize: 11,
              lineHeight: 1.25,
            }}
          >
            {capability.title}
          </span>
        </Column>
      ),
      cell: row => (
        <Cell>
          <ScoreCell row={row} capability={capability.id} />
        </Cell>
      ),
    }),
  ),
];
