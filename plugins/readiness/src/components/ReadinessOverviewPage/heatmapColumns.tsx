import {
  Badge,
  Cell,
  CellText,
  Column,
  ColumnConfig,
  Link,
} from '@backstage/ui';
import {
  AchievedLevel,
  CAPABILITIES,
  CapabilityId,
  OverviewRow,
} from '@internal/plugin-readiness-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { LEVEL_COLOR, LEVEL_LABEL, scoreColor } from '../shared/presentation';
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

/** The score on its colour; links to the entity's Readiness tab to see why. */
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
        textDecoration: 'none',
        background: scoreColor(score),
        color: score === null ? '#616161' : '#ffffff',
      }}
    >
      {formatScore(score)}
    </Link>
  );
};

/** Entity, owner, level, then one column per capability, titled as the capability. */
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
    width: 90,
    cell: row => (
      <Cell>
        <LevelBadge level={row.overallLevel} />
      </Cell>
    ),
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
