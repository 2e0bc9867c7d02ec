import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { EnvironmentResponse } from '@internal/plugin-environments-common';
import { Expiry } from '../shared/Expiry';
import { isEnded } from '../shared/presentation';
import { StatusBadge } from '../shared/StatusBadge';
import { formatDateTime } from '../shared/time';
import { LifecycleStep } from './lifecycle';
import { LifecycleSteps } from './LifecycleSteps';

/** The status, why it is so, the time left, and the lifecycle as steps. */
export const StatusCard = ({
  environment: env,
  steps,
  now,
}: {
  environment: EnvironmentResponse;
  steps: LifecycleStep[];
  now: number;
}) => (
  <Card>
    <CardHeader>
      <Flex justify="between" align="center" gap="3">
        <Flex align="center" gap="3">
          <StatusBadge status={env.status} />
          {env.statusMessage && (
            <Text as="span" variant="body-small">
              {env.statusMessage}
            </Text>
          )}
        </Flex>
        {!isEnded(env.status) && (
          <Text as="span" variant="body-small">
            Expires{' '}
            <Expiry expiresAt={env.expiresAt} status={env.status} now={now} />{' '}
            <Text as="span" variant="body-small" color="secondary">
              ({formatDateTime(env.expiresAt)})
            </Text>
          </Text>
        )}
      </Flex>
    </CardHeader>
    <CardBody>
      <LifecycleSteps steps={steps} />
    </CardBody>
  </Card>
);
