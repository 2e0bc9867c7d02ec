import authPlugin from '@backstage/plugin-auth-backend';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { authModuleRunwaySignIn } from './module';

jest.setTimeout(60_000);

// The whole sign-in flow runs against a real OIDC provider in e2e/oidc.test.mjs; here a server
// that only serves discovery metadata lets the auth plugin start the provider.
let metadataServer: http.Server;
let issuer: string;
beforeAll(async () => {
  metadataServer = http.createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(
      JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/me`,
        jwks_uri: `${issuer}/jwks`,
        code_challenge_methods_supported: ['S256'],
      }),
    );
  });
  await new Promise<void>(r => metadataServer.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(metadataServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  metadataServer.closeAllConnections();
  await new Promise(r => metadataServer.close(r));
});

function startBackend(resolver: string) {
  return startTestBackend({
    features: [
      authPlugin,
      authModuleRunwaySignIn,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: {
            session: { secret: 'test-session-secret' },
            providers: {
              oidc: {
                development: {
                  metadataUrl: `${issuer}/.well-known/openid-configuration`,
                  clientId: 'runway',
                  clientSecret: 'secret',
                  prompt: 'auto',
                  signIn: { resolvers: [{ resolver }] },
                },
              },
            },
          },
        },
      }),
    ],
  });
}

describe('authModuleRunwaySignIn (metadata-only stand-in for the OIDC provider)', () => {
  it('serves the oidc provider with the catalogUserMatchingEmail resolver', async () => {
    const backend = await startBackend('catalogUserMatchingEmail');
    const { server } = backend;
    try {
      const start = await request(server).get(
        '/api/auth/oidc/start?env=development&scope=openid%20profile%20email',
      );
      expect(start.status).toBe(302);
      const location = new URL(start.headers.location);
      expect(`${location.origin}${location.pathname}`).toBe(`${issuer}/auth`);
      expect(location.searchParams.get('client_id')).toBe('runway');
      expect(location.searchParams.get('redirect_uri')).toMatch(
        /\/api\/auth\/oidc\/handler\/frame$/,
      );

      // Without a session there is nothing to refresh.
      const refresh = await request(server)
        .post('/api/auth/oidc/refresh?env=development')
        .set('X-Requested-With', 'XMLHttpRequest');
      expect(refresh.status).toBe(401);
    } finally {
      await backend.stop();
    }
  });

  it('refuses to start with a resolver it does not have', async () => {
    await expect(startBackend('noSuchResolver')).rejects.toThrow(
      /Failed to initialize oidc auth provider.*noSuchResolver/s,
    );
  });
});
