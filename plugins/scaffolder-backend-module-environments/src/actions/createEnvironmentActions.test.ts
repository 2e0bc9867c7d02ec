import http from 'node:http';
import { AddressInfo } from 'node:net';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  ConflictError,
  InputError,
  ResponseError,
  serializeError,
} from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { EnvironmentsClient } from '@internal/plugin-environments-common';
import {
  createEnvironmentCreateAction,
  createEnvironmentExtendAction,
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

/**
 * A stand-in for /api/environments over real HTTP that refuses every request with `error`, in
 * the body Backstage's error middleware writes (no stack, as in production). The actions call
 * it through the real EnvironmentsClient, so the whole path from the response to the task log
 * is the one a template runs.
 */
async function refusingApi(status: number, error: Error) {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        error: serializeError(error),
        request: { method: req.method, url: req.url },
        response: { statusCode: status },
      }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const api = new EnvironmentsClient({
    discoveryApi: {
      getBaseUrl: async () => `http://127.0.0.1:${port}/api/environments`,
    },
  });
  return {
    api,
    requests,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

/** Runs the action and returns what it threw. */
async function failureOf(
  action: { handler: (ctx: any) => Promise<void> },
  input: Record<string, string | number | undefined>,
): Promise<Error> {
  const ctx = createMockActionContext({
    input,
    getInitiatorCredentials: async () =>
      mockCredentials.user('user:default/ana'),
  });
  const thrown = await action.handler(ctx as any).then(
    () => undefined,
    e => e,
  );
  if (!(thrown instanceof Error)) throw new Error('the action did not fail');
  return thrown;
}

describe('when the environments API refuses', () => {
  const cases = [
    {
      title: 'create above the class maximum (400)',
      status: 400,
      error: new InputError(
        'ttlHours: class "preview" allows at most 168 hours (ttl.maxHours), got 200',
      ),
      action: () => createEnvironmentCreateAction,
      input: {
        className: 'preview',
        owner: 'group:default/payments-team',
        name: 'pr-1',
        ttlHours: 200,
      },
      request: 'POST /api/environments/environments',
    },
    {
      title: 'create with a name in use (409)',
      status: 409,
      error: new ConflictError(
        'name "pr-1" is in use by environment 7d1c2f7e-0b5e-4c39-9d51-1f2a3b4c5d6e (ready)',
      ),
      action: () => createEnvironmentCreateAction,
      input: {
        className: 'preview',
        owner: 'group:default/payments-team',
        name: 'pr-1',
      },
      request: 'POST /api/environments/environments',
    },
    {
      title: 'extend past the class maximum (409)',
      status: 409,
      error: new ConflictError(
        'hours: extending "pr-1" by 200 hours would end it at 2026-12-10T12:00:00.000Z, past the class "preview" maximum of 168 hours from creation (ttl.maxHours), 2026-12-02T12:00:00.000Z',
      ),
      action: () => createEnvironmentExtendAction,
      input: { id: 'env-1', hours: 200 },
      request: 'POST /api/environments/environments/env-1/extend',
    },
    {
      title: 'teardown while provisioning (409)',
      status: 409,
      error: new ConflictError(
        'environment "pr-1" is provisioning; tear it down once it is ready or failed',
      ),
      action: () => createEnvironmentTeardownAction,
      input: { id: 'env-1' },
      request: 'POST /api/environments/environments/env-1/teardown',
    },
  ];

  it.each(cases)(
    '$title: the task fails with the API sentence, plainly',
    async ({ status, error, action, input, request }) => {
      const stand = await refusingApi(status, error);
      try {
        const thrown = await failureOf(
          action()({ api: stand.api, auth, pollMs: 1 }),
          input,
        );
        expect(stand.requests).toEqual([request]);
        expect(thrown.message).toBe(error.message);
        expect(thrown.name).toBe(error.name);
        // The scaffolder writes a failed step's `String(error.stack)` to the task log.
        expect(String(thrown.stack)).toBe(error.message);
        expect(String(thrown.stack)).not.toMatch(/Request failed|\n\s+at /);
      } finally {
        await stand.close();
      }
    },
  );

  it('an error that is not a refusal keeps its stack', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    const api = {
      createEnvironment: async () => {
        throw bug;
      },
    } as unknown as EnvironmentsApi;
    const thrown = await failureOf(
      createEnvironmentCreateAction({ api, auth, pollMs: 1 }),
      { className: 'preview', owner: 'group:default/payments-team' },
    );
    expect(thrown).toBe(bug);
    expect(ResponseError.is(thrown)).toBe(false);
  });
});
