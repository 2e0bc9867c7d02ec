import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { AuthorizedDeliveryService } from '../services/AuthorizedDeliveryService';
import { createRouter } from '../service/createRouter';
import { createHarness } from './harness';

/**
 * The delivery router over the real services and database of `createHarness`, behind a
 * permissions mock that denies the permissions named in `deny` and allows the rest.
 */
export async function createRouterHarness(
  databases: TestDatabases,
  id: TestDatabaseId,
  options: Parameters<typeof createHarness>[2] & { deny?: string[] } = {},
) {
  const h = await createHarness(databases, id, options);
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => ({
        result: options.deny?.includes(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
  });
  const service = new AuthorizedDeliveryService(
    h.ingest,
    h.metrics,
    h.deploys,
    permissions,
    h.views,
    h.ownership,
  );
  const auditor = mockServices.auditor.mock();
  const app = express()
    .use(
      createRouter({
        service,
        httpAuth: mockServices.httpAuth({
          defaultCredentials: mockCredentials.none(),
        }),
        auditor,
        webhookSecrets: h.settings.webhookSecrets,
        junitMaxBytes: h.settings.junitMaxBytes,
        webhookTokens: h.settings.webhookTokens,
      }),
    )
    .use(mockErrorHandler());
  return { api: request(app), h, auditor };
}
