import { Button, Flex, Text } from '@backstage/ui';
import { OwnershipSummary } from '@internal/plugin-ownership-common';

const TILES: Array<{
  problem: string;
  label: string;
  count: (s: OwnershipSummary) => number;
}> = [
  { problem: 'orphaned', label: 'Orphaned', count: s => s.orphaned },
  { problem: 'team-of-one', label: 'Teams of one', count: s => s.teamsOfOne },
  {
    problem: 'oncall-missing',
    label: 'Without on-call',
    count: s => s.withoutOnCall,
  },
];

/** The three headline gaps; each one filters the page to what it counts. */
export const SummaryTiles = ({
  summary,
  selected,
  onSelect,
}: {
  summary: OwnershipSummary;
  selected?: string;
  onSelect: (problem: string | undefined) => void;
}) => (
  <Flex gap="3" align="center" style={{ flexWrap: 'wrap' }}>
    <Text variant="body-medium">
      {summary.entities} entities, {summary.teams} groups.
    </Text>
    {TILES.map(tile => (
      <Button
        key={tile.problem}
        variant={selected === tile.problem ? 'primary' : 'secondary'}
        onPress={() =>
          onSelect(selected === tile.problem ? undefined : tile.problem)
        }
        aria-pressed={selected === tile.problem}
      >
        {`${tile.label}: ${tile.count(summary)}`}
      </Button>
    ))}
  </Flex>
);
