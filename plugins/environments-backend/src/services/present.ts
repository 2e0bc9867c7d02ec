import {
  Environment,
  EnvironmentSummary,
} from '@internal/plugin-environments-common';
import { StoredEnvironment } from '../database/EnvironmentStore';
import { SecretBox } from '../lib/SecretBox';

/** An environment as the API returns it; secrets only when a box is given (owners). */
export function present(
  stored: StoredEnvironment,
  secretsFrom?: SecretBox,
): Environment {
  const {
    failure: _failure,
    expiryNotifiedAt: _notified,
    resources,
    ...environment
  } = stored;
  return {
    ...environment,
    resources: resources.map(
      ({
        position: _position,
        stateEncrypted: _state,
        secretsEncrypted,
        ...resource
      }) => ({
        ...resource,
        ...(secretsFrom &&
          secretsEncrypted && {
            secrets:
              secretsFrom.decrypt<Record<string, string>>(secretsEncrypted),
          }),
      }),
    ),
  };
}

/** An environment in a list: no parameters, outputs or secrets. */
export function summarize(stored: StoredEnvironment): EnvironmentSummary {
  const environment = present(stored);
  return {
    ...environment,
    resources: environment.resources.map(({ name, type, status }) => ({
      name,
      type,
      status,
    })),
  };
}
