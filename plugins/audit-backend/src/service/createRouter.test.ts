import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { auditRecord } from '../__testUtils__/records';
import { DatabaseAuditEventStore } from '../database/DatabaseAuditEventStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { AuthorizedAuditTrail } from '../services/AuthorizedAuditTrail';
import { createRouter } from './createRouter';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));

async function createApp(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const knex = await databases.init('SQLITE_3');
  await applyDatabaseMigrations(knex);
  const store = new DatabaseAuditEventStore(knex);
  await store.write([
    auditRecord({ id: 'a', createdAt: at(1) }),
    auditRecord({
      id: 'b',
      status: 'failed',
      error: '=1+1, "pr" class',
      meta: { formula: '=cmd()' },
      createdAt: at(2),
      completedAt: at(2),
    }),
  ]);
  const permissions = mockServices.permissions.mock({
    authorize: async () => [{ result }],
  });
  const router = createRouter({
    trail: new AuthorizedAuditTrail(store, permissions),
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.user('user:default/platform-lead'),
    }),
  });
  return {
    api: request(express().use(router).use(mockErrorHandler())),
    permissions,
  };
}

describe('GET /events', () => {
  it('lists events newest first, a page at a time', async () => {
    const { api } = await createApp();
    const first = await api.get('/events?limit=1').expect(200);
    expect(first.body.events.map((e: any) => e.id)).toEqual(['b']);
    const second = await api
      .get(`/events?limit=1&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(second.body).toEqual({
      events: [expect.objectContaining({ id: 'a' })],
    });
    const failed = await api.get('/events?status=failed').expect(200);
    expect(failed.body.events.map((e: any) => e.id)).toEqual(['b']);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=5000', 'limit'],
    ['status=done', 'status'],
    ['from=yesterday', 'from'],
    ['format=xml', 'format'],
    ['plugin=', 'plugin'],
    ['user=ana', 'user'],
    ['cursor=xyz', 'cursor'],
  ])('answers %s with a 400 naming %s', async (query, field) => {
    const { api } = await createApp();
    const res = await api.get(`/events?${query}`).expect(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(field);
  });

  it('answers 403 without audit.events.read', async () => {
    const { api, permissions } = await createApp(AuthorizeResult.DENY);
    const res = await api.get('/events').expect(403);
    expect(res.body.error.message).toBe('Not allowed: audit.events.read');
    await api.get('/events?format=csv').expect(403);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: expect.objectContaining({ name: 'audit.events.read' }) }],
      { credentials: expect.anything() },
    );
  });

  it('exports CSV, quoted, with formulas neutralised', async () => {
    const { api } = await createApp();
    const res = await api.get('/events?format=csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toBe(
      'created_at,completed_at,plugin,event_id,severity,status,actor,ip,user_agent,method,url,meta,error,id',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      `${at(2).toISOString()},${at(
        2,
      ).toISOString()},environments,environment-create,medium,failed,user:default/ana,10.0.0.7,Mozilla/5.0,POST,/api/environments/environments,"{""formula"":""=cmd()""}","'=1+1, ""pr"" class",b`,
    );
    expect(lines[2]).toMatch(/,initiated,.*,a$/);
  });
});
