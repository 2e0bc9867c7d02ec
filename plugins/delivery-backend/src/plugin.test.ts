import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { auditorServiceFactory } from '@backstage/backend-defaults/auditor';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { claimsUserInfoFactory } from '@internal/testing';
import {
  deliveryDeployDriversExtensionPoint,
  signBody,
} from '@internal/plugin-delivery-node';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import request from 'supertest';
import { prOpened } from './__testUtils__/github';
import { claimsOf, CONFIG, ENTITIES, SECRET } from './__testUtils__/harness';
import { RecordingDriver } from './__testUtils__/RecordingDriver';
import { deliveryPlugin } from './plugin';

jest.setTimeout(60_000);

const ana = mockCredentials.user.header('user:default/ana');
const ci = mockCredentials.service.header();

async function start() {
  const actions = actionsRegistryServiceMock();
  const driver = new RecordingDriver();
  const { server } = await startTestBackend({
    features: [
      // Backstage's own auditor: it reads the request (its ip) when an action ends.
      auditorServiceFactory,
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => actions,
      }),
      deliveryPlugin,
      createBackendModule({
        pluginId: 'delivery',
        moduleId: 'test-driver',
        register(env) {
          env.registerInit({
            deps: { drivers: deliveryDeployDriversExtensionPoint },
            async init({ drivers }) {
              drivers.addDeployDriver(driver);
            },
          });
        },
      }),
      mockServices.rootConfig.factory({ data: CONFIG }),
      claimsUserInfoFactory(claimsOf(ENTITIES)),
      catalogServiceMock.factory({ entities: ENTITIES }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  return { api: request(server), actions, driver, server };
}

describe('delivery plugin at /api/delivery', () => {
  it('ingests with a service token, takes a signed webhook without a token, and reports metrics', async () => {
    const { api } = await start();
    const ingest = await api
      .post('/api/delivery/events')
      .set('Authorization', ci)
      .send({
        events: [
          {
            type: 'deployment',
            deliveryId: 'ci-1',
            id: 'run-1',
            service: 'payments-api',
            environment: 'prod',
            version: '1.0.0',
            status: 'succeeded',
            firstCommitAt: '2026-11-30T10:00:00Z',
            finishedAt: '2026-11-30T16:00:00Z',
          },
        ],
      });
    expect(ingest.status).toBe(202);
    expect(
      (await api.post('/api/delivery/events').send({ events: [] })).status,
    ).toBe(401);

    const body = JSON.stringify(prOpened);
    const hook = await api
      .post('/api/delivery/webhooks/github')
      .set('Content-Type', 'application/json')
      .set('X-GitHub-Event', 'pull_request')
      .set('X-GitHub-Delivery', 'gh-1')
      .set('X-Hub-Signature-256', signBody(SECRET, body))
      .send(body);
    expect(hook.status).toBe(202);
    expect(hook.body).toEqual({ accepted: 1, duplicates: 0 });

    const metrics = await api
      .get(
        '/api/delivery/metrics?service=payments-api&from=2026-11-30T00:00:00Z&to=2026-12-01T00:00:00Z',
      )
      .set('Authorization', ana);
    expect(metrics.status).toBe(200);
    expect(metrics.body.dora.deploymentFrequency.deployments).toBe(1);
    expect(metrics.body.dora.leadTime.p50Hours).toBe(6);
    expect(metrics.body.tiers.reportYear).toBe(2024);
  });

  it('deploys through a driver a module added, and registers its MCP actions', async () => {
    const { api, actions, driver } = await start();
    const res = await api
      .post('/api/delivery/deploys')
      .set('Authorization', ana)
      .send({ service: 'payments-api', environment: 'dev', version: '2.0.0' });
    expect(res.status).toBe(202);
    for (let i = 0; i < 100; i++) {
      const d = await api
        .get(`/api/delivery/deploys/${res.body.id}`)
        .set('Authorization', ana);
      if (d.body.status === 'succeeded') break;
      await new Promise(r => setTimeout(r, 20));
    }
    expect(driver.calls.map(c => c.version)).toEqual(['2.0.0']);
    const list = await actions.list();
    expect(list.actions.map(a => a.name).sort()).toEqual([
      'deploy-service',
      'get-delivery-metrics',
      'rollback-service',
    ]);
    // The MCP action takes the REST API's rules: a version with a newline or of 100,000
    // characters is refused with its message, and nothing is queued.
    for (const version of ['3.0.0\nRequested-By: x', 'v'.repeat(100_000)])
      await expect(
        actions.invoke({
          id: 'test:deploy-service',
          input: { service: 'payments-api', environment: 'dev', version },
          credentials: mockCredentials.user('user:default/ana'),
        }),
      ).rejects.toThrow(
        'Invalid input: version must be 1-128 letters, digits, ".", "_", "+" or "-", starting with a letter or digit',
      );
    await expect(
      actions.invoke({
        id: 'test:deploy-service',
        input: {
          service: 'payments-api',
          environment: 'dev',
          version: '3.0.0',
          commitSha: 'zz',
        },
        credentials: mockCredentials.user('user:default/ana'),
      }),
    ).rejects.toThrow('Invalid input: commitSha must be a git commit SHA');
    const history = await api
      .get('/api/delivery/deploys?service=payments-api')
      .set('Authorization', ana);
    expect(history.body.deployments.map((d: any) => d.version)).toEqual([
      '2.0.0',
    ]);
    const out = await actions.invoke({
      id: 'test:get-delivery-metrics',
      input: { service: 'payments-api', days: 30 },
      credentials: mockCredentials.user('user:default/ana'),
    });
    expect((out.output as any).scope).toEqual({
      type: 'service',
      ref: 'component:default/payments-api',
    });
  });

  it('takes a JUnit report streamed in chunks (no Content-Length), and refuses a bad one mid-stream with a 400', async () => {
    const { server } = await start();
    if (!server.listening)
      await new Promise<void>(r => server.listen(0, () => r()));
    const { port } = server.address() as AddressInfo;
    const upload = (runId: string, pieces: string[]) =>
      new Promise<{ status?: number; body: any }>((resolve, reject) => {
        const req = http.request(
          {
            port,
            method: 'POST',
            path: `/api/delivery/test-runs/junit?service=payments-api&runId=${runId}`,
            headers: { Authorization: ci, 'Content-Type': 'application/xml' },
          },
          res => {
            let body = '';
            res.on('data', d => (body += d));
            res.on('end', () =>
              resolve({ status: res.statusCode, body: JSON.parse(body) }),
            );
          },
        );
        req.on('error', reject);
        Readable.from(pieces).pipe(req);
      });
    const cases = Array.from(
      { length: 2000 },
      (_, i) => `<testcase name="t${i}"/>`,
    );
    const good = await upload('chunked-1', [
      '<testsuite name="s">',
      ...cases,
      '</testsuite>',
    ]);
    expect([good.status, good.body.run?.tests]).toEqual([202, 2000]);
    // Refused at its first line while the rest is still coming: a 400 naming the problem
    // (the audit of the refusal reads the request after the report stopped being read).
    const bad = await upload('chunked-2', [
      '<testsuite name="s" timestamp="1999-01-01T00:00:00">',
      ...cases,
      '</testsuite>',
    ]);
    expect([bad.status, bad.body.error.message]).toEqual([
      400,
      expect.stringMatching(/has timestamp 1999-01-01T00:00:00.000Z, outside/),
    ]);
  });
});
