import { Flex, Text } from '@backstage/ui';
import {
  AchievedLevel,
  CAPABILITIES,
  Rollup,
} from '@internal/plugin-readiness-common';
import { LEVEL_COLOR, LEVEL_LABEL, NOT_SCORED } from '../shared/presentation';
import { ScoreBar } from '../shared/ScoreBar';
import { formatScore } from '../shared/constraint';

const LEVELS_HIGH_FIRST: AchievedLevel[] = ['gold', 'silver', 'bronze', 'none'];

/** Each capability's average score as a bar, with how many entities reach each level. */
export const CapabilityBars = ({
  rollup,
  weakest,
}: {
  rollup: Rollup;
  weakest?: string;
}) => (
  <Flex direction="column" gap="3">
    {CAPABILITIES.map(capability => {
      const stats = rollup.capabilities.find(
        c => c.capability === capability.id,
      );
      const average = stats?.averageScore ?? null;
      return (
        <div key={capability.id} data-testid={`capability-${capability.id}`}>
          <Flex justify="between" align="baseline">
            <Text
              variant="body-small"
              weight={capability.id === weakest ? 'bold' : 'regular'}
            >
              {capability.title}
            </Text>
            <Text variant="body-small" weight="bold">
              {average === null ? NOT_SCORED : `${formatScore(average)}/100`}
            </Text>
          </Flex>
          <ScoreBar score={average} />
          {stats && average !== null && (
            <Text as="p" variant="body-x-small" color="secondary">
              {LEVELS_HIGH_FIRST.map(level => (
                <span key={level} style={{ marginRight: 8 }}>
                  <span
                    aria-hidden
                    style={{
                      display: 'inline-block',
                      width: 8,
                      height: 8,
                      marginRight: 3,
                      borderRadius: '50%',
                      background: LEVEL_COLOR[level],
                    }}
                  />
                  {LEVEL_LABEL[level]} {stats.levels[level] ?? 0}
                </span>
              ))}
            </Text>
          )}
        </div>
      );
    })}
  </Flex>
);
