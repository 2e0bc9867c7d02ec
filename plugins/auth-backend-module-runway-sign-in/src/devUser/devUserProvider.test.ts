import authPlugin from '@backstage/plugin-auth-backend';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import request from 'supertest';
import { authModuleRunwaySignIn } from '../module';

jest.setTimeout(60_000);

function user(name: string, memberOf: string[], displayName?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: {
      profile: { displayName, email: `${name}@skyline.example` },
      memberOf,
    },
    relations: memberOf.map(g => ({
      type: 'memberOf',
      targetRef: `group:default/${g}`,
    })),
  };
}

const catalog = [
  user('alex.moreno', ['platform-team'], 'Alex Moreno'),
  user('maria.silva', ['payments-team'], 'Maria Silva'),
  // In the catalog but not listed: may not be chosen.
  user('hannah.fischer', ['security-team']),
];

const devUser = {
  // Jest runs with NODE_ENV=test; `make start` runs with development.
  dangerouslyAllowOutsideDevelopment: true,
  development: {
    users: [
      { userEntityRef: 'user:default/alex.moreno', description: 'Platform' },
      { userEntityRef: 'maria.silva', description: 'Payments owner' },
      // Listed, but missing from the catalog.
      { userEntityRef: 'user:default/ghost', description: 'Nobody' },
    ],
  },
};

/** What any plugin learns about the caller of /api/whoami: their ownership claims. */
const whoamiPlugin = createBackendPlugin({
  pluginId: 'whoami',
  register(reg) {
    reg.registerInit({
      deps: {
        router: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
      },
      async init({ router, httpAuth, userInfo }) {
        router.use((req, res, next) => {
          httpAuth
            .credentials(req, { allow: ['user'] })
            .then(credentials => userInfo.getUserInfo(credentials))
            .then(info => res.json(info), next);
        });
      },
    });
  },
});

function startBackend(auth: JsonObject) {
  return startTestBackend({
    features: [
      // Backstage's own token handling, so /api/whoami verifies the token the sign-in issued.
      authServiceFactory,
      httpAuthServiceFactory,
      userInfoServiceFactory,
      authPlugin,
      whoamiPlugin,
      authModuleRunwaySignIn,
      catalogServiceMock.factory({ entities: catalog }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: { session: { secret: 'test-session-secret' }, ...auth },
        },
      }),
    ],
  });
}

describe('the devUser sign-in provider', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  beforeAll(async () => {
    backend = await startBackend({
      environment: 'development',
      providers: { devUser },
    });
  });
  afterAll(() => backend.stop());

  const refresh = (chosen?: string) => {
    const req = request(backend.server)
      .post('/api/auth/devUser/refresh')
      .set('X-Requested-With', 'XMLHttpRequest');
    return chosen === undefined ? req : req.set('x-runway-dev-user', chosen);
  };

  it('signs in as a listed user with their groups as ownership claims', async () => {
    const res = await refresh('user:default/alex.moreno');
    expect(res.status).toBe(200);
    expect(res.body.profile).toEqual({
      displayName: 'Alex Moreno',
      email: 'alex.moreno@skyline.example',
    });
    expect(res.body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/alex.moreno',
      ownershipEntityRefs: [
        'user:default/alex.moreno',
        'group:default/platform-team',
      ],
    });
    const whoami = await request(backend.server)
      .get('/api/whoami')
      .set('Authorization', `Bearer ${res.body.backstageIdentity.token}`);
    expect(whoami.body).toEqual({
      userEntityRef: 'user:default/alex.moreno',
      ownershipEntityRefs: [
        'user:default/alex.moreno',
        'group:default/platform-team',
      ],
    });
  });

  it('accepts the listed ref in another case or short form', async () => {
    const res = await refresh('User:Default/Maria.Silva');
    expect(res.status).toBe(200);
    expect(res.body.backstageIdentity.identity.ownershipEntityRefs).toEqual([
      'user:default/maria.silva',
      'group:default/payments-team',
    ]);
  });

  it('refuses a user of the catalog who is not listed, naming who is', async () => {
    const res = await refresh('user:default/hannah.fischer');
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      name: 'NotAllowedError',
      message:
        'Sign-in refused: "user:default/hannah.fischer" is not one of the development users (auth.providers.devUser.development.users): user:default/alex.moreno, user:default/maria.silva, user:default/ghost',
    });
  });

  it('refuses what is not a user at all', async () => {
    const res = await refresh('group:default/platform-team');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      '"group:default/platform-team" is not one of the development users',
    );
  });

  it('refuses a listed user the catalog does not know', async () => {
    const res = await refresh('user:default/ghost');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Sign-in refused: user:default/ghost is listed in auth.providers.devUser.development.users but the catalog has no such User (is examples/org/users.yaml among catalog.locations?)',
    );
  });

  it('refuses a request without the header', async () => {
    for (const res of [await refresh(), await refresh('  ')]) {
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({
        name: 'AuthenticationError',
        message:
          'Sign-in refused: the x-runway-dev-user header names no user; choose who to be on the sign-in page',
      });
    }
  });
});

describe('the devUser provider outside local development', () => {
  it('stops the backend when auth.environment is production', async () => {
    await expect(
      startBackend({ environment: 'production', providers: { devUser } }),
    ).rejects.toThrow(
      'auth.providers.devUser lets anyone sign in as whom they choose, so it is for local development only, but auth.environment is "production"',
    );
  });

  it('is not served when it is not configured', async () => {
    const backend = await startBackend({
      environment: 'development',
      providers: {},
    });
    try {
      const res = await request(backend.server)
        .post('/api/auth/devUser/refresh')
        .set('X-Requested-With', 'XMLHttpRequest')
        .set('x-runway-dev-user', 'user:default/alex.moreno');
      expect(res.status).toBe(404);
    } finally {
      await backend.stop();
    }
  });
});
