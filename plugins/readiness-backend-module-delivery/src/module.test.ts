import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
// This test runs the two real plugins the module connects, in one backend.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import deliveryPlugin from '@internal/plugin-delivery-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import readinessPlugin from '@internal/plugin-readiness-backend';
import request from 'supertest';
import { readinessModuleDelivery } from './module';

jest.setTimeout(60_000);

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'payments-team' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/payments-team' }],
  },
];
const user = mockCredentials.user.header('user:default/ana');
const hoursAgo = (h: number) =>
  new Date(Date.now() - h * 3600_000).toISOString();

describe('readiness module delivery (readiness and delivery plugins in one backend)', () => {
  it('turns delivery events into readiness facts that checks read', async () => {
    const { server } = await startTestBackend({
      features: [
        createServiceFactory({
          service: actionsRegistryServiceRef,
          deps: {},
          factory: () => actionsRegistryServiceMock(),
        }),
        readinessPlugin,
        deliveryPlugin,
        readinessModuleDelivery,
        mockServices.rootConfig.factory({
          data: {
            runway: { platformTeam: 'group:default/platform-team' },
            readiness: { startupEvaluationDelaySeconds: 86400 },
          },
        }),
        catalogServiceMock.factory({ entities }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });
    const api = request(server);
    const deployment = (id: string, h: number) => ({
      type: 'deployment',
      id,
      service: 'payments-api',
      environment: 'prod',
      version: id,
      status: 'succeeded',
      firstCommitAt: hoursAgo(h + 5),
      finishedAt: hoursAgo(h),
    });
    const ingest = await api
      .post('/api/delivery/events')
      .set('Authorization', mockCredentials.service.header())
      .send({
        events: [
          deployment('v1', 48),
          deployment('v2', 24),
          {
            type: 'test_run',
            id: 'run-1',
            service: 'payments-api',
            finishedAt: hoursAgo(20),
            durationSeconds: 240,
            tests: 100,
            failures: 0,
          },
        ],
      });
    expect(ingest.status).toBe(202);

    const evaluated = await api
      .post('/api/readiness/evaluate')
      .set('Authorization', user)
      .send({ entityRef: 'component:default/payments-api' });
    expect(evaluated.status).toBe(200);

    const card = await api
      .get('/api/readiness/scorecards/component/default/payments-api')
      .set('Authorization', user);
    const check = (capability: string, id: string) =>
      card.body.capabilities
        .find((c: any) => c.capability === capability)
        .checks.find((c: any) => c.id === id);
    // Two production deploys in 30 days, lead time 5 h, a previous version, a clean test run.
    expect(
      check(
        'self-service-deployment',
        'self-service-deployment.rollback-available',
      ).status,
    ).toBe('pass');
    expect(
      check('self-service-deployment', 'self-service-deployment.lead-time-day')
        .status,
    ).toBe('pass');
    expect(
      check('self-service-deployment', 'self-service-deployment.deploys-weekly')
        .status,
    ).not.toBe('missing-data');
    expect(check('test-feedback', 'test-feedback.flaky-rate-low').status).toBe(
      'pass',
    );
    expect(check('test-feedback', 'test-feedback.duration-p50').status).toBe(
      'pass',
    );
  });
});
