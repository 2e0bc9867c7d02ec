import http from 'node:http';
import { AddressInfo } from 'node:net';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  serializeError,
} from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { DeliveryClient } from '@internal/plugin-delivery-common';
import { createDeliveryActions, DeliveryApi } from './createDeliveryActions';

/** A fake of the delivery API: records calls and walks the deploy through `statuses`. */
function fakeApi(statuses: string[]) {
  const calls: Array<{ method: string; token: string; body: unknown }> = [];
  let poll = 0;
  const deployment = (status: string) =>
    ({
      id: 'dep-1',
      service: 'component:default/payments-api',
      environment: 'dev',
      version: '1.2.0',
      status,
      message: status === 'failed' ? 'gitops: version is not a tag' : undefined,
    } as any);
  const api = (token: string): DeliveryApi => ({
    deploy: async body => {
      calls.push({ method: 'deploy', token, body });
      return deployment('queued');
    },
    rollback: async body => {
      calls.push({ method: 'rollback', token, body });
      return deployment('queued');
    },
    promote: async body => {
      calls.push({ method: 'promote', token, body });
      return deployment('queued');
    },
    getDeployment: async () =>
      deployment(statuses[Math.min(poll++, statuses.length - 1)]),
    getDeploymentEvents: async (_id, after = 0) => ({
      events: [
        { id: after + 1, deploymentId: 'dep-1', at: '', message: 'committed' },
      ],
    }),
  });
  return { api, calls };
}

const auth = mockServices.auth();
const ana = async () => mockCredentials.user('user:default/ana');

describe('runway:delivery:deploy', () => {
  it('deploys as the user with the task as idempotency key and follows it to the end', async () => {
    const { api, calls } = fakeApi(['running', 'succeeded']);
    const [deploy] = createDeliveryActions({ auth, api, pollMs: 1 });
    const logger = mockServices.logger.mock();
    const ctx = createMockActionContext({
      input: {
        service: 'payments-api',
        environment: 'dev',
        version: '1.2.0',
        reason: 'ship the fix',
      },
      logger,
    });
    // The token must be on behalf of the user who runs the template.
    ctx.getInitiatorCredentials = ana;
    await deploy.handler(ctx as any);
    expect(calls).toEqual([
      {
        method: 'deploy',
        token: mockCredentials.service.token({
          onBehalfOf: mockCredentials.user('user:default/ana'),
          targetPluginId: 'delivery',
        }),
        body: {
          service: 'payments-api',
          environment: 'dev',
          version: '1.2.0',
          idempotencyKey: `scaffolder-task-${ctx.task.id}`,
        },
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('id', 'dep-1');
    expect(ctx.output).toHaveBeenCalledWith('status', 'succeeded');
    expect(logger.info).toHaveBeenCalledWith('committed');
    expect(logger.info).toHaveBeenCalledWith('Reason: ship the fix');
  });

  it('fails the task with the driver message when the deploy fails', async () => {
    const { api } = fakeApi(['failed']);
    const [deploy] = createDeliveryActions({ auth, api, pollMs: 1 });
    const ctx = createMockActionContext({
      input: { service: 'payments-api', environment: 'dev', version: '1+x' },
      getInitiatorCredentials: ana,
    });
    await expect(deploy.handler(ctx as any)).rejects.toThrow(
      'Deploy dep-1 failed: gitops: version is not a tag',
    );
    expect(ctx.output).toHaveBeenCalledWith('status', 'failed');
  });
});

describe('runway:delivery:rollback and :promote', () => {
  it('send the freeze override reason only when asked to override', async () => {
    const { api, calls } = fakeApi(['succeeded']);
    const [, rollback, promote] = createDeliveryActions({
      auth,
      api,
      pollMs: 1,
    });
    await rollback.handler(
      createMockActionContext({
        input: {
          service: 'payments-api',
          environment: 'prod',
          reason: 'incident 42: checkout errors',
          overrideFreeze: true,
        },
        getInitiatorCredentials: ana,
      }) as any,
    );
    await promote.handler(
      createMockActionContext({
        input: { service: 'payments-api', from: 'dev', reason: 'tested' },
        getInitiatorCredentials: ana,
      }) as any,
    );
    expect(calls.map(c => [c.method, c.body])).toEqual([
      [
        'rollback',
        expect.objectContaining({
          environment: 'prod',
          freezeOverride: { reason: 'incident 42: checkout errors' },
        }),
      ],
      [
        'promote',
        {
          service: 'payments-api',
          from: 'dev',
          idempotencyKey: expect.any(String),
        },
      ],
    ]);
  });
});

/**
 * A stand-in for /api/delivery over real HTTP that refuses every request with `error`, in the
 * body Backstage's error middleware writes (no stack, as in production). The actions call it
 * through the real DeliveryClient, the way the module builds it.
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
  const api = (token: string) =>
    new DeliveryClient({
      discoveryApi: {
        getBaseUrl: async () => `http://127.0.0.1:${port}/api/delivery`,
      },
      token: async () => token,
    });
  return {
    api,
    requests,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

describe('when the delivery API refuses', () => {
  const cases = [
    {
      title: 'deploy inside a freeze window (409)',
      status: 409,
      error: new ConflictError(
        'Deploys to prod (production) are frozen by the window "year-end" (no changes over the holidays); a platform-team member may override it with a reason',
      ),
      action: 0,
      input: { service: 'payments-api', environment: 'prod', version: '1.2.0' },
      request: 'POST /api/delivery/deploys',
    },
    {
      title: 'freeze override by someone outside the platform team (403)',
      status: 403,
      error: new NotAllowedError(
        'Only members of group:default/platform-team may deploy inside the freeze window "year-end"',
      ),
      action: 1,
      input: {
        service: 'payments-api',
        environment: 'prod',
        reason: 'incident 42: checkout errors',
        overrideFreeze: true,
      },
      request: 'POST /api/delivery/deploys/rollback',
    },
    {
      title: 'promote from the last environment (400)',
      status: 400,
      error: new InputError(
        'Invalid from: "prod" is the last environment on the deploy path of component:default/payments-api',
      ),
      action: 2,
      input: { service: 'payments-api', from: 'prod' },
      request: 'POST /api/delivery/deploys/promote',
    },
  ];

  it.each(cases)(
    '$title: the task fails with the API sentence, plainly',
    async ({ status, error, action, input, request }) => {
      const stand = await refusingApi(status, error);
      try {
        const actions = createDeliveryActions({
          auth,
          api: stand.api,
          pollMs: 1,
        });
        const ctx = createMockActionContext({
          input,
          getInitiatorCredentials: ana,
        });
        const thrown = await actions[action].handler(ctx as any).then(
          () => undefined,
          e => e,
        );
        expect(stand.requests).toEqual([request]);
        expect(thrown).toBeInstanceOf(Error);
        expect(thrown.message).toBe(error.message);
        expect(thrown.name).toBe(error.name);
        // The scaffolder writes a failed step's `String(error.stack)` to the task log.
        expect(String(thrown.stack)).toBe(error.message);
        expect(ctx.output).not.toHaveBeenCalled();
      } finally {
        await stand.close();
      }
    },
  );
});
