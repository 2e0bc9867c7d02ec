import { useEffect, useState } from 'react';
import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Text,
  TextAreaField,
} from '@backstage/ui';
import { Environment } from '@internal/plugin-environments-common';
import { ErrorAlert } from '../shared/ErrorAlert';

/** Asks before tearing down (or withdrawing a request), with an optional reason for the audit. */
export const TeardownDialog = ({
  environment,
  isOpen,
  onOpenChange,
  onTeardown,
}: {
  environment: Environment;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onTeardown: (reason?: string) => Promise<void>;
}) => {
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const withdraw = environment.status === 'awaiting-approval';

  useEffect(() => {
    if (isOpen) {
      setReason('');
      setError(undefined);
    }
  }, [isOpen]);

  const submit = async () => {
    setPending(true);
    setError(undefined);
    try {
      await onTeardown(reason.trim() || undefined);
      onOpenChange(false);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  const held = environment.resources
    .filter(r => r.status !== 'torn-down' && r.status !== 'pending')
    .map(r => `${r.name} (${r.type})`);

  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} width={520}>
      <DialogHeader>
        {withdraw ? 'Withdraw the request?' : `Tear down ${environment.name}?`}
      </DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          {withdraw ? (
            <Text as="p">
              Nothing has been provisioned yet; the request is closed and the
              platform team no longer sees it.
            </Text>
          ) : (
            <Text as="p">
              This deletes what the environment holds
              {held.length > 0 ? `: ${held.join(', ')}` : ''}. Its data and
              connection details are gone for good, and this cannot be undone.
            </Text>
          )}
          <TextAreaField
            label="Reason (optional)"
            description="Recorded in the audit trail."
            value={reason}
            onChange={setReason}
            rows={2}
          />
          {error !== undefined && (
            <ErrorAlert
              title={
                withdraw
                  ? 'Could not withdraw the request'
                  : 'Could not tear the environment down'
              }
              error={error}
            />
          )}
        </Flex>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button
          variant="primary"
          destructive
          isPending={pending}
          onPress={submit}
        >
          {withdraw ? 'Withdraw request' : 'Tear down'}
        </Button>
      </DialogFooter>
    </Dialog>
  );
};
