import { ScorecardResponse } from '@internal/plugin-readiness-common';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { LevelBadge } from '../shared/LevelBadge';
import { LEVEL_LABEL, NOT_SCORED, scoreColor } from '../shared/presentation';
import { CheckRow, OpenedCheck } from './CheckRow';

type Capability = ScorecardResponse['capabilities'][number];

const ORDER = {
  fail: 0,
  error: 1,
  'missing-data': 2,
  warn: 3,
  pass: 4,
  'not-applicable': 5,
};

/**
 * One capability: its score and level (or "Not scored" where no check applies), what blocks
 * its next level, and its checks (worst first).
 */
export const CapabilityCard = ({
  capability,
  opened,
}: {
  capability: Capability;
  opened?: OpenedCheck;
}) => {
  const checks = [...capability.checks].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status],
  );
  return (
    <Card aria-label={capability.title}>
      <CardHeader>
        <Text as="h3" variant="title-small">
          {capability.title}
        </Text>
        <Flex align="center" gap="2" style={{ flexWrap: 'wrap', marginTop: 4 }}>
          {capability.score === null ? (
            <Text
              variant="title-small"
              color="secondary"
              aria-label={`${capability.title} score`}
            >
              {NOT_SCORED}
            </Text>
          ) : (
            <>
              <Text
                variant="title-medium"
                weight="bold"
                aria-label={`${capability.title} score`}
                style={{ color: scoreColor(capability.score) }}
              >
                {capability.score}
              </Text>
              <LevelBadge level={capability.level} />
            </>
          )}
          {capability.next && (
            <Text variant="body-small" color="secondary">
              {capability.next.failingChecks.length} check
              {capability.next.failingChecks.length === 1 ? '' : 's'} to{' '}
              {LEVEL_LABEL[capability.next.level]}
            </Text>
          )}
        </Flex>
        {capability.score === null && (
          <Text variant="body-small" color="secondary">
            No check of this capability applies to this entity.
          </Text>
        )}
      </CardHeader>
      <CardBody>
        {checks
          .filter(c => c.status !== 'not-applicable')
          .map(check => (
            <CheckRow key={check.id} check={check} opened={opened} />
          ))}
      </CardBody>
    </Card>
  );
};
