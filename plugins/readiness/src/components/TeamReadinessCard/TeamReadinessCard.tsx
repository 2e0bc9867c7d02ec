import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  Flex,
  Link,
  Text,
} from '@backstage/ui';
import {
  capabilityTitle,
  LEVEL_LABEL,
  scoreColor,
  STATUS_COLOR,
} from '../shared/presentation';
import { findConstraint, formatScore } from '../shared/constraint';
import { overviewPathForOwner } from '../shared/links';
import { CapabilityBars } from './CapabilityBars';
import { useTeamRollup } from './useTeamRollup';

/**
 * On a group's page: how ready the team's entities are, the check first to fix for most of them
 * (from the server, the same list each entity's tab shows), and where the team is weakest.
 */
export const TeamReadinessCard = () => {
  const { entity } = useEntity();
  const ownerRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const { value: rollup, loading, error } = useTeamRollup(ownerRef);

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (loading && !rollup) {
    body = <Progress />;
  } else if (!rollup || rollup.entities === 0) {
    body = (
      <Text as="p" color="secondary">
        This team owns no scored entities yet.
      </Text>
    );
  } else {
    const weakest = findConstraint(rollup);
    body = (
      <Flex direction="column" gap="4">
        <Text as="p">
          {rollup.entities === 1
            ? '1 scored entity'
            : `${rollup.entities} scored entities`}
        </Text>
        {rollup.fixFirst && (
          <div
            aria-label="Fix first"
            style={{
              padding: 'var(--bui-space-3, 12px)',
              borderLeft: `4px solid ${STATUS_COLOR.fail}`,
              background: 'var(--bui-bg-neutral-2, #f5f5f5)',
            }}
          >
            <Text as="p" weight="bold">
              Fix first: {rollup.fixFirst.title}
            </Text>
            <Text as="p" variant="body-small" color="secondary">
              {capabilityTitle(rollup.fixFirst.capability)} · first to fix for{' '}
              {rollup.fixFirst.entities} of {rollup.entities}{' '}
              {rollup.entities === 1 ? 'entity' : 'entities'}, on the way to{' '}
              {LEVEL_LABEL[rollup.fixFirst.level]}
            </Text>
          </div>
        )}
        {weakest && (
          <div
            style={{
              padding: 'var(--bui-space-3, 12px)',
              borderLeft: `4px solid ${scoreColor(weakest.averageScore)}`,
              background: 'var(--bui-bg-neutral-2, #f5f5f5)',
            }}
          >
            <Text as="p" weight="bold">
              Weakest: {capabilityTitle(weakest.capability)},{' '}
              {formatScore(weakest.averageScore)}/100
            </Text>
            <Text as="p" variant="body-small" color="secondary">
              The lowest average score across the team's entities.
            </Text>
          </div>
        )}
        <CapabilityBars rollup={rollup} weakest={weakest?.capability} />
      </Flex>
    );
  }

  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-small" weight="bold">
          Readiness
        </Text>
      </CardHeader>
      <CardBody>{body}</CardBody>
      {rollup && rollup.entities > 0 && (
        <CardFooter>
          <Link href={overviewPathForOwner(ownerRef)}>
            See this team's entities in the readiness overview
          </Link>
        </CardFooter>
      )}
    </Card>
  );
};
