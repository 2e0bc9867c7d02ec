import { ResponseErrorPanel } from '@backstage/core-components';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { Rollup } from '@internal/plugin-readiness-common';
import { capabilityTitle } from '../shared/presentation';
import { CapabilityTiles } from './CapabilityTiles';
import { findConstraint, formatScore } from '../shared/constraint';
import { AsyncState } from '@internal/frontend-common';

const HEADING_ID = 'readiness-constraint-heading';

/** "Where to invest first": the organisation's weakest capability, in context. */
export const ConstraintCallout = ({
  state,
}: {
  state: AsyncState<Rollup | undefined>;
}) => {
  const rollup = state.value;
  const constraint = findConstraint(rollup);

  let body;
  if (state.error) {
    body = <ResponseErrorPanel error={state.error} />;
  } else if (state.loading && !rollup) {
    body = <Text color="secondary">Loading the organisation's scores…</Text>;
  } else if (!rollup || !constraint) {
    body = (
      <Text color="secondary">
        Nothing is scored yet, so there is no constraint to call out.
      </Text>
    );
  } else {
    body = (
      <Flex direction="column" gap="3">
        <Text as="p" variant="body-large">
          The organisation's constraint is{' '}
          <strong>{capabilityTitle(constraint.capability)}</strong>, averaging{' '}
          <strong>{formatScore(constraint.averageScore)}/100</strong> across{' '}
          {rollup.entities} scored entities.
        </Text>
        <Text as="p" color="secondary">
          Delivery throughput is set by the slowest stage: improving any other
          capability first will not make teams faster.
        </Text>
        <CapabilityTiles rollup={rollup} constraint={constraint.capability} />
      </Flex>
    );
  }

  return (
    <section aria-labelledby={HEADING_ID}>
      <Card>
        <CardHeader>
          <Text as="h2" variant="title-small" weight="bold" id={HEADING_ID}>
            Where to invest first
          </Text>
        </CardHeader>
        <CardBody>{body}</CardBody>
      </Card>
    </section>
  );
};
