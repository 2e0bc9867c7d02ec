import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
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
