import fs from 'node:fs';
import path from 'node:path';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  bareRepository,
  commitCount,
  git,
  tempDir,
} from '@internal/gitops-repository/testUtils';
// The real delivery plugin: the driver is tested through /api/delivery as users reach it.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import deliveryPlugin from '@internal/plugin-delivery-backend';
import request from 'supertest';
import { parse } from 'yaml';
import { deliveryModuleGitopsDriver } from './module';

jest.setTimeout(60_000);

const ana = mockCredentials.user.header('user:default/ana');

const ENTITIES = [
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

async function start(gitops: object | undefined) {
  return startTestBackend({
    features: [
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => actionsRegistryServiceMock(),
      }),
      deliveryPlugin,
      deliveryModuleGitopsDriver,
      mockServices.rootConfig.factory({
        data: {
          runway: { platformTeam: 'group:default/platform-team' },
          delivery: {
            environments: [
              { name: 'dev', tier: 'development', driver: 'gitops' },
              { name: 'prod', tier: 'production', driver: 'gitops' },
            ],
            ...(gitops && { drivers: { gitops } }),
          },
        },
      }),
      catalogServiceMock.factory({ entities: ENTITIES as any }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
}

async function finished(api: ReturnType<typeof request>, id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await api
      .get(`/api/delivery/deploys/${id}`)
      .set('Authorization', ana);
    if (['succeeded', 'failed'].includes(res.body.status)) return res.body;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`deploy ${id} did not finish`);
}

describe('delivery with the gitops driver, through /api/delivery', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('delivery-plugin');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('commits a deploy and its rollback to the remote, naming the requester', async () => {
    const remote = bareRepository(path.join(dir, 'remote.git'), true);
    const { server } = await start({
      url: `file://${remote}`,
      workDirectory: path.join(dir, 'work'),
    });
    const api = request(server);
    for (const version of ['1.0.0', '1.1.0']) {
      const res = await api
        .post('/api/delivery/deploys')
        .set('Authorization', ana)
        .send({ service: 'payments-api', environment: 'dev', version });
      expect(res.status).toBe(202);
      expect(await finished(api, res.body.id)).toMatchObject({
        status: 'succeeded',
      });
      expect(git(remote, 'log', '-1', '--format=%b', 'main')).toContain(
        `Runway-Deploy-Id: ${res.body.id}`,
      );
    }
    const rollback = await api
      .post('/api/delivery/deploys/rollback')
      .set('Authorization', ana)
      .send({ service: 'payments-api', environment: 'dev' });
    expect(rollback.status).toBe(202);
    expect(await finished(api, rollback.body.id)).toMatchObject({
      status: 'succeeded',
      version: '1.0.0',
    });
    expect(commitCount(remote)).toBe(4);
    expect(git(remote, 'log', '-1', '--format=%s', 'main')).toBe(
      'payments-api: roll back 1.0.0 to dev',
    );
    expect(git(remote, 'log', '-1', '--format=%b', 'main')).toContain(
      'Requested-By: user:default/ana',
    );
    expect(
      parse(
        git(remote, 'show', 'main:apps/payments-api/dev/kustomization.yaml'),
      ).images,
    ).toEqual([{ name: 'payments-api', newTag: '1.0.0' }]);
  });

  it('stops the start, naming the key, when the section is invalid', async () => {
    await expect(start({ branch: 'main' })).rejects.toThrow(
      'delivery.drivers.gitops: set exactly one of localPath',
    );
  });
});
