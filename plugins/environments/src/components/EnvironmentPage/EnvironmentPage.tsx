import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Progress } from '@backstage/core-components';
import { toastApiRef, useApi } from '@backstage/frontend-plugin-api';
import {
  Button,
  ButtonLink,
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
  EnvironmentClass,
  EnvironmentResponse,
} from '@internal/plugin-environments-common';
import { environmentsApiRef } from '../../api/environmentsApiRef';
import { EmptyState } from '../shared/EmptyState';
import { ErrorAlert } from '../shared/ErrorAlert';
import { errorStatus } from '../shared/errors';
import { Expiry } from '../shared/Expiry';
import {
  EXTENDABLE_STATUSES,
  isEnded,
  TEARDOWN_STATUSES,
} from '../shared/presentation';
import { RejectDialog } from '../shared/RejectDialog';
import { StatusBadge } from '../shared/StatusBadge';
import { formatDateTime } from '../shared/time';
import { useAsync } from '../shared/useAsync';
import { useEnvironmentLinks } from '../shared/useEnvironmentLinks';
import { useNow } from '../shared/useNow';
import { AuditTrail } from './AuditTrail';
import { DetailsList } from './DetailsList';
import { ExtendDialog } from './ExtendDialog';
import { lifecycleSteps } from './lifecycle';
import { LifecycleSteps } from './LifecycleSteps';
import { LiveLog } from './LiveLog';
import { ResourcesSection } from './ResourcesSection';
import { TeardownDialog } from './TeardownDialog';
import { useLiveEvents } from './useLiveEvents';

type DialogName = 'extend' | 'teardown' | 'reject';

const EnvironmentView = ({ id }: { id: string }) => {
  const api = useApi(environmentsApiRef);
  const toastApi = useApi(toastApiRef);
  const links = useEnvironmentLinks();
  const environment = useAsync(() => api.getEnvironment(id), id);
  const audit = useAsync(() => api.getEnvironmentAudit(id), id);
  const classes = useAsync(() => api.listClasses(), 'classes');
  const live = useLiveEvents(id);
  const now = useNow(15_000);
  const [dialog, setDialog] = useState<DialogName>();
  const [actionError, setActionError] = useState<{
    title: string;
    error: unknown;
  }>();
  const [approving, setApproving] = useState(false);

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
    return (
      <>
        <Header title="Environment" />
        <Container my="4">
          {errorStatus(environment.error) === 404 ? (
            <EmptyState
              title="This environment does not exist"
              action={
                links.list && (
                  <ButtonLink href={links.list} variant="secondary">
                    All environments
                  </ButtonLink>
                )
              }
            >
              It may have been mistyped, or the link is to another portal.
            </EmptyState>
          ) : (
            <ErrorAlert
              title="Could not load the environment"
              error={environment.error}
            />
          )}
        </Container>
      </>
    );
  }
  if (!environment.value) return <Progress />;

  const env: EnvironmentResponse = environment.value;
  const environmentClass: EnvironmentClass | undefined =
    classes.value?.classes.find(c => c.id === env.className);
  const mayAct = env.viewer.isOwner || env.viewer.isPlatformTeam;
  const afterAction = () => {
    reloadEnvironment();
    reloadAudit();
    live.refresh();
  };

  const extend = async (hours: number) => {
    const updated = await api.extendEnvironment(id, hours);
    toastApi.post({
      title: `${env.name} now expires ${formatDateTime(updated.expiresAt)}`,
      status: 'success',
      timeout: 5000,
    });
    afterAction();
  };
  const teardown = async (reason?: string) => {
    const updated = await api.teardownEnvironment(id, reason);
    toastApi.post({
      title:
        updated.status === 'torn-down'
          ? `The request for ${env.name} is withdrawn`
          : `Tearing ${env.name} down`,
      status: 'success',
      timeout: 5000,
    });
    afterAction();
  };
  const approve = async () => {
    setApproving(true);
    setActionError(undefined);
    try {
      await api.approveEnvironment(id);
      toastApi.post({
        title: `Approved ${env.name}; provisioning`,
        status: 'success',
        timeout: 5000,
      });
      afterAction();
    } catch (error) {
      setActionError({ title: 'Could not approve the request', error });
    } finally {
      setApproving(false);
    }
  };
  const reject = async (reason: string) => {
    await api.rejectEnvironment(id, reason);
    afterAction();
  };

  const steps = lifecycleSteps({
    status: env.status,
    createdAt: env.createdAt,
    events: live.events,
    eventsLoaded: live.loaded,
    approvalRequired:
      environmentClass?.approval.required ?? Boolean(env.approval),
  });

  return (
    <>
      <Header
        title={env.name}
        description={`${environmentClass?.title ?? env.className} environment`}
        customActions={
          <>
            {env.viewer.isPlatformTeam &&
              env.status === 'awaiting-approval' && (
                <>
                  <Button
                    variant="primary"
                    isPending={approving}
                    onPress={approve}
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
          {actionError && (
            <ErrorAlert title={actionError.title} error={actionError.error} />
          )}
          {environment.error && (
            <ErrorAlert
              title="Could not refresh the environment"
              error={environment.error}
            />
          )}
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
                    <Expiry
                      expiresAt={env.expiresAt}
                      status={env.status}
                      now={now}
                    />{' '}
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
              <Card>
                <CardHeader>
                  <Text as="h2" variant="title-small">
                    Details
                  </Text>
                </CardHeader>
                <CardBody>
                  <DetailsList environment={env} />
                </CardBody>
              </Card>
            </Grid.Item>
          </Grid.Root>
          <Card>
            <CardHeader>
              <Text as="h2" variant="title-small">
                Log
              </Text>
            </CardHeader>
            <CardBody>
              <LiveLog live={live} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <Text as="h2" variant="title-small">
                Audit trail
              </Text>
            </CardHeader>
            <CardBody>
              {audit.error && (
                <ErrorAlert
                  title="Could not load the audit trail"
                  error={audit.error}
                />
              )}
              {!audit.error && !audit.value && <Progress />}
              {audit.value && <AuditTrail records={audit.value.records} />}
            </CardBody>
          </Card>
        </Flex>
      </Container>
      <ExtendDialog
        environment={env}
        environmentClass={environmentClass}
        isOpen={dialog === 'extend'}
        onOpenChange={open => setDialog(open ? 'extend' : undefined)}
        onExtend={extend}
      />
      <TeardownDialog
        environment={env}
        isOpen={dialog === 'teardown'}
        onOpenChange={open => setDialog(open ? 'teardown' : undefined)}
        onTeardown={teardown}
      />
      <RejectDialog
        environment={env}
        isOpen={dialog === 'reject'}
        onOpenChange={open => setDialog(open ? 'reject' : undefined)}
        onReject={reject}
      />
    </>
  );
};

/** One environment: where it is in its lifecycle, what it holds, its log and its history. */
export const EnvironmentPage = () => {
  const { id } = useParams();
  return id ? <EnvironmentView key={id} id={id} /> : null;
};
