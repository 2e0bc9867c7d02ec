import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { DeployGate, signBody } from '@internal/plugin-delivery-node';
import { createTestDatabases } from '@internal/testing';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createRouterHarness } from '../__testUtils__/routerHarness';
import { WebhookDeployDriver } from '../drivers/WebhookDeployDriver';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ana = mockCredentials.user.header('user:default/ana'); // payments-team (owner)
const ben = mockCredentials.user.header('user:default/ben'); // no team
const pat = mockCredentials.user.header('user:default/pat'); // platform-team
const SVC = 'component:default/payments-api';
// 2026-12-04 is a Friday: 15:00 UTC is 16:00 in Berlin, inside "friday-afternoon".
const FRIDAY = new Date('2026-12-04T15:00:00Z');

describe.each(databases.eachSupportedId())('deploys on %s', id => {
  async function setup(
    options: { deny?: string[]; now?: () => Date; gates?: DeployGate[] } = {},
  ) {
    const { api, h, auditor } = await createRouterHarness(
      databases,
      id,
      options,
    );
    const deploy = (body: Record<string, unknown>, who = ana) =>
      api
        .post('/deploys')
        .set('Authorization', who)
        .send({
          service: 'payments-api',
          environment: 'prod',
          version: '1.0.0',
          ...body,
        });
    return { api, h, deploy, auditor };
  }

  it('deploys through the driver, queued -> running -> succeeded, with a live log', async () => {
    const { api, h, deploy } = await setup();
    const res = await deploy({ version: '1.0.0' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual(
      expect.objectContaining({
        service: SVC,
        environment: 'prod',
        version: '1.0.0',
        status: 'queued',
        source: 'runway',
        triggeredBy: 'user:default/ana',
        selfService: true,
      }),
    );
    await h.settled(res.body.id, 'succeeded');
    expect(h.driver.calls.map(c => [c.environment, c.version])).toEqual([
      ['prod', '1.0.0'],
    ]);
    const log = await api
      .get(`/deploys/${res.body.id}/events?after=0`)
      .set('Authorization', ana);
    const statuses = log.body.events
      .filter((e: any) => e.status)
      .map((e: any) => e.status);
    expect(statuses).toEqual(['queued', 'running', 'succeeded']);
    expect(log.body.events.map((e: any) => e.message)).toContain(
      'recording driver: 1.0.0',
    );
    const lastId = log.body.events[log.body.events.length - 1].id;
    const after = await api
      .get(`/deploys/${res.body.id}/events?after=${lastId}`)
      .set('Authorization', ana);
    expect(after.body.events).toEqual([]);
    const history = await api
      .get('/deploys?service=payments-api&environment=prod')
      .set('Authorization', ana);
    expect(history.body.deployments.map((d: any) => d.status)).toEqual([
      'succeeded',
    ]);
  });

  it('answers 409 to a second deploy while one runs in the same service and environment', async () => {
    const { h, deploy } = await setup();
    h.driver.hold();
    const first = await deploy({ version: '1.0.0' });
    await h.settled(first.body.id, 'running');
    const second = await deploy({ version: '1.0.1' });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain(first.body.id);
    expect(second.body.error.message).toContain('one deploy at a time');
    // Another environment is not blocked.
    const staging = await deploy({ environment: 'staging', version: '1.0.1' });
    expect(staging.status).toBe(202);
    h.driver.release();
    await h.settled(first.body.id, 'succeeded');
    await h.settled(staging.body.id, 'succeeded');
    expect((await deploy({ version: '1.0.1' })).status).toBe(202);
    const rows = await h
      .knex('delivery_deployments')
      .where({ environment: 'prod' });
    expect(rows).toHaveLength(2);
  });

  it('lets only one of several concurrent deploys through', async () => {
    const { h, deploy } = await setup();
    h.driver.hold();
    const results = await Promise.all(
      ['2.0.0', '2.0.1', '2.0.2', '2.0.3'].map(version => deploy({ version })),
    );
    expect(results.map(r => r.status).sort()).toEqual([202, 409, 409, 409]);
    h.driver.release();
    expect(await h.knex('delivery_deployments')).toHaveLength(1);
  });

  it('returns the first deploy to a retry with the same idempotency key', async () => {
    const { h, deploy } = await setup();
    const a = await deploy({ idempotencyKey: 'click-1' });
    const b = await deploy({ idempotencyKey: 'click-1' });
    expect(b.status).toBe(202);
    expect(b.body.id).toBe(a.body.id);
    expect(await h.knex('delivery_deployments')).toHaveLength(1);
  });

  it('answers 409 to an idempotency key reused for a different request, naming the first deploy', async () => {
    const { h, deploy } = await setup();
    const a = await deploy({ idempotencyKey: 'click-2', version: '1.0.0' });
    const other = await deploy({ idempotencyKey: 'click-2', version: '9.9.9' });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toBe(
      `Idempotency key "click-2" was already used for a different request (deploy ${a.body.id} of 1.0.0 to prod)`,
    );
    // The same request spelled with the full ref is a retry, not another request.
    const retry = await deploy({
      idempotencyKey: 'click-2',
      version: '1.0.0',
      service: SVC,
    });
    expect(retry.status).toBe(202);
    expect(retry.body.id).toBe(a.body.id);
    expect(await h.knex('delivery_deployments')).toHaveLength(1);
  });

  it('refuses a commit SHA that is not one (a newline would forge GitOps commit trailers)', async () => {
    const { h, deploy } = await setup();
    for (const commitSha of [
      'abc1234\nRequested-By: user:default/pat',
      'abc12',
      'not-a-sha-at-all',
      'a'.repeat(65),
    ]) {
      const res = await deploy({ commitSha });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        'Invalid deploy: commitSha must be a git commit SHA: 7 to 64 hexadecimal digits',
      );
    }
    expect(await h.knex('delivery_deployments')).toHaveLength(0);
    expect(h.driver.calls).toEqual([]);
  });

  it('audits a deploy callback only once its signature holds: unsigned requests leave no trace', async () => {
    const { api, h, deploy, auditor } = await setup();
    const known = await deploy({ environment: 'dev' });
    await h.settled(known.body.id, 'succeeded');
    auditor.createEvent.mockClear();
    for (const deployId of ['no-such-deploy', known.body.id]) {
      const res = await api
        .post(`/deploys/${deployId}/callback`)
        .set('Content-Type', 'application/json')
        .send('{"status":"failed"}');
      expect(res.status).toBe(401);
      expect(res.body.error.message).toBe(
        `No deploy ${deployId} accepts status callbacks`,
      );
    }
    expect(auditor.createEvent).not.toHaveBeenCalled();
    expect(
      (await api.get(`/deploys/${known.body.id}`).set('Authorization', ana))
        .body.status,
    ).toBe('succeeded');
  });

  it('answers 409 naming the freeze window; only the platform team overrides, with a reason', async () => {
    const { h, deploy } = await setup({ now: () => FRIDAY });
    const frozen = await deploy({});
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.message).toContain('"friday-afternoon"');
    expect(frozen.body.error.message).toContain('Europe/Berlin');
    // Staging is not frozen.
    expect((await deploy({ environment: 'staging' })).status).toBe(202);
    const short = await deploy({ freezeOverride: { reason: 'hotfix' } }, pat);
    expect(short.status).toBe(400);
    expect(short.body.error.message).toContain('freezeOverride.reason');
    const long = await deploy(
      { freezeOverride: { reason: 'r'.repeat(1001) } },
      pat,
    );
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain(
      'freezeOverride.reason must be at most 1000 characters',
    );
    const notPlatform = await deploy(
      { freezeOverride: { reason: 'payment outage, fix in 1.0.1' } },
      ana,
    );
    expect(notPlatform.status).toBe(403);
    expect(notPlatform.body.error.message).toContain(
      'group:default/platform-team',
    );
    const ok = await deploy(
      { freezeOverride: { reason: 'payment outage, fix in 1.0.1' } },
      pat,
    );
    expect(ok.status).toBe(202);
    expect(ok.body.freezeOverride).toEqual({
      window: 'friday-afternoon',
      reason: 'payment outage, fix in 1.0.1',
    });
    // The platform team deployed for the owners: not self-service.
    expect(ok.body.selfService).toBe(false);
    await h.settled(ok.body.id, 'succeeded');
  });

  it('rolls back to the last successful version and counts the rolled-back deploy as failed', async () => {
    const { api, h, deploy } = await setup();
    for (const version of ['1.0.0', '1.1.0']) {
      const r = await deploy({ version });
      await h.settled(r.body.id, 'succeeded');
    }
    const res = await api
      .post('/deploys/rollback')
      .set('Authorization', ana)
      .send({ service: 'payments-api', environment: 'prod' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual(
      expect.objectContaining({ version: '1.0.0', changeType: 'rollback' }),
    );
    await h.settled(res.body.id, 'succeeded');
    const rows = await h.knex('delivery_deployments').orderBy('requested_at');
    expect(rows.map(r => [r.version, r.status])).toEqual(
      expect.arrayContaining([
        ['1.0.0', 'succeeded'],
        ['1.1.0', 'rolled-back'],
      ]),
    );
    const m = await api
      .get(
        '/metrics/dora?service=payments-api&from=2026-11-30T00:00:00Z&to=2026-12-02T00:00:00Z',
      )
      .set('Authorization', ana);
    expect(m.body.dora.changeFailureRate).toEqual(
      expect.objectContaining({ failedDeployments: 1, deployments: 3 }),
    );
    expect(m.body.dora.reworkRate.reworkDeployments).toBe(1);
    const none = await api
      .post('/deploys/rollback')
      .set('Authorization', ana)
      .send({ service: 'payments-api', environment: 'staging' });
    expect(none.status).toBe(404);
  });

  it('promotes the exact version along the deploy path, and refuses what is off the path', async () => {
    const { api, h, deploy } = await setup();
    const dev = await deploy({
      environment: 'dev',
      version: '3.2.1',
      commitSha: 'abc1234',
    });
    await h.settled(dev.body.id, 'succeeded');
    const res = await api
      .post('/deploys/promote')
      .set('Authorization', ana)
      .send({ service: 'payments-api', from: 'dev' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual(
      expect.objectContaining({
        environment: 'staging',
        version: '3.2.1',
        commitSha: 'abc1234',
        promotedFrom: dev.body.id,
      }),
    );
    const last = await api
      .post('/deploys/promote')
      .set('Authorization', ana)
      .send({ service: 'payments-api', from: 'prod' });
    expect(last.status).toBe(400);
    expect(last.body.error.message).toContain('last environment');
    const empty = await api
      .post('/deploys/promote')
      .set('Authorization', ana)
      .send({ service: 'payments-api', from: 'staging' });
    // staging's deploy is still running or just finished: either way not before it succeeds.
    expect([202, 404, 409]).toContain(empty.status);
    const unknownEnv = await deploy({ environment: 'qa' });
    expect(unknownEnv.status).toBe(404);
    expect(unknownEnv.body.error.message).toContain('"qa"');
    const unknownService = await deploy({ service: 'ghost-api' });
    expect(unknownService.status).toBe(404);
    expect(unknownService.body.error.message).toContain(
      'component:default/ghost-api',
    );
    const badVersion = await deploy({ version: '../etc' });
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.error.message).toContain('version');
    const noPath = await api
      .post('/deploys/promote')
      .set('Authorization', ana)
      .send({ service: 'search-api', from: 'dev' });
    expect(noPath.status).toBe(400);
    expect(noPath.body.error.message).toContain('runway.dev/deploy-path');
  });

  it('holds a production deploy for approval when a gate says so; the requester cannot approve it', async () => {
    const gate: DeployGate = {
      id: 'test-gate',
      evaluate: async ctx =>
        ctx.production
          ? {
              result: 'approval-required',
              reason: 'readiness is bronze, below silver',
            }
          : { result: 'allow' },
    };
    const { api, h, deploy } = await setup({ gates: [gate] });
    const held = await deploy({});
    expect(held.body).toEqual(
      expect.objectContaining({
        status: 'awaiting-approval',
        approval: { reason: 'readiness is bronze, below silver' },
      }),
    );
    expect(h.driver.calls).toEqual([]);
    const self = await api
      .post(`/deploys/${held.body.id}/approve`)
      .set('Authorization', ana);
    expect(self.status).toBe(403);
    const approved = await api
      .post(`/deploys/${held.body.id}/approve`)
      .set('Authorization', pat);
    expect(approved.status).toBe(200);
    expect(approved.body.approval.approvedBy).toBe('user:default/pat');
    await h.settled(held.body.id, 'succeeded');
    const again = await api
      .post(`/deploys/${held.body.id}/approve`)
      .set('Authorization', pat);
    expect(again.status).toBe(409);
  });

  it('answers 401 without credentials and 403 without the deploy permission', async () => {
    const { api, h, deploy } = await setup({
      deny: ['delivery.deploy.create'],
    });
    expect((await api.post('/deploys').send({})).status).toBe(401);
    const denied = await deploy({}, ben);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('delivery.deploy.create');
    expect(await h.knex('delivery_deployments')).toEqual([]);
  });
});

describe('webhook deploy driver against a real HTTP endpoint', () => {
  const secret = 'ci-secret-0123456789';
  let server: http.Server;
  let received: Array<{ headers: http.IncomingHttpHeaders; body: string }>;
  let url: string;
  beforeAll(async () => {
    received = [];
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', c => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(202, { 'Content-Type': 'application/json' });
        res.end('{"queued":true}');
      });
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/deploy`;
  });
  afterAll(() => new Promise(r => server.close(r)));

  it('sends a signed request with the idempotency key, and accepts only a signed callback', async () => {
    const driver = new WebhookDeployDriver({ url, secret });
    const lines: string[] = [];
    const result = await driver.deploy({
      deployment: {
        id: 'dep-1',
        service: 'component:default/payments-api',
        environment: 'prod',
        production: true,
        version: '1.2.3',
        changeType: 'planned',
      },
      callbackUrl: 'http://portal/api/delivery/deploys/dep-1/callback',
      log: async m => {
        lines.push(m);
      },
      logger: mockServices.logger.mock(),
    });
    expect(result.status).toBe('pending');
    const [call] = received;
    expect(call.headers['idempotency-key']).toBe('dep-1');
    expect(call.headers['x-hub-signature-256']).toBe(
      signBody(secret, call.body),
    );
    expect(JSON.parse(call.body)).toEqual(
      expect.objectContaining({
        deploymentId: 'dep-1',
        version: '1.2.3',
        callbackUrl: 'http://portal/api/delivery/deploys/dep-1/callback',
      }),
    );
    const body = Buffer.from(
      '{"status":"succeeded","log":["rolled out 3/3 pods"]}',
    );
    await expect(
      driver.verifyCallback({
        headers: { 'x-hub-signature-256': signBody(secret, body) },
        rawBody: body,
      }),
    ).resolves.toEqual({ status: 'succeeded', log: ['rolled out 3/3 pods'] });
    await expect(
      driver.verifyCallback({
        headers: { 'x-hub-signature-256': signBody('other', body) },
        rawBody: body,
      }),
    ).rejects.toThrow('Invalid or missing x-hub-signature-256');
  });
});
