import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { claimsUserInfoFactory } from '@internal/testing';
import {
  notificationService,
  NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import { environmentsDriversExtensionPoint } from '@internal/plugin-environments-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { JsonObject } from '@backstage/types';
import { RecordingDriver } from './__testUtils__/RecordingDriver';
import {
  previewClass as previewClassInput,
  TEST_KEY,
} from './__testUtils__/harness';

const previewClass = previewClassInput as unknown as JsonObject;
import { environmentsPlugin } from './plugin';

jest.setTimeout(60_000);

const user = (name: string, group: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {},
  relations: [{ type: 'memberOf', targetRef: `group:default/${group}` }],
});
const ana = mockCredentials.user.header('user:default/ana');

let actions: ReturnType<typeof actionsRegistryServiceMock>;
let driver: RecordingDriver;
let sent: NotificationSendOptions[];
const MOCK_PREFIX = 'test:';

function classFile(content: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'environment-classes-'));
  const file = path.join(dir, 'classes.yaml');
  fs.writeFileSync(file, content);
  return file;
}

async function startEnvironments(environments: JsonObject) {
  actions = actionsRegistryServiceMock();
  driver = new RecordingDriver();
  sent = [];
  const { server } = await startTestBackend({
    features: [
      environmentsPlugin,
      createBackendModule({
        pluginId: 'environments',
        moduleId: 'test-driver',
        register(env) {
          env.registerInit({
            deps: { drivers: environmentsDriversExtensionPoint },
            async init({ drivers }) {
              drivers.addDriver(driver);
            },
          });
        },
      }),
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => actions,
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async n => void sent.push(n) }),
      }),
      catalogServiceMock.factory({
        entities: [user('ana', 'payments-team'), user('pat', 'platform-team')],
      }),
      claimsUserInfoFactory({
        'user:default/ana': ['group:default/payments-team'],
        'user:default/pat': ['group:default/platform-team'],
      }),
      mockServices.rootConfig.factory({
        data: {
          runway: { platformTeam: 'group:default/platform-team' },
          environments,
        },
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  return request(server);
}

async function waitForStatus(
  api: ReturnType<typeof request>,
  id: string,
  status: string,
) {
  for (let i = 0; i < 200; i++) {
    const res = await api
      .get(`/api/environments/environments/${id}/events`)
      .set('Authorization', ana);
    if (res.body.status === status) return res.body;
    await new Promise(r => setTimeout(r, 25));
  }
  throw new Error(`environment ${id} never became ${status}`);
}

describe('environments plugin at /api/environments', () => {
  it('provisions an environment through drivers registered by a module, and tears it down', async () => {
    const api = await startEnvironments({
      encryptionKey: TEST_KEY,
      classes: [previewClass],
    });
    const created = await api
      .post('/api/environments/environments')
      .set('Authorization', ana)
      .send({
        className: 'preview',
        owner: 'group:default/payments-team',
        name: 'pr-100',
      });
    expect(created.status).toBe(202);
    const { events } = await waitForStatus(api, created.body.id, 'ready');
    expect(events.map((e: any) => e.message)).toContain('made pr-100/app');
    expect([...driver.existing].sort()).toEqual(['pr-100/app', 'pr-100/db']);

    const read = await api
      .get(`/api/environments/environments/${created.body.id}`)
      .set('Authorization', ana);
    expect(read.body.viewer.isOwner).toBe(true);
    expect(read.body.resources[1].secrets).toEqual({
      password: 'pw-pr-100/db',
    });

    const teardown = await api
      .post(`/api/environments/environments/${created.body.id}/teardown`)
      .set('Authorization', ana)
      .send({});
    expect(teardown.status).toBe(202);
    await waitForStatus(api, created.body.id, 'torn-down');
    expect(driver.existing.size).toBe(0);
  });

  it('reports a broken class with its file and field, and keeps the others', async () => {
    const file = classFile(`classes:
  - id: broken
    title: Broken
    ttl: { defaultHours: 48, maxHours: 24 }
    resources:
      - { name: db, type: test }
  - id: nodriver
    title: No driver
    ttl: { defaultHours: 1, maxHours: 2 }
    resources:
      - { name: q, type: rabbitmq }
  - id: fine
    title: Fine
    ttl: { defaultHours: 1, maxHours: 2 }
    resources:
      - { name: db, type: test, parameters: { size: 5 } }
`);
    const api = await startEnvironments({
      encryptionKey: TEST_KEY,
      classFiles: [file],
      classes: [previewClass],
    });
    const res = await api
      .get('/api/environments/classes')
      .set('Authorization', ana);
    expect(res.status).toBe(200);
    expect(res.body.classes.map((c: any) => c.id)).toEqual(['preview', 'fine']);
    expect(res.body.problems).toEqual([
      {
        source: file,
        classId: 'broken',
        field: 'classes[0].ttl.defaultHours',
        message: 'must not exceed ttl.maxHours (24), got 48',
      },
      {
        source: file,
        classId: 'nodriver',
        field: 'classes[1].resources[0].type',
        message:
          'no driver registered for "rabbitmq" (registered: config, test)',
      },
    ]);
  });

  it('refuses to start without an encryption key', async () => {
    await expect(
      startEnvironments({ classes: [previewClass] }),
    ).rejects.toThrow(/environments.encryptionKey is required/);
  });

  it('gives coding agents list, create and tear down under the same rules', async () => {
    const api = await startEnvironments({
      encryptionKey: TEST_KEY,
      classes: [previewClass],
    });
    const credentials = mockCredentials.user('user:default/ana');
    const { output: created } = await actions.invoke({
      id: `${MOCK_PREFIX}create-environment`,
      input: {
        className: 'preview',
        owner: 'group:default/payments-team',
        name: 'agent-1',
        idempotencyKey: 'agent-1',
      },
      credentials,
    });
    expect(created).toMatchObject({ name: 'agent-1', created: true });
    const { output: replay } = await actions.invoke({
      id: `${MOCK_PREFIX}create-environment`,
      input: {
        className: 'preview',
        owner: 'group:default/payments-team',
        name: 'agent-1',
        idempotencyKey: 'agent-1',
      },
      credentials,
    });
    expect(replay).toMatchObject({ id: (created as any).id, created: false });
    await waitForStatus(api, (created as any).id, 'ready');

    const { output: list } = await actions.invoke({
      id: `${MOCK_PREFIX}list-environments`,
      input: { scope: 'mine' },
      credentials,
    });
    expect((list as any).items.map((e: any) => e.name)).toEqual(['agent-1']);

    // Someone outside the owning group may not create for it or tear it down.
    const stranger = mockCredentials.user('user:default/zed');
    await expect(
      actions.invoke({
        id: `${MOCK_PREFIX}create-environment`,
        input: { className: 'preview', owner: 'group:default/payments-team' },
        credentials: stranger,
      }),
    ).rejects.toThrow(/is not a member of group:default\/payments-team/);
    await expect(
      actions.invoke({
        id: `${MOCK_PREFIX}teardown-environment`,
        input: { id: (created as any).id },
        credentials: stranger,
      }),
    ).rejects.toThrow(/Not allowed/);
    await expect(
      actions.invoke({
        id: `${MOCK_PREFIX}create-environment`,
        input: {
          className: 'preview',
          owner: 'group:default/payments-team',
          name: 'Bad Name',
        },
        credentials,
      }),
    ).rejects.toThrow(/name/);

    const { output: down } = await actions.invoke({
      id: `${MOCK_PREFIX}teardown-environment`,
      input: { id: (created as any).id, reason: 'done' },
      credentials,
    });
    expect(down).toMatchObject({ status: 'tearing-down' });
    await waitForStatus(api, (created as any).id, 'torn-down');
    expect(sent).toEqual([]);
  });
});
