import {
  Button,
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  Flex,
  Text,
} from '@backstage/ui';
import {
  Deployment,
  ServiceEnvironment,
} from '@internal/plugin-delivery-common';
import { formatWhen, shortRef } from '../shared/format';
import { StatusBadge } from '../shared/StatusBadge';

const ActiveDeploy = ({
  deployment,
  platformTeam,
  userRef,
  busy,
  onApprove,
  onShowLog,
  mayApprove,
}: {
  deployment: Deployment;
  platformTeam?: string;
  userRef?: string;
  busy: boolean;
  onApprove: (deployment: Deployment) => void;
  onShowLog: (deployment: Deployment) => void;
  /** The viewer is in the platform team, who approve held deploys (Runway's policy). */
  mayApprove: boolean;
}) => {
  const waiting = deployment.status === 'awaiting-approval';
  const mine = userRef !== undefined && deployment.triggeredBy === userRef;
  return (
    <Flex direction="column" gap="1" aria-label="Deploy in progress">
      <Flex gap="2" align="center">
        <StatusBadge status={deployment.status} />
        <Text as="span" variant="body-small">
          {deployment.version}
        </Text>
      </Flex>
      {waiting && (
        <>
          <Text as="p" variant="body-small">
            {deployment.approval?.reason}
          </Text>
          <Text as="p" variant="body-x-small" color="secondary">
            Who may approve: a member of{' '}
            {shortRef(platformTeam) || 'the platform team'} other than{' '}
            {shortRef(deployment.triggeredBy)}, who asked for it.
          </Text>
        </>
      )}
      <Flex gap="2">
        {waiting && mayApprove && !mine && (
          <Button
            size="small"
            variant="primary"
            isDisabled={busy}
            onPress={() => onApprove(deployment)}
          >
            Approve
          </Button>
        )}
        <Button
          size="small"
          variant="tertiary"
          onPress={() => onShowLog(deployment)}
        >
          Live log
        </Button>
      </Flex>
    </Flex>
  );
};

/** One environment of the deploy path: what runs there, what is deploying, and its buttons. */
export const EnvironmentCard = ({
  environment,
  next,
  platformTeam,
  userRef,
  busy,
  onPromote,
  onRollback,
  onApprove,
  onShowLog,
  children,
  mayApprove,
}: {
  environment: ServiceEnvironment;
  /** The next environment on the path, if any (the promotion target). */
  next?: ServiceEnvironment;
  platformTeam?: string;
  userRef?: string;
  busy: boolean;
  onPromote: () => void;
  onRollback: () => void;
  onApprove: (deployment: Deployment) => void;
  onShowLog: (deployment: Deployment) => void;
  /** The freeze override field, when the environment is frozen. */
  children?: React.ReactNode;
  mayApprove: boolean;
}) => {
  const { current, active } = environment;
  return (
    <Card aria-label={`Environment ${environment.name}`}>
      <CardHeader>
        <Flex justify="between" align="center">
          <Text as="h3" variant="title-x-small" weight="bold">
            {environment.name}
          </Text>
          <Text as="span" variant="body-x-small" color="secondary">
            {environment.tier ?? 'not configured'}
          </Text>
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="2">
          {current ? (
            <div>
              <Text as="p" variant="body-small" color="secondary">
                Running
              </Text>
              <Text as="p" variant="title-small" weight="bold">
                {current.version}
              </Text>
              <Text as="p" variant="body-x-small" color="secondary">
                since {formatWhen(current.finishedAt)}
                {current.triggeredBy
                  ? ` by ${shortRef(current.triggeredBy)}`
                  : ' (reported by CI/CD)'}
              </Text>
            </div>
          ) : (
            <Text as="p" color="secondary">
              Nothing deployed yet
            </Text>
          )}
          {!environment.configured && (
            <Text as="p" variant="body-small" color="warning">
              Not a configured delivery environment: deploys here are refused.
            </Text>
          )}
          {active && (
            <ActiveDeploy
              deployment={active}
              platformTeam={platformTeam}
              userRef={userRef}
              busy={busy}
              onApprove={onApprove}
              onShowLog={onShowLog}
              mayApprove={mayApprove}
            />
          )}
          {children}
        </Flex>
      </CardBody>
      <CardFooter>
        <Flex gap="2" style={{ flexWrap: 'wrap' }}>
          {next && (
            <Button
              size="small"
              variant="primary"
              isDisabled={busy || !current || !next.configured}
              onPress={onPromote}
            >
              Promote to {next.name}
            </Button>
          )}
          <Button
            size="small"
            variant="secondary"
            isDisabled={busy || !current}
            onPress={onRollback}
          >
            Roll back {environment.name}
          </Button>
        </Flex>
      </CardFooter>
    </Card>
  );
};
