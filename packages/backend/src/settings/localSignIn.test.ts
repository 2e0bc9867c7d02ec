import { readHttpServerOptions } from '@backstage/backend-defaults/rootHttpRouter';
import { Config, ConfigReader } from '@backstage/config';
import { ConfigSources, loadConfigSchema } from '@backstage/config-loader';
import { readDevUserSettings } from '@internal/plugin-auth-backend-module-runway-sign-in';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

jest.setTimeout(60_000);

const root = path.resolve(__dirname, '../../../..');

/** What a deployment sets for app-config.production.yaml's ${VAR}s. */
const productionEnv: Record<string, string> = {
  RUNWAY_BASE_URL: 'https://runway.skyline.example',
  POSTGRES_HOST: 'db.internal',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'runway',
  POSTGRES_PASSWORD: 'pg-secret',
  AUTH_SESSION_SECRET: 'session-secret',
  AUTH_OIDC_METADATA_URL:
    'https://sso.skyline.example/.well-known/openid-configuration',
  AUTH_OIDC_CLIENT_ID: 'runway',
  AUTH_OIDC_CLIENT_SECRET: 'oidc-secret',
  ENVIRONMENTS_ENCRYPTION_KEY: 'k'.repeat(44),
  ENVIRONMENTS_POSTGRES_HOST: 'envs.internal',
  ENVIRONMENTS_POSTGRES_USER: 'admin',
  ENVIRONMENTS_POSTGRES_PASSWORD: 'admin-secret',
  ENVIRONMENTS_GITOPS_URL: 'https://git.skyline.example/gitops.git',
  ENVIRONMENTS_GITOPS_TOKEN: 'token',
  DELIVERY_WEBHOOK_SECRET: 'webhook-secret',
  DELIVERY_GITOPS_URL: 'https://git.skyline.example/gitops.git',
  DELIVERY_GITOPS_TOKEN: 'token',
};

const MAKE_START = ['app-config.yaml'];
// README, "Running in production": --config app-config.yaml --config app-config.production.yaml
const PRODUCTION = ['app-config.yaml', 'app-config.production.yaml'];

/** The configuration the backend reads from these files (with ${VAR}s substituted). */
async function backendConfig(files: string[]): Promise<Config> {
  const config = await ConfigSources.toConfig(
    ConfigSources.defaultForTargets({
      rootDir: root,
      targets: files.map(f => ({ type: 'path', target: path.join(root, f) })),
      substitutionFunc: async name => productionEnv[name],
    }),
  );
  config.close();
  return config;
}

/** The part of the configuration the frontend is given (the app's config schema decides). */
async function frontendConfig(files: string[]): Promise<Config> {
  const schema = await loadConfigSchema({ dependencies: ['app'] });
  const configs = files.map(f => ({
    context: f,
    data: YAML.parse(fs.readFileSync(path.join(root, f), 'utf8')),
  }));
  return ConfigReader.fromConfigs(
    schema.process(configs, {
      visibility: ['frontend'],
      ignoreSchemaErrors: true,
    }),
  );
}

/** The example organisation's users and the groups each is a member of. */
function exampleUsers(): Map<string, string[]> {
  const docs = YAML.parseAllDocuments(
    fs.readFileSync(path.join(root, 'examples/org/users.yaml'), 'utf8'),
  ).map(d => d.toJS());
  return new Map(
    docs.map(d => [`user:default/${d.metadata.name}`, d.spec.memberOf]),
  );
}

describe('make start (app-config.yaml)', () => {
  it('listens on loopback only', async () => {
    const config = await backendConfig(MAKE_START);
    expect(readHttpServerOptions(config.getConfig('backend')).listen).toEqual({
      host: '127.0.0.1',
      port: 7007,
    });
  });

  it('offers a platform engineer, a service owner and a developer of another team to be', async () => {
    const config = await backendConfig(MAKE_START);
    const users = readDevUserSettings(config, 'development')!;
    const platformTeam = config
      .getString('runway.platformTeam')
      .replace('group:default/', '');
    const teams = exampleUsers();
    const groupsOf = (ref: string) => teams.get(ref) ?? [];

    // Every one of them is a user of the example organisation, and none is the old guest.
    expect(users.map(u => u.userEntityRef).filter(r => !teams.has(r))).toEqual(
      [],
    );
    expect(users.map(u => u.userEntityRef)).not.toContain('user:default/guest');

    const engineer = users.find(u =>
      groupsOf(u.userEntityRef).includes(platformTeam),
    );
    expect(engineer?.description).toMatch(/^Platform engineer/);
    const owner = users.find(u =>
      groupsOf(u.userEntityRef).includes('payments-team'),
    );
    expect(owner?.description).toMatch(/^Service owner \(payments-team\)/);
    const other = users.find(
      u =>
        !groupsOf(u.userEntityRef).includes(platformTeam) &&
        !groupsOf(u.userEntityRef).includes('payments-team'),
    );
    expect(other?.description).toMatch(/^Developer on another team/);
  });

  it('gives the sign-in page the users and what each may do', async () => {
    const [backend, frontend] = await Promise.all([
      backendConfig(MAKE_START),
      frontendConfig(MAKE_START),
    ]);
    expect(frontend.get('auth.providers.devUser.development.users')).toEqual(
      backend.get('auth.providers.devUser.development.users'),
    );
  });
});

describe('production (app-config.yaml + app-config.production.yaml)', () => {
  it('listens on every interface, behind its Service', async () => {
    const config = await backendConfig(PRODUCTION);
    expect(readHttpServerOptions(config.getConfig('backend')).listen).toEqual({
      host: '',
      port: 7007,
    });
  });

  it('has no development sign-in, on the backend or the sign-in page', async () => {
    const [backend, frontend] = await Promise.all([
      backendConfig(PRODUCTION),
      frontendConfig(PRODUCTION),
    ]);
    expect(backend.getString('auth.environment')).toBe('production');
    expect(readDevUserSettings(backend, 'production')).toBeUndefined();
    expect(frontend.getOptional('auth.providers.devUser')).toBeUndefined();
    expect(frontend.getStringArray('runway.signIn.providers')).toEqual([
      'oidc',
    ]);
  });

  it('refuses to start when a deployment adds the development sign-in back', async () => {
    const production = await backendConfig(PRODUCTION);
    const withDevUser = ConfigReader.fromConfigs([
      { context: 'production', data: production.get() },
      {
        context: 'a deployment override',
        data: {
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
      },
    ]);
    expect(() => readDevUserSettings(withDevUser, 'production')).toThrow(
      'auth.providers.devUser lets anyone sign in as whom they choose, so it is for local development only, but auth.environment is "production"',
    );
  });
});
