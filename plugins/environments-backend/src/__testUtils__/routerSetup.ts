import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { AuthorizedEnvironmentsService } from '../services/AuthorizedEnvironmentsService';
import { Ownership } from '@internal/backend-common';
import { claimsUserInfo } from '@internal/testing';
import { createRouter } from '../service/createRouter';
import { createHarness } from './harness';

export const ana = mockCredentials.user.header('user:default/ana'); // payments-team
export const ben = mockCredentials.user.header('user:default/ben'); // search-team
export const pat = mockCredentials.user.header('user:default/pat'); // platform-team
export const payments = 'group:default/payments-team';
const GROUPS: Record<string, string[]> = {
  'user:default/ana': [payments],
  'user:default/ben': ['group:default/search-team'],
  'user:default/pat': ['group:default/platform-team'],
};

/**
 * The environments router over the real services and database of `createHarness`, behind a
 * permissions mock that denies the permissions named in `deny`, with fixed group memberships.
 */
export async function setupRouter(
  databases: TestDatabases,
  options: { deny?: string[] } = {},
): Promise<{
  api: ReturnType<typeof request>;
  h: Awaited<ReturnType<typeof createHarness>>;
  rows: () => Promise<unknown>;
}> {
  const h = await createHarness(databases);
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => ({
        result: options.deny?.includes(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
    authorizeConditional: async requests =>
      requests.map(r => ({
        result: options.deny?.includes(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })) as any,
  });
  const service = new AuthorizedEnvironmentsService(
    h.service,
    permissions,
    new Ownership('group:default/platform-team', claimsUserInfo(GROUPS)),
    h.box,
  );
  const app = express()
    .use(
      createRouter({
        service,
        httpAuth: mockServices.httpAuth({
          defaultCredentials: mockCredentials.none(),
        }),
        auditor: mockServices.auditor.mock(),
      }),
    )
    .use(mockErrorHandler());
  // Everything a request could have written: an action that fails must leave it as it was.
  const rows = async () => ({
    environments: await h.knex('environments').select(),
    resources: await h.knex('environment_resources').select(),
    events: await h.knex('environment_events').select(),
    audit: await h.knex('environment_audit').select(),
    keys: await h.knex('environment_idempotency_keys').select(),
  });
  return { api: request(app), h, rows };
}

export const create = (patch: Record<string, unknown> = {}) => ({
  className: 'preview',
  owner: payments,
  ...patch,
});

export async function createReady(
  api: ReturnType<typeof request>,
  h: Awaited<ReturnType<typeof createHarness>>,
  name: string,
) {
  const res = await api
    .post('/environments')
    .set('Authorization', ana)
    .send(create({ name }));
  expect(res.status).toBe(202);
  await h.engine.idle();
  return res.body.id as string;
}
