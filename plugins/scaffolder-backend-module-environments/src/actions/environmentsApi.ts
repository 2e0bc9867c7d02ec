import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { EnvironmentsClient } from '@internal/plugin-environments-common';
import { ActionFailure } from '@internal/backend-common';

/** The part of the environments API the actions use (a fake in tests). */
export type EnvironmentsApi = Pick<
  EnvironmentsClient,
  | 'createEnvironment'
  | 'getEnvironment'
  | 'getEvents'
  | 'extendEnvironment'
  | 'teardownEnvironment'
>;

/** A token for the environments API on behalf of the user who runs the template. */
export async function tokenFor(
  auth: AuthService,
  credentials: BackstageCredentials,
): Promise<string> {
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: credentials,
    targetPluginId: 'environments',
  });
  return token;
}

/**
 * Follows an environment's log into the task log until it rests in one of `statuses`;
 * returns the final status. Throws on timeout.
 */
export async function follow(
  api: EnvironmentsApi,
  id: string,
  token: string,
  statuses: string[],
  log: (line: string) => void,
  options: { timeoutMs: number; pollMs?: number },
): Promise<string> {
  const deadline = Date.now() + options.timeoutMs;
  let after = 0;
  for (;;) {
    const { events, status } = await api.getEvents(id, after, { token });
    for (const event of events) {
      log(`${event.resource ? `[${event.resource}] ` : ''}${event.message}`);
      after = event.id;
    }
    if (statuses.includes(status)) return status;
    if (Date.now() > deadline) {
      throw new ActionFailure(
        `environment ${id} is still ${status} after ${Math.round(
          options.timeoutMs / 1000,
        )} s; it continues in the background`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, options.pollMs ?? 1000));
  }
}
