import { ReactNode, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Grid,
  Header,
  Text,
} from '@backstage/ui';
import {
  AuditResponse,
  EnvironmentResponse,
} from '@internal/plugin-environments-common';
import { environmentsApiRef } from '../../api/environmentsApiRef';
import { ErrorAlert } from '../shared/ErrorAlert';
import { shortRef } from '../shared/links';
import { EXTENDABLE_STATUSES, TEARDOWN_STATUSES } from '../shared/presentation';
import { RejectDialog } from '../shared/RejectDialog';
import { AsyncState, useAsync } from '@internal/frontend-common';
import { useNow } from '../shared/useNow';
import { AuditTrail } from './AuditTrail';
import { DetailsList } from './DetailsList';
import { EnvironmentUnavailable } from './EnvironmentUnavailable';
import { ExtendDialog } from './ExtendDialog';
import { lifecycleSteps } from './lifecycle';
import { LiveLog } from './LiveLog';
import { ResourcesSection } from './ResourcesSection';
import { StatusCard } from './StatusCard';
import { TeardownDialog } from './TeardownDialog';
import { useEnvironmentActions } from './useEnvironmentActions';
import { LiveEvents, useLiveEvents } from './useLiveEvents';

type DialogName = 'extend' | 'teardown' | 'reject';

/** `Preview environment for payments-api, owned by payments-team`. */
function describe(env: EnvironmentResponse, classTitle?: string) {
  const what = classTitle ?? `${env.className} environment`;
  const forWhat = env.component ? ` for ${shortRef(env.component)}` : '';
  return `${what}${forWhat}, owned by ${shortRef(env.owner)}`;
}

const Section = ({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) => (
  <Card>
    <CardHeader>
      <Text as="h2" variant="title-small">
        {title}
      </Text>
    </CardHeader>
    <CardBody>{children}</CardBody>
  </Card>
);

/** The environment once it is loaded: header with the actions, status, resources, log, audit. */
const EnvironmentView = ({
  env,
  live,
  audit,
  reload,
}: {
  env: EnvironmentResponse;
  live: LiveEvents;
  audit: AsyncState<AuditResponse>;
  reload: () => void;
}) => {
  const api = useApi(environmentsApiRef);
  const classes = useAsync(() => api.listClasses(), 'classes');
  const now = useNow(15_000);
  const [dialog, setDialog] = useState<DialogName>();
  const actions = useEnvironmentActions(env, reload);
  const environmentClass = classes.value?.classes.find(
    c => c.id === env.className,
  );
  const mayAct = env.viewer.isOwner || env.viewer.isPlatformTeam;
  const steps = lifecycleSteps({
    status: env.status,
    createdAt: env.createdAt,
    events: live.events,
    eventsLoaded: live.loaded,
    approvalRequired:
      environmentClass?.approval.required ?? Boolean(env.approval),
  });
  const dialogProps = (name: DialogName) => ({
    isOpen: dialog === name,
    onOpenChange: (open: boolean) => setDialog(open ? name : undefined),
  });

  return (
    <>
      <Header
        title={env.name}
        description={describe(env, environmentClass?.title)}
        customActions={
          <>
            {env.viewer.isPlatformTeam &&
              env.status === 'awaiting-approval' && (
                <>
                  <Button
                    variant="primary"
                    isPending={actions.approving}
                    onPress={actions.approve}
                  >
                    Approve
                  </Button>
                  <Button
                    variant="secondary"
                    onPress={() => setDialog('reject')}
                  >
                    Reject
                  </Button>
                </>
              )}
            {mayAct && EXTENDABLE_STATUSES.includes(env.status) && (
              <Button variant="secondary" onPress={() => setDialog('extend')}>
                Extend
              </Button>
            )}
            {mayAct && TEARDOWN_STATUSES.includes(env.status) && (
              <Button
                variant="secondary"
                destructive
                onPress={() => setDialog('teardown')}
              >
                {env.status === 'awaiting-approval'
                  ? 'Withdraw request'
                  : 'Tear down'}
              </Button>
            )}
          </>
        }
      />
      <Container my="4">
        <Flex direction="column" gap="4">
          {actions.approveError !== undefined && (
            <ErrorAlert
              title="Could not approve the request"
              error={actions.approveError}
            />
          )}
          <StatusCard environment={env} steps={steps} now={now} />
          <Grid.Root columns={{ initial: '1', md: '3' }} gap="4">
            <Grid.Item colSpan={{ initial: '1', md: '2' }}>
              <Flex direction="column" gap="3">
                <Text as="h2" variant="title-small">
                  Resources
                </Text>
                <ResourcesSection environment={env} />
              </Flex>
            </Grid.Item>
            <Grid.Item>
              <Section title="Details">
                <DetailsList environment={env} />
              </Section>
            </Grid.Item>
          </Grid.Root>
          <Section title="Log">
            <LiveLog live={live} />
          </Section>
          <Section title="Audit trail">
            {audit.error && (
              <ErrorAlert
                title="Could not load the audit trail"
                error={audit.error}
              />
            )}
            {!audit.error && !audit.value && <Progress />}
            {audit.value && <AuditTrail records={audit.value.records} />}
          </Section>
        </Flex>
      </Container>
      <ExtendDialog
        environment={env}
        environmentClass={environmentClass}
        onExtend={actions.extend}
        {...dialogProps('extend')}
      />
      <TeardownDialog
        environment={env}
        onTeardown={actions.teardown}
        {...dialogProps('teardown')}
      />
      <RejectDialog
        environment={env}
        onReject={actions.reject}
        {...dialogProps('reject')}
      />
    </>
  );
};

/** Loads one environment and follows it: new log lines re-read the record and the audit. */
const FollowedEnvironment = ({ id }: { id: string }) => {
  const api = useApi(environmentsApiRef);
  const environment = useAsync(() => api.getEnvironment(id), id);
  const audit = useAsync(() => api.getEnvironmentAudit(id), id);
  const live = useLiveEvents(id);

  // New log lines mean resources moved on: read the record again (outputs, secrets, status),
  // and the audit trail when the status changed.
  const { reload: reloadEnvironment } = environment;
  const { reload: reloadAudit } = audit;
  const seen = useRef<{ lines: number; status?: string }>();
  useEffect(() => {
    if (!live.loaded) return;
    const before = seen.current;
    seen.current = { lines: live.events.length, status: live.status };
    if (!before) return;
    if (live.events.length > before.lines) reloadEnvironment();
    if (live.status !== before.status) reloadAudit();
  }, [
    live.loaded,
    live.events.length,
    live.status,
    reloadEnvironment,
    reloadAudit,
  ]);

  if (environment.error && !environment.value) {
    return <EnvironmentUnavailable error={environment.error} />;
  }
  if (!environment.value) return <Progress />;
  return (
    <>
      {environment.error && (
        <ErrorAlert
          title="Could not refresh the environment"
          error={environment.error}
        />
      )}
      <EnvironmentView
        env={environment.value}
        live={live}
        audit={audit}
        reload={() => {
          reloadEnvironment();
          reloadAudit();
          live.refresh();
        }}
      />
    </>
  );
};

/** One environment: where it is in its lifecycle, what it holds, its log and its history. */
export const EnvironmentPage = () => {
  const { id } = useParams();
  return id ? <FollowedEnvironment key={id} id={id} /> : null;
};
