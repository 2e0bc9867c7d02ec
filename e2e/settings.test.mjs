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
