import { useState } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Card, CardBody, CardHeader, Flex, Grid, Text } from '@backstage/ui';
import { useAsync } from '@internal/frontend-common';
import { readinessApiRef } from '../../api/readinessApiRef';
import { LevelBadge } from '../shared/LevelBadge';
import { narrowLevelNote } from '../shared/presentation';
import { CapabilityCard } from './CapabilityCard';
import { OpenedCheck } from './CheckRow';
import { FixFirstList } from './FixFirstList';
import { ReadinessTrendChart } from './ReadinessTrendChart';

/**
 * The Readiness tab: overall level, what to fix first (the server's list), trend, and the six
 * capabilities with their checks.
 */
export const EntityReadinessContent = () => {
  const { entity } = useEntity();
  const api = useApi(readinessApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(async () => {
    // The scorecard first: an entity never evaluated is evaluated by that call, and only
    // then does it have a history.
    const scorecard = await api.getScorecard(entityRef);
    const history = await api.getHistory(entityRef);
    return { scorecard, history };
  }, entityRef);

  const [opened, setOpened] = useState<OpenedCheck>();

  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const { scorecard, history } = value!;
  const note = narrowLevelNote(scorecard.scoredCapabilities);

  return (
    <Flex direction="column" gap="4">
      <Card>
        <CardHeader>
          <Flex justify="between" align="center">
            <Flex align="center" gap="2">
              <Text as="h2" variant="title-medium">
                Readiness
              </Text>
              <LevelBadge level={scorecard.overallLevel} />
              {note && (
                <Text variant="body-small" color="secondary">
                  · {note}
                </Text>
              )}
            </Flex>
            <Text variant="body-small" color="secondary">
              Evaluated {new Date(scorecard.evaluatedAt).toLocaleString()}
            </Text>
          </Flex>
          <FixFirstList
            fixFirst={scorecard.fixFirst}
            onOpenCheck={checkId =>
              setOpened(previous => ({
                checkId,
                request: (previous?.request ?? 0) + 1,
              }))
            }
          />
        </CardHeader>
        <CardBody>
          <ReadinessTrendChart changes={history.changes} />
        </CardBody>
      </Card>
      <Grid.Root columns={{ initial: '1', md: '2', lg: '3' }} gap="4">
        {scorecard.capabilities.map(capability => (
          <CapabilityCard
            key={capability.capability}
            capability={capability}
            opened={opened}
          />
        ))}
      </Grid.Root>
    </Flex>
  );
};
