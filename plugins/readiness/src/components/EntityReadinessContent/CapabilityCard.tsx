import { ScorecardResponse } from '@internal/plugin-readiness-common';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { LevelBadge } from '../shared/LevelBadge';
import { LEVEL_LABEL, scoreColor } from '../shared/presentation';
import { CheckRow } from './CheckRow';

type Capability = ScorecardResponse['capabilities'][number];

const ORDER = {
  fail: 0,
  error: 1,
  'missing-data': 2,
  warn: 3,
  pass: 4,
  'not-applicable': 5,
};

/** One capability: its score and level, what blocks the next level, and its checks (worst first). */
export const CapabilityCard = ({ capability }: { capability: Capability }) => {
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
          <Text
            variant="title-medium"
            weight="bold"
            aria-label={`${capability.title} score`}
            style={{ color: scoreColor(capability.score) }}
          >
            {capability.score === null ? 'n/a' : capability.score}
          </Text>
          <LevelBadge level={capability.level} />
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
            <CheckRow key={check.id} check={check} />
          ))}
      </CardBody>
    </Card>
  );
};
