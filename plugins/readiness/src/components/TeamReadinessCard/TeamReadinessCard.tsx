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
import { capabilityTitle, scoreColor } from '../shared/presentation';
import { findConstraint, formatScore } from '../shared/constraint';
import { overviewPathForOwner } from '../shared/links';
import { CapabilityBars } from './CapabilityBars';
import { useTeamRollup } from './useTeamRollup';

/** On a group's page: how ready the team's entities are, and where the team is weakest. */
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
              The team's slowest stage: improve this first.
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
