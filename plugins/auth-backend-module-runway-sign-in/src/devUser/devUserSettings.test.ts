import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { normalizeUserRef, readDevUserSettings } from './devUserSettings';

const users = [
  { userEntityRef: 'user:default/alex.moreno', description: 'Platform' },
  { userEntityRef: 'Maria.Silva', description: 'Payments owner' },
];

const read = (auth: JsonObject, nodeEnv = 'development') =>
  readDevUserSettings(mockServices.rootConfig({ data: { auth } }), nodeEnv);

describe('readDevUserSettings', () => {
  it('lists the users, refs normalised, in local development', () => {
    expect(
      read({
        environment: 'development',
        providers: { devUser: { development: { users } } },
      }),
    ).toEqual([
      { userEntityRef: 'user:default/alex.moreno', description: 'Platform' },
      {
        userEntityRef: 'user:default/maria.silva',
        description: 'Payments owner',
      },
    ]);
  });

  it('treats an unset auth.environment as development, as the auth backend does', () => {
    expect(
      read({ providers: { devUser: { development: { users } } } }),
    ).toHaveLength(2);
  });

  it('is undefined when the provider is not configured or set to null', () => {
    expect(read({ environment: 'production', providers: {} })).toBeUndefined();
    expect(
      read({ environment: 'production', providers: { devUser: null } as any }),
    ).toBeUndefined();
  });

  it('refuses any auth.environment but development', () => {
    expect(() =>
      read({
        environment: 'production',
        providers: { devUser: { development: { users } } },
      }),
    ).toThrow(
      'auth.providers.devUser lets anyone sign in as whom they choose, so it is for local development only, but auth.environment is "production"; remove auth.providers.devUser from this configuration (app-config.production.yaml sets it to null)',
    );
  });

  it('refuses a configuration for another environment', () => {
    expect(() =>
      read({
        environment: 'development',
        providers: {
          devUser: { development: { users }, production: { users } },
        },
      }),
    ).toThrow(
      'auth.providers.devUser.production: the development sign-in is configured only under auth.providers.devUser.development; remove auth.providers.devUser.production',
    );
  });

  it('refuses a backend not run by `yarn start` unless explicitly allowed', () => {
    const auth = {
      environment: 'development',
      providers: { devUser: { development: { users } } },
    };
    expect(() => read(auth, 'production')).toThrow(
      'auth.providers.devUser is for local development only, but NODE_ENV is "production"; remove auth.providers.devUser, or set auth.providers.devUser.dangerouslyAllowOutsideDevelopment: true only to test a production build on your own machine',
    );
    expect(
      read(
        {
          ...auth,
          providers: {
            devUser: {
              dangerouslyAllowOutsideDevelopment: true,
              development: { users },
            },
          },
        },
        'production',
      ),
    ).toHaveLength(2);
  });

  it('refuses an empty list and refs that are not users', () => {
    expect(() =>
      read({ providers: { devUser: { development: { users: [] } } } }),
    ).toThrow('auth.providers.devUser.development.users is missing or empty');
    expect(() =>
      read({
        providers: {
          devUser: {
            development: {
              users: [
                ...users,
                {
                  userEntityRef: 'group:default/platform-team',
                  description: 'x',
                },
              ],
            },
          },
        },
      }),
    ).toThrow(
      'auth.providers.devUser.development.users[2].userEntityRef: "group:default/platform-team" is not a User entity ref',
    );
  });
});

describe('normalizeUserRef', () => {
  it('fills in kind and namespace and lower-cases', () => {
    expect(normalizeUserRef(' Alex.Moreno ')).toBe('user:default/alex.moreno');
    expect(normalizeUserRef('user:ops/Sam')).toBe('user:ops/sam');
    expect(normalizeUserRef('component:default/x')).toBeUndefined();
    expect(normalizeUserRef('a:b:c')).toBeUndefined();
  });
});
