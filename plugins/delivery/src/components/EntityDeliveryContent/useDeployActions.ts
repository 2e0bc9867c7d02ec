import { useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { Deployment } from '@internal/plugin-delivery-common';
import { deliveryApiRef } from '../../api/deliveryApiRef';

export type FreezeOverride = { reason: string } | undefined;

export type DeployActions = ReturnType<typeof useDeployActions>;

/**
 * Deploy, promote, roll back and approve, with the busy state and the last refusal (shown as a
 * readable alert). Each request carries an idempotency key, so a double click starts one deploy.
 */
export function useDeployActions(
  service: string,
  onStarted: (deployment: Deployment) => void,
) {
  const api = useApi(deliveryApiRef);
  const [busy, setBusy] = useState<string>();
  const [failure, setFailure] = useState<{ action: string; error: unknown }>();

  async function run(action: string, call: () => Promise<Deployment>) {
    setBusy(action);
    setFailure(undefined);
    try {
      onStarted(await call());
      return true;
    } catch (error) {
      setFailure({ action, error });
      return false;
    } finally {
      setBusy(undefined);
    }
  }
  const key = () =>
    globalThis.crypto?.randomUUID?.() ??
    `${Date.now()}-${Math.random().toString(36).slice(2)}`;

  return {
    busy,
    failure,
    dismiss: () => setFailure(undefined),
    deploy: (
      environment: string,
      version: string,
      freezeOverride: FreezeOverride,
    ) =>
      run('Deploy', () =>
        api.deploy({
          service,
          environment,
          version,
          freezeOverride,
          idempotencyKey: key(),
        }),
      ),
    promote: (from: string, freezeOverride: FreezeOverride) =>
      run('Promotion', () =>
        api.promote({ service, from, freezeOverride, idempotencyKey: key() }),
      ),
    rollback: (environment: string, freezeOverride: FreezeOverride) =>
      run('Rollback', () =>
        api.rollback({
          service,
          environment,
          freezeOverride,
          idempotencyKey: key(),
        }),
      ),
    approve: (id: string) => run('Approval', () => api.approve(id)),
  };
}
