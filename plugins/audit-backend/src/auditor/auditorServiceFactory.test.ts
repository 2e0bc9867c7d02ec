import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { eventually } from '../__testUtils__/eventually';
import { RecordingLogger } from '../__testUtils__/RecordingLogger';
import { thingsPlugin } from '../__testUtils__/thingsPlugin';
import { auditPlugin } from '../plugin';
import { auditorServiceFactory } from './auditorServiceFactory';

jest.setTimeout(60_000);

const ana = mockCredentials.user.header('user:default/ana');

async function startBackend() {
  const logger = new RecordingLogger();
  const { server } = await startTestBackend({
    features: [
      auditorServiceFactory,
      auditPlugin,
      thingsPlugin,
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => logger,
      }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    ],
  });
  return { api: request(server), logs: logger.entries };
}

describe('auditorServiceFactory', () => {
  it("turns a plugin's audited action into one queryable row with actor, target and outcome", async () => {
    const { api } = await startBackend();
    await api
      .post('/api/things/things/orders')
      .set('authorization', ana)
      .set('user-agent', 'runway-test')
      .expect(201);
    await api
      .post('/api/things/things/taken')
      .set('authorization', ana)
      .expect(409);

    const events = await eventually(async () => {
      const res = await api
        .get('/api/audit/events?plugin=things')
        .set('authorization', ana)
        .expect(200);
      expect(res.body.events).toHaveLength(2);
      expect(res.body.events.map((e: any) => e.status).sort()).toEqual([
        'failed',
        'succeeded',
      ]);
      return res.body.events;
    });
    const succeeded = events.find((e: any) => e.status === 'succeeded');
    expect(succeeded).toEqual({
      id: expect.any(String),
      plugin: 'things',
      eventId: 'thing-create',
      severityLevel: 'medium',
      status: 'succeeded',
      actor: expect.objectContaining({
        actorId: 'user:default/ana',
        userAgent: 'runway-test',
      }),
      request: { method: 'POST', url: '/api/things/things/orders' },
      meta: { thingRef: 'thing:default/orders' },
      createdAt: expect.any(String),
      completedAt: expect.any(String),
    });
    const failed = events.find((e: any) => e.status === 'failed');
    expect(failed).toMatchObject({
      eventId: 'thing-create',
      actor: { actorId: 'user:default/ana' },
      meta: { thingRef: 'thing:default/taken' },
      error: 'ConflictError: thing:default/taken already exists',
    });

    const byTarget = await api
      .get('/api/audit/events?target=default/taken')
      .set('authorization', ana)
      .expect(200);
    expect(byTarget.body.events.map((e: any) => e.id)).toEqual([failed.id]);
  });

  it('still logs every event as the default auditor does', async () => {
    const { api, logs } = await startBackend();
    await api
      .post('/api/things/things/taken')
      .set('authorization', ana)
      .expect(409);
    const audit = logs.filter(l => l.fields.isAuditEvent);
    expect(audit.map(l => [l.level, l.message])).toEqual([
      ['info', 'things.thing-create'],
      ['info', 'things.thing-create'],
    ]);
    expect(audit[0].meta).toMatchObject({
      plugin: 'things',
      eventId: 'thing-create',
      severityLevel: 'medium',
      status: 'initiated',
      actor: { actorId: 'user:default/ana' },
      meta: { thingRef: 'thing:default/taken' },
    });
    // A failure is logged with the error as the entry's error and the event as its fields.
    expect(audit[1].meta).toBeInstanceOf(Error);
    expect(audit[1].fields).toMatchObject({
      plugin: 'things',
      status: 'failed',
      isAuditEvent: true,
    });
  });
});
