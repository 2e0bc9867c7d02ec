import { Text, TextField } from '@backstage/ui';
import { ServiceEnvironment } from '@internal/plugin-delivery-common';
import { shortRef } from '../shared/format';

/**
 * Shown only for an environment frozen now: the window, and for platform-team members a reason
 * field (at least 10 characters) that turns the deploy into an override.
 */
export const FreezeOverrideField = ({
  environment,
  platformTeam,
  canOverride,
  value,
  onChange,
}: {
  environment: ServiceEnvironment;
  platformTeam?: string;
  canOverride: boolean;
  value: string;
  onChange: (value: string) => void;
}) => {
  if (!environment.freeze) return null;
  return (
    <div>
      <Text as="p" variant="body-small" color="warning">
        {environment.name} is frozen by "{environment.freeze.window}" (
        {environment.freeze.description}).
      </Text>
      {canOverride ? (
        <TextField
          label={`Freeze override reason for ${environment.name}`}
          description="At least 10 characters; kept with the deploy and in the audit log."
          value={value}
          onChange={onChange}
        />
      ) : (
        <Text as="p" variant="body-small" color="secondary">
          Only members of {shortRef(platformTeam) || 'the platform team'} may
          deploy inside a freeze window, with a reason.
        </Text>
      )}
    </div>
  );
};

/** The override to send: none unless the environment is frozen and a reason was written. */
export function overrideFor(
  environment: ServiceEnvironment | undefined,
  reason: string | undefined,
) {
  return environment?.freeze && reason?.trim()
    ? { reason: reason.trim() }
    : undefined;
}
