// A production start with a required setting missing must stop, naming the key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal } from './portal.mjs';

test('the production backend refuses to start without POSTGRES_HOST and names the key', async () => {
  const env = {
    POSTGRES_PORT: '5432',
    POSTGRES_USER: 'runway',
    POSTGRES_PASSWORD: 'secret',
    AUTH_SESSION_SECRET: 'session',
    AUTH_OIDC_METADATA_URL:
      'http://127.0.0.1:1/.well-known/openid-configuration',
    AUTH_OIDC_CLIENT_ID: 'runway',
    AUTH_OIDC_CLIENT_SECRET: 'secret',
    RUNWAY_BASE_URL: 'http://localhost:7007',
  };
  delete process.env.POSTGRES_HOST;
  const portal = await startPortal({
    configs: ['app-config.production.yaml'],
    env,
    sqlite: false,
    devUser: false,
  });
  const code = await Promise.race([
    portal.exited,
    new Promise(resolve => setTimeout(() => resolve('still running'), 90_000)),
  ]);
  await portal.stop();
  assert.notEqual(code, 'still running', 'the backend should have stopped');
  assert.notEqual(code, 0);
  assert.match(
    portal.output(),
    /backend\.database\.connection\.host is missing \(set POSTGRES_HOST\)/,
  );
});

test('the production backend refuses to start with the development sign-in and names the setting', async () => {
  // Every production variable set, so only the development sign-in is wrong (SQLite stands in
  // for PostgreSQL). A deployment that adds auth.providers.devUser back over the production file:
  const portal = await startPortal({
    configs: ['app-config.production.yaml'],
    config: {
      auth: {
        providers: {
          devUser: {
            dangerouslyAllowOutsideDevelopment: true,
            development: {
              users: [
                {
                  userEntityRef: 'user:default/alex.moreno',
                  description: 'Platform engineer',
                },
              ],
            },
          },
        },
      },
    },
    devUser: false,
    env: {
      RUNWAY_BASE_URL: 'http://localhost:7007',
      POSTGRES_HOST: '127.0.0.1',
      POSTGRES_PORT: '5432',
      POSTGRES_USER: 'runway',
      POSTGRES_PASSWORD: 'secret',
      AUTH_SESSION_SECRET: 'session',
      AUTH_OIDC_METADATA_URL:
        'http://127.0.0.1:1/.well-known/openid-configuration',
      AUTH_OIDC_CLIENT_ID: 'runway',
      AUTH_OIDC_CLIENT_SECRET: 'secret',
      ENVIRONMENTS_ENCRYPTION_KEY: 'e2e-'.repeat(11),
      ENVIRONMENTS_POSTGRES_HOST: '127.0.0.1',
      ENVIRONMENTS_POSTGRES_USER: 'postgres',
      ENVIRONMENTS_POSTGRES_PASSWORD: 'secret',
      ENVIRONMENTS_GITOPS_URL: 'http://127.0.0.1:1/gitops.git',
      ENVIRONMENTS_GITOPS_TOKEN: 'token',
      DELIVERY_WEBHOOK_SECRET: 'webhook-secret',
      DELIVERY_GITOPS_URL: 'http://127.0.0.1:1/gitops.git',
      DELIVERY_GITOPS_TOKEN: 'token',
    },
  });
  const code = await Promise.race([
    portal.exited,
    new Promise(resolve => setTimeout(() => resolve('still running'), 90_000)),
  ]);
  await portal.stop();
  assert.notEqual(code, 'still running', 'the backend should have stopped');
  assert.notEqual(code, 0);
  assert.match(
    portal.output(),
    /auth\.providers\.devUser lets anyone sign in as whom they choose, so it is for local development only, but auth\.environment is "production"/,
  );
});
