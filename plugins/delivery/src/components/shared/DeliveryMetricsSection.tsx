import { Progress } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import { ConstraintCallout } from './ConstraintCallout';
import { DoraCharts } from './DoraCharts';
import { DoraTiles } from './DoraTiles';
import { ErrorAlert } from './ErrorAlert';
import { useDeliveryMetrics } from './useDeliveryMetrics';

/** DORA tiles, the binding constraint and 12 weeks of charts for a service, team or everyone. */
export const DeliveryMetricsSection = ({
  scope,
  title,
  refreshKey,
  showConstraint = true,
}: {
  scope: { service?: string; team?: string };
  title: string;
  refreshKey?: string;
  showConstraint?: boolean;
}) => {
  const { value, loading, error } = useDeliveryMetrics(scope, refreshKey);
  let body;
  if (error) body = <ErrorAlert action="Loading metrics" error={error} />;
  else if (!value) body = loading ? <Progress /> : null;
  else
    body = (
      <Flex direction="column" gap="4">
        {showConstraint && <ConstraintCallout metrics={value.metrics} />}
        <DoraTiles
          dora={value.metrics.dora}
          reportYear={value.metrics.tiers.reportYear}
          windowDays={value.metrics.window.days}
        />
        <DoraCharts series={value.series} />
        {!showConstraint && (
          <ConstraintCallout metrics={value.metrics} showStages={false} />
        )}
      </Flex>
    );
  return (
    <section aria-label={title}>
      <Flex direction="column" gap="3">
        <Text as="h2" variant="title-small" weight="bold">
          {title}
        </Text>
        {body}
      </Flex>
    </section>
  );
};
