import { ConfigReader } from '@backstage/config';
import { readDevUsers } from './devUsers';
import { signInProvidersFromConfig } from './signInProviders';

const users = [
  { userEntityRef: 'user:default/alex.moreno', description: 'Platform' },
];

describe('readDevUsers', () => {
  it('reads the users make start offers', () => {
    const config = new ConfigReader({
      auth: { providers: { devUser: { development: { users } } } },
    });
    expect(readDevUsers(config)).toEqual(users);
  });

  it('is empty when production removed the development sign-in', () => {
    const production = ConfigReader.fromConfigs([
      {
        context: 'app-config.yaml',
        data: { auth: { providers: { devUser: { development: { users } } } } },
      },
      {
        context: 'app-config.production.yaml',
        data: { auth: { providers: { devUser: null } } },
      },
    ]);
    expect(readDevUsers(production)).toEqual([]);
  });
});

describe('signInProvidersFromConfig', () => {
  it('offers single sign-on by default and when named', () => {
    expect(
      signInProvidersFromConfig(new ConfigReader({})).map(p => p.id),
    ).toEqual(['oidc']);
    expect(
      signInProvidersFromConfig(
        new ConfigReader({ runway: { signIn: { providers: ['oidc'] } } }),
      ).map(p => p.id),
    ).toEqual(['oidc']);
  });
});
