import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  createEnvironmentCreateAction,
  createEnvironmentTeardownAction,
} from './createEnvironmentActions';
import { EnvironmentsApi } from './environmentsApi';

/**
 * A fake of the environments API that records calls and walks an environment through the
 * statuses it is given, one per events poll.
 */
function fakeApi(statuses: string[], finalMessage = '') {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  let poll = 0;
  const environment = {
    id: 'env-1',
    name: 'pr-1',
    status: 'requested',
    expiresAt: '2026-11-26T12:00:00.000Z',
  };
  const api: EnvironmentsApi = {
    createEnvironment: async (...args) => {
      calls.push({ method: 'create', args });
      return environment as any;
    },
    teardownEnvironment: async (...args) => {
      calls.push({ method: 'teardown', args });
      return { ...environment, status: 'tearing-down' } as any;
    },
    extendEnvironment: async () => environment as any,
    getEnvironment: async () =>
      ({ ...environment, statusMessage: finalMessage } as any),
    getEvents: async (_id, after) => {
      const status = statuses[Math.min(poll, statuses.length - 1)];
      poll++;
      return {
        status: status as any,
        events: [
          {
            id: (after ?? 0) + 1,
            environmentId: 'env-1',
            at: '',
            kind: 'status',
            message: `now ${status}`,
          },
        ],
      };
    },
  };
  return { api, calls };
}

const auth = mockServices.auth();

describe('runway:environment:create', () => {
  it('creates as the user with the task as idempotency key, and follows the log to ready', async () => {
    const { api, calls } = fakeApi(['provisioning', 'ready']);
    const action = createEnvironmentCreateAction({ api, auth, pollMs: 1 });
    const logger = mockServices.logger.mock();
    const ctx = createMockActionContext({
      input: {
        className: 'preview',
        owner: 'group:default/payments-team',
        name: 'pr-1',
        component: 'component:default/payments-api',
      },
      logger,
      templateInfo: { entityRef: 'template:default/environment' } as any,
    });
    ctx.getInitiatorCredentials = async () =>
      mockCredentials.user('user:default/ana');
    await action.handler(ctx as any);

    const [request, options] = calls[0].args as any[];
    expect(request).toEqual({
      className: 'preview',
      owner: 'group:default/payments-team',
      name: 'pr-1',
      component: 'component:default/payments-api',
      template: 'template:default/environment',
    });
    expect(options.idempotencyKey).toBe(`scaffolder-task-${ctx.task.id}-pr-1`);
    // The token is one for the environments plugin on behalf of the user.
    expect(options.token).toBe(
      mockCredentials.service.token({
        onBehalfOf: mockCredentials.user('user:default/ana'),
        targetPluginId: 'environments',
      }),
    );
    expect(ctx.output).toHaveBeenCalledWith('status', 'ready');
    expect(ctx.output).toHaveBeenCalledWith('id', 'env-1');
    expect(logger.info).toHaveBeenCalledWith('now ready');
  });

  it('fails the task with the reason when the environment fails', async () => {
    const { api } = fakeApi(['provisioning', 'failed'], 'db (postgres): boom');
    const action = createEnvironmentCreateAction({ api, auth, pollMs: 1 });
    const ctx = createMockActionContext({
      input: { className: 'preview', owner: 'group:default/payments-team' },
      getInitiatorCredentials: async () =>
        mockCredentials.user('user:default/ana'),
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      'Environment pr-1 failed: db (postgres): boom',
    );
  });
});

describe('runway:environment:teardown', () => {
  it('tears down and follows until torn down', async () => {
    const { api, calls } = fakeApi(['tearing-down', 'torn-down']);
    const action = createEnvironmentTeardownAction({ api, auth, pollMs: 1 });
    const ctx = createMockActionContext({
      input: { id: 'env-1', reason: 'merged' },
      getInitiatorCredentials: async () =>
        mockCredentials.user('user:default/ana'),
    });
    await action.handler(ctx as any);
    expect(calls[0].args.slice(0, 2)).toEqual(['env-1', 'merged']);
    expect(ctx.output).toHaveBeenCalledWith('status', 'torn-down');
  });
});
