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
import { ErrorAlert } from './ErrorAlert';
import { shortRef } from './links';

/** The backend requires a reason of at least 3 characters. */
export const MIN_REASON_LENGTH = 3;

/** Turns a request down; the requester reads the reason on the environment's page. */
export const RejectDialog = ({
  environment,
  isOpen,
  onOpenChange,
  onReject,
}: {
  environment: { name: string; owner: string; createdBy: string };
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onReject: (reason: string) => Promise<void>;
}) => {
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (isOpen) {
      setReason('');
      setError(undefined);
    }
  }, [isOpen]);

  const valid = reason.trim().length >= MIN_REASON_LENGTH;
  const submit = async () => {
    setPending(true);
    setError(undefined);
    try {
      await onReject(reason.trim());
      onOpenChange(false);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} width={520}>
      <DialogHeader>Reject {environment.name}?</DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          <Text as="p">
            {shortRef(environment.createdBy)} asked for it for{' '}
            {shortRef(environment.owner)}. Nothing is provisioned; they see your
            reason on the environment's page.
          </Text>
          <TextAreaField
            label="Reason"
            isRequired
            description="Say why, and what to ask for instead."
            value={reason}
            onChange={setReason}
            rows={3}
          />
          {error !== undefined && (
            <ErrorAlert title="Could not reject the request" error={error} />
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
          isDisabled={!valid}
          onPress={submit}
        >
          Reject
        </Button>
      </DialogFooter>
    </Dialog>
  );
};
