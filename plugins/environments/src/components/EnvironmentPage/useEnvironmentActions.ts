import { useState } from 'react';
import { toastApiRef, useApi } from '@backstage/frontend-plugin-api';
import { Environment } from '@internal/plugin-environments-common';
import { environmentsApiRef } from '../../api/environmentsApiRef';
import { formatDateTime } from '../shared/time';

/**
 * Extend, tear down, approve and reject, each followed by `after` (read the page again) and a
 * toast. Extend, tear down and reject throw, so their dialogs show the backend's message;
 * approve has no dialog and keeps its error here.
 */
export function useEnvironmentActions(
  environment: Pick<Environment, 'id' | 'name'>,
  after: () => void,
) {
  const api = useApi(environmentsApiRef);
  const toastApi = useApi(toastApiRef);
  const [approving, setApproving] = useState(false);
  const [approveError, setApproveError] = useState<unknown>();
  const { id, name } = environment;
  const done = (title: string) => {
    toastApi.post({ title, status: 'success', timeout: 5000 });
    after();
  };

  return {
    approving,
    approveError,
    extend: async (hours: number) => {
      const updated = await api.extendEnvironment(id, hours);
      done(`${name} now expires ${formatDateTime(updated.expiresAt)}`);
    },
    teardown: async (reason?: string) => {
      const updated = await api.teardownEnvironment(id, reason);
      done(
        updated.status === 'torn-down'
          ? `The request for ${name} is withdrawn`
          : `Tearing ${name} down`,
      );
    },
    reject: async (reason: string) => {
      await api.rejectEnvironment(id, reason);
      done(`Rejected ${name}`);
    },
    approve: async () => {
      setApproving(true);
      setApproveError(undefined);
      try {
        await api.approveEnvironment(id);
        done(`Approved ${name}; provisioning`);
      } catch (error) {
        setApproveError(error);
      } finally {
        setApproving(false);
      }
    },
  };
}
