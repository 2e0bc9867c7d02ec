import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
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
import { ConstraintCallout } from '../shared/ConstraintCallout';
import { DoraTiles } from '../shared/DoraTiles';
import { ErrorAlert } from '../shared/ErrorAlert';
import { useDeliveryMetrics } from '../shared/useDeliveryMetrics';
import { rootRouteRef } from '../../routes';

/** On a group's page: the team's DORA tiles and where its changes wait longest. */
export const TeamDeliveryCard = () => {
  const { entity } = useEntity();
  const team = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const { value, loading, error } = useDeliveryMetrics({ team });
  const page = useRouteRef(rootRouteRef)?.() ?? '/delivery';
  let body;
  if (error)
    body = <ErrorAlert action="Loading delivery metrics" error={error} />;
  else if (!value) body = loading ? <Progress /> : null;
  else
    body = (
      <Flex direction="column" gap="3">
        <ConstraintCallout metrics={value.metrics} showStages={false} />
        <DoraTiles
          dora={value.metrics.dora}
          reportYear={value.metrics.tiers.reportYear}
          windowDays={value.metrics.window.days}
        />
      </Flex>
    );
  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-small" weight="bold">
          Delivery
        </Text>
      </CardHeader>
      <CardBody>{body}</CardBody>
      <CardFooter>
        <Link href={`${page}?team=${encodeURIComponent(team)}`}>
          See this team's delivery dashboard
        </Link>
      </CardFooter>
    </Card>
  );
};
