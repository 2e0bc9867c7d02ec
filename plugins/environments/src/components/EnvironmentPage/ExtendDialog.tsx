import { useEffect, useState } from 'react';
import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  NumberField,
  Text,
} from '@backstage/ui';
import {
  Environment,
  EnvironmentClass,
} from '@internal/plugin-environments-common';
import { ErrorAlert } from '../shared/ErrorAlert';
import { formatDateTime, formatDuration, HOUR_MS } from '../shared/time';

/** Whole hours that can still be added before the class maximum. */
export function hoursLeftToMaximum(
  environment: Pick<Environment, 'createdAt' | 'expiresAt'>,
  environmentClass: EnvironmentClass | undefined,
): number | undefined {
  if (!environmentClass) return undefined;
  const latest =
    new Date(environment.createdAt).getTime() +
    environmentClass.ttl.maxHours * HOUR_MS;
  const left = (latest - new Date(environment.expiresAt).getTime()) / HOUR_MS;
  return Math.max(0, Math.floor(left));
}

/**
 * Pushes the expiry out, up to the class maximum (counted from creation). The dialog shows the
 * new expiry; the backend has the last word, and its message is shown as it says it.
 */
export const ExtendDialog = ({
  environment,
  environmentClass,
  isOpen,
  onOpenChange,
  onExtend,
}: {
  environment: Environment;
  environmentClass?: EnvironmentClass;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onExtend: (hours: number) => Promise<void>;
}) => {
  const maxAdd = hoursLeftToMaximum(environment, environmentClass);
  const suggested = maxAdd === undefined ? 24 : Math.min(24, maxAdd);
  const [hours, setHours] = useState<number>(suggested);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (isOpen) {
      setHours(suggested);
      setError(undefined);
    }
  }, [isOpen, suggested]);

  const expiresAt = new Date(environment.expiresAt).getTime();
  const valid = Number.isFinite(hours) && hours > 0;
  const tooLong = maxAdd !== undefined && valid && hours > maxAdd;
  const atMaximum = maxAdd !== undefined && maxAdd <= 0;
  const latest = environmentClass
    ? new Date(environment.createdAt).getTime() +
      environmentClass.ttl.maxHours * HOUR_MS
    : undefined;

  const submit = async () => {
    setPending(true);
    setError(undefined);
    try {
      await onExtend(hours);
      onOpenChange(false);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} width={520}>
      <DialogHeader>Extend {environment.name}</DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          <Text as="p">
            It expires {formatDateTime(environment.expiresAt)}.
            {latest !== undefined &&
              ` The ${environmentClass!.title} class allows at most ${
                environmentClass!.ttl.maxHours
              } hours from creation: until ${formatDateTime(
                new Date(latest).toISOString(),
              )}.`}
          </Text>
          {atMaximum ? (
            <Text as="p" color="warning">
              Less than an hour is left before its class maximum, so it cannot
              be extended further. Create a new environment if you need one for
              longer.
            </Text>
          ) : (
            <>
              <NumberField
                label="Hours to add"
                value={hours}
                onChange={setHours}
                minValue={0}
                step={1}
                isInvalid={tooLong}
                description={
                  maxAdd !== undefined
                    ? `At most ${formatHours(maxAdd)} more.`
                    : undefined
                }
              />
              <Flex gap="2">
                {[24, 72].map(preset =>
                  maxAdd === undefined || preset <= maxAdd ? (
                    <Button
                      key={preset}
                      size="small"
                      variant="secondary"
                      onPress={() => setHours(preset)}
                    >
                      +{formatDuration(preset * HOUR_MS)}
                    </Button>
                  ) : null,
                )}
                {maxAdd !== undefined && (
                  <Button
                    size="small"
                    variant="secondary"
                    onPress={() => setHours(maxAdd)}
                  >
                    To the maximum
                  </Button>
                )}
              </Flex>
              {valid && (
                <Text as="p" color={tooLong ? 'danger' : undefined}>
                  New expiry:{' '}
                  <strong>
                    {formatDateTime(
                      new Date(expiresAt + hours * HOUR_MS).toISOString(),
                    )}
                  </strong>
                  {tooLong && ' — past the class maximum'}
                </Text>
              )}
            </>
          )}
          {error !== undefined && (
            <ErrorAlert
              title="Could not extend the environment"
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
          isPending={pending}
          isDisabled={!valid || tooLong || atMaximum}
          onPress={submit}
        >
          Extend
        </Button>
      </DialogFooter>
    </Dialog>
  );
};

function formatHours(hours: number) {
  return formatDuration(hours * HOUR_MS);
}
