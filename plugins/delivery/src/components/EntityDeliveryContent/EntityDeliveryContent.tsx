import { useState } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { Deployment } from '@internal/plugin-delivery-common';
import { ErrorAlert } from '../shared/ErrorAlert';
import { errorMessage } from '../shared/errors';
import { DeliveryMetricsSection } from '../shared/DeliveryMetricsSection';
import { DeployForm } from './DeployForm';
import { DeployHistory } from './DeployHistory';
import { DeployLog } from './DeployLog';
import { EnvironmentCard } from './EnvironmentCard';
import { FreezeOverrideField, overrideFor } from './FreezeOverrideField';
import { useDeployActions } from './useDeployActions';
import { useMyRefs } from './useMyRefs';
import { useServiceDelivery } from './useServiceDelivery';
import styles from './EntityDeliveryContent.module.css';

/** The component's Delivery tab: environments along its deploy path, deploys, history, DORA. */
export const EntityDeliveryContent = () => {
  const { entity } = useEntity();
  const service = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const delivery = useServiceDelivery(service);
  const me = useMyRefs();
  const [selectedId, setSelectedId] = useState<string>();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const actions = useDeployActions(service, started => {
    setSelectedId(started.id);
    delivery.refresh();
  });

  if (!delivery.loaded) return <Progress />;
  if (delivery.error)
    return <ErrorAlert action="Loading delivery" error={delivery.error} />;
  const envs = delivery.environments!;
  // The platform team overrides freezes and approves held deploys (Runway's policy).
  const canOverride =
    !!envs.platformTeam && me.ownership.includes(envs.platformTeam);
  const byName = (name: string) => envs.environments.find(e => e.name === name);
  const reason = (name: string) => overrideFor(byName(name), reasons[name]);
  const overrideField = (name: string) => {
    const environment = byName(name);
    return environment ? (
      <FreezeOverrideField
        environment={environment}
        platformTeam={envs.platformTeam}
        canOverride={canOverride}
        value={reasons[name] ?? ''}
        onChange={v => setReasons(r => ({ ...r, [name]: v }))}
      />
    ) : null;
  };
  const selected: Deployment | undefined =
    delivery.deployments.find(d => d.id === selectedId) ??
    envs.environments.find(e => e.active?.id === selectedId)?.active;
  // Versions deployed anywhere change the DORA tiles; re-read them when a deploy ends.
  const finished = delivery.deployments.filter(d => d.finishedAt).length;
  const lastFinished = delivery.deployments.find(d => d.finishedAt)?.id ?? '';

  return (
    <Flex direction="column" gap="6">
      {delivery.stale && (
        <Text as="p" variant="body-small" color="warning">
          Could not refresh: {errorMessage(delivery.stale)}. Showing what was
          last read.
        </Text>
      )}
      {actions.failure && (
        <ErrorAlert
          action={actions.failure.action}
          error={actions.failure.error}
        />
      )}
      <section aria-label="Environments">
        <Flex direction="column" gap="2">
          <Text as="h2" variant="title-small" weight="bold">
            Environments
          </Text>
          <Text as="p" variant="body-small" color="secondary">
            {envs.pathFromAnnotation
              ? `Deploy path: ${envs.deployPath.join(' → ')}`
              : `No runway.dev/deploy-path annotation: every configured environment (${envs.deployPath.join(
                  ', ',
                )}).`}
          </Text>
          <div className={styles.environments}>
            {envs.environments.map((environment, i) => {
              const next = envs.pathFromAnnotation
                ? envs.environments[i + 1]
                : undefined;
              return (
                <EnvironmentCard
                  key={environment.name}
                  environment={environment}
                  next={next}
                  platformTeam={envs.platformTeam}
                  userRef={me.userRef}
                  busy={!!actions.busy}
                  onPromote={() =>
                    next && actions.promote(environment.name, reason(next.name))
                  }
                  onRollback={() =>
                    actions.rollback(environment.name, reason(environment.name))
                  }
                  onApprove={d => actions.approve(d.id)}
                  mayApprove={canOverride}
                  onShowLog={d => setSelectedId(d.id)}
                >
                  {overrideField(environment.name)}
                </EnvironmentCard>
              );
            })}
          </div>
        </Flex>
      </section>

      <Card>
        <CardHeader>
          <Text as="h2" variant="title-small" weight="bold">
            Deploy
          </Text>
        </CardHeader>
        <CardBody>
          <DeployForm
            environments={envs.environments}
            versions={delivery.versions}
            busy={!!actions.busy}
            overrideField={e => overrideField(e.name)}
            onDeploy={(environment, version) =>
              actions.deploy(environment, version, reason(environment))
            }
          />
        </CardBody>
      </Card>

      {selected && (
        <Card aria-label="Live log">
          <CardBody>
            <DeployLog deployment={selected} />
          </CardBody>
        </Card>
      )}

      <section aria-label="Deploy history">
        <Flex direction="column" gap="2">
          <Text as="h2" variant="title-small" weight="bold">
            History
          </Text>
          <DeployHistory
            deployments={delivery.deployments}
            onShowLog={d => setSelectedId(d.id)}
          />
        </Flex>
      </section>

      <DeliveryMetricsSection
        scope={{ service }}
        title="DORA metrics of this service"
        refreshKey={`${finished}:${lastFinished}`}
        showConstraint={false}
      />
    </Flex>
  );
};
