import { ConfigReader } from '@backstage/config';
import { findSettingProblems } from './requiredSettings';

const production = {
  app: { baseUrl: 'https://runway.skyline.example' },
  backend: {
    baseUrl: 'https://runway.skyline.example',
    database: {
      client: 'pg',
      connection: {
        host: 'db.internal',
        port: '5432',
        user: 'runway',
        password: 's3cret',
      },
    },
  },
  runway: {
    signIn: { providers: ['oidc'] },
    platformTeam: 'group:default/platform-team',
  },
  environments: { encryptionKey: 'k'.repeat(44) },
  auth: {
    environment: 'production',
    session: { secret: 'session-secret' },
    providers: {
      oidc: {
        production: {
          metadataUrl:
            'https://sso.skyline.example/.well-known/openid-configuration',
          clientId: 'runway',
          clientSecret: 'client-secret',
        },
      },
    },
  },
};

function withChange(path: string, value: unknown) {
  const copy = JSON.parse(JSON.stringify(production));
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  if (value === undefined) delete node[keys[keys.length - 1]];
  else node[keys[keys.length - 1]] = value;
  return new ConfigReader(copy);
}

describe('findSettingProblems', () => {
  it('accepts a complete production configuration', () => {
    expect(findSettingProblems(new ConfigReader(production))).toEqual([]);
  });

  it('accepts local development on SQLite (no sign-in providers: make start uses devUser)', () => {
    const config = new ConfigReader({
      app: { baseUrl: 'http://localhost:3000' },
      backend: {
        baseUrl: 'http://localhost:7007',
        database: {
          client: 'better-sqlite3',
          connection: { directory: '../../data/sqlite' },
        },
      },
      runway: { signIn: { providers: [] }, platformTeam: 'Platform-Team' },
      environments: {
        encryptionKey: 'runway-local-development-key-do-not-use-in-production',
      },
    });
    expect(findSettingProblems(config)).toEqual([]);
  });

  it.each([
    ['backend.database.connection.host', 'is missing (set POSTGRES_HOST)'],
    ['backend.database.connection.user', 'is missing (set POSTGRES_USER)'],
    [
      'backend.database.connection.password',
      'is missing (set POSTGRES_PASSWORD)',
    ],
    ['backend.database.connection.port', 'is missing (set POSTGRES_PORT)'],
    ['auth.providers.oidc.production.metadataUrl', 'is missing'],
    ['auth.providers.oidc.production.clientId', 'is missing'],
    ['auth.providers.oidc.production.clientSecret', 'is missing'],
    ['auth.session.secret', 'is missing'],
    ['app.baseUrl', 'is missing'],
    [
      'environments.encryptionKey',
      'is missing (set ENVIRONMENTS_ENCRYPTION_KEY)',
    ],
  ])('names %s when it is missing', (key, problem) => {
    expect(findSettingProblems(withChange(key, undefined))).toEqual([
      { key, problem },
    ]);
  });

  it('requires the platform team once, in runway.platformTeam, and names where the old keys moved', () => {
    expect(
      findSettingProblems(withChange('runway.platformTeam', undefined)),
    ).toEqual([
      {
        key: 'runway.platformTeam',
        problem:
          'must name the platform team group, e.g. group:default/platform-team',
      },
    ]);
    expect(
      findSettingProblems(
        withChange('runway.platformTeam', 'user:default/pat'),
      ),
    ).toEqual([
      {
        key: 'runway.platformTeam',
        problem:
          '"user:default/pat" is not a group ref such as group:default/platform-team',
      },
    ]);
    for (const key of [
      'permission.runway.platformTeam',
      'environments.platformTeam',
      'delivery.platformTeam',
    ]) {
      expect(
        findSettingProblems(withChange(key, 'group:default/platform-team')),
      ).toEqual([
        {
          key,
          problem:
            'is no longer read: name the platform team once, in runway.platformTeam',
        },
      ]);
    }
  });

  it('rejects a port that is not a port number', () => {
    expect(
      findSettingProblems(
        withChange('backend.database.connection.port', '54x2'),
      ),
    ).toEqual([
      {
        key: 'backend.database.connection.port',
        problem: 'must be a port number 1-65535, got "54x2"',
      },
    ]);
  });

  it('rejects an unknown database client and sign-in provider', () => {
    const config = withChange('backend.database.client', 'mysql2');
    const problems = findSettingProblems(config).map(p => p.key);
    expect(problems).toEqual(['backend.database.client']);
    expect(
      findSettingProblems(withChange('runway.signIn.providers', ['github'])),
    ).toEqual([
      {
        key: 'runway.signIn.providers',
        problem: 'has unknown provider "github"; known: oidc',
      },
    ]);
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(
      findSettingProblems(withChange('backend.baseUrl', 'runway.example')),
    ).toEqual([
      {
        key: 'backend.baseUrl',
        problem: 'must be an http(s) URL, got "runway.example"',
      },
    ]);
  });

  it('rejects a short encryption key, and the development key in production', () => {
    expect(
      findSettingProblems(withChange('environments.encryptionKey', 'short')),
    ).toEqual([
      {
        key: 'environments.encryptionKey',
        problem: 'must be at least 32 characters, got 5',
      },
    ]);
    expect(
      findSettingProblems(
        withChange(
          'environments.encryptionKey',
          'runway-local-development-key-do-not-use-in-production',
        ),
      ),
    ).toEqual([
      {
        key: 'environments.encryptionKey',
        problem:
          "is app-config.yaml's development key; set ENVIRONMENTS_ENCRYPTION_KEY",
      },
    ]);
  });

  it("refuses app-config.yaml's webhook secret in production", () => {
    expect(
      findSettingProblems(
        withChange(
          'delivery.webhooks.secret',
          'runway-local-webhook-secret-do-not-use-in-production',
        ),
      ),
    ).toEqual([
      {
        key: 'delivery.webhooks.secret',
        problem:
          "is app-config.yaml's development secret; set DELIVERY_WEBHOOK_SECRET",
      },
    ]);
    expect(
      findSettingProblems(
        withChange('delivery.webhooks.secret', 'x'.repeat(40)),
      ),
    ).toEqual([]);
  });
});
