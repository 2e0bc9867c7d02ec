import { useState } from 'react';
import { toastApiRef, useApi } from '@backstage/frontend-plugin-api';
import { Button, Flex, Text } from '@backstage/ui';
import { EnvironmentSummary } from '@internal/plugin-environments-common';
import { environmentsApiRef } from '../../api/environmentsApiRef';
import { EnvironmentsTable } from '../shared/EnvironmentsTable';
import { ErrorAlert } from '../shared/ErrorAlert';
import { RejectDialog } from '../shared/RejectDialog';
import styles from './FleetPage.module.css';

/** Requests for classes that need the platform team's approval, oldest first. */
export const ApprovalQueue = ({
  items,
  canApprove,
  onDecided,
}: {
  items: EnvironmentSummary[];
  /** False when the reader is known not to be in the platform team. */
  canApprove: boolean | undefined;
  onDecided: () => void;
}) => {
  const api = useApi(environmentsApiRef);
  const toastApi = useApi(toastApiRef);
  const [pending, setPending] = useState<string>();
  const [rejecting, setRejecting] = useState<EnvironmentSummary>();
  const [failure, setFailure] = useState<{ title: string; error: unknown }>();

  const approve = async (environment: EnvironmentSummary) => {
    setPending(environment.id);
    setFailure(undefined);
    try {
      await api.approveEnvironment(environment.id);
      toastApi.post({
        title: `Approved ${environment.name}; provisioning`,
        status: 'success',
        timeout: 5000,
      });
      onDecided();
    } catch (error) {
      setFailure({ title: `Could not approve ${environment.name}`, error });
    } finally {
      setPending(undefined);
    }
  };

  const reject = async (reason: string) => {
    if (!rejecting) return;
    await api.rejectEnvironment(rejecting.id, reason);
    toastApi.post({
      title: `Rejected ${rejecting.name}`,
      status: 'success',
      timeout: 5000,
    });
    onDecided();
  };

  const oldestFirst = [...items].sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );

  return (
    <Flex direction="column" gap="2">
      {canApprove === false && (
        <Text as="p" variant="body-small" color="secondary">
          Only members of the platform team can approve or reject requests.
        </Text>
      )}
      {failure && <ErrorAlert title={failure.title} error={failure.error} />}
      <EnvironmentsTable
        items={oldestFirst}
        hide={['expires']}
        actions={
          canApprove === false
            ? undefined
            : environment => (
                <div className={styles.actions}>
                  <Button
                    size="small"
                    variant="primary"
                    aria-label={`Approve ${environment.name}`}
                    isPending={pending === environment.id}
                    isDisabled={pending !== undefined}
                    onPress={() => approve(environment)}
                  >
                    Approve
                  </Button>
                  <Button
                    size="small"
                    variant="secondary"
                    destructive
                    aria-label={`Reject ${environment.name}`}
                    isDisabled={pending !== undefined}
                    onPress={() => {
                      setFailure(undefined);
                      setRejecting(environment);
                    }}
                  >
                    Reject
                  </Button>
                </div>
              )
        }
      />
      {rejecting && (
        <RejectDialog
          environment={rejecting}
          isOpen
          onOpenChange={open => {
            if (!open) setRejecting(undefined);
          }}
          onReject={reject}
        />
      )}
    </Flex>
  );
};
