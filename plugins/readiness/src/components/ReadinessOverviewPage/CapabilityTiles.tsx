import { CAPABILITIES, Rollup } from '@internal/plugin-readiness-common';
import { Grid, Text } from '@backstage/ui';
import { scoreColor } from '../shared/presentation';
import { formatScore } from '../shared/constraint';
import { ScoreBar } from '../shared/ScoreBar';

/** The six capabilities' average scores side by side, the constraint outlined. */
export const CapabilityTiles = ({
  rollup,
  constraint,
}: {
  rollup: Rollup;
  constraint?: string;
}) => (
  <Grid.Root columns={{ initial: '2', md: '3', lg: '6' }} gap="3">
    {CAPABILITIES.map(capability => {
      const average =
        rollup.capabilities.find(c => c.capability === capability.id)
          ?.averageScore ?? null;
      const isConstraint = capability.id === constraint;
      return (
        <div
          key={capability.id}
          data-testid={`capability-tile-${capability.id}`}
          title={capability.ready}
          style={{
            padding: 'var(--bui-space-3, 12px)',
            borderRadius: 'var(--bui-radius-3, 8px)',
            border: isConstraint
              ? `2px solid ${scoreColor(average)}`
              : '1px solid var(--bui-border-1, #d9d9d9)',
          }}
        >
          <Text as="p" variant="body-small" color="secondary">
            {capability.title}
          </Text>
          <Text as="p" variant="title-small" weight="bold">
            {formatScore(average)}
            {average !== null && (
              <Text as="span" variant="body-small" color="secondary">
                /100
              </Text>
            )}
          </Text>
          <ScoreBar score={average} />
          {isConstraint && (
            <Text as="p" variant="body-x-small" color="danger" weight="bold">
              Constraint
            </Text>
          )}
        </div>
      );
    })}
  </Grid.Root>
);
