import { Config } from '@backstage/config';
import { checkPlatformTeam } from './platformTeam';

/** A setting that is missing or invalid, named by its config key. */
export type SettingProblem = { key: string; problem: string };

const DATABASE_CLIENTS = ['pg', 'better-sqlite3'];
const SIGN_IN_PROVIDERS = ['oidc'];

/**
 * Lists every required setting that is missing or invalid. An empty list means the backend
 * may start. Checked at start so that a misconfigured replica fails loudly instead of, say,
 * silently connecting to a Postgres on localhost.
 */
export function findSettingProblems(config: Config): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const read = (key: string) => readValue(config, key, problems);

  requireUrl(read('app.baseUrl'), 'app.baseUrl', problems);
  requireUrl(read('backend.baseUrl'), 'backend.baseUrl', problems);

  const client = read('backend.database.client');
  if (client === undefined) {
    problems.push({ key: 'backend.database.client', problem: 'is missing' });
  } else if (!DATABASE_CLIENTS.includes(String(client))) {
    problems.push({
      key: 'backend.database.client',
      problem: `must be one of ${DATABASE_CLIENTS.join(', ')}, got "${client}"`,
    });
  } else if (client === 'pg') {
    const connection = read('backend.database.connection');
    if (typeof connection !== 'string') {
      for (const [field, env] of [
        ['host', 'POSTGRES_HOST'],
        ['user', 'POSTGRES_USER'],
        ['password', 'POSTGRES_PASSWORD'],
      ]) {
        const key = `backend.database.connection.${field}`;
        requireText(read(key), key, problems, env);
      }
      const portKey = 'backend.database.connection.port';
      requirePort(read(portKey), portKey, problems);
    }
  }

  const signIn = read('runway.signIn.providers');
  const providers = Array.isArray(signIn) ? signIn.map(String) : [];
  for (const provider of providers) {
    if (!SIGN_IN_PROVIDERS.includes(provider)) {
      problems.push({
        key: 'runway.signIn.providers',
        problem: `has unknown provider "${provider}"; known: ${SIGN_IN_PROVIDERS.join(
          ', ',
        )}`,
      });
    }
  }
  if (providers.includes('oidc')) {
    const env = String(read('auth.environment') ?? 'development');
    const base = `auth.providers.oidc.${env}`;
    requireUrl(read(`${base}.metadataUrl`), `${base}.metadataUrl`, problems);
    requireText(read(`${base}.clientId`), `${base}.clientId`, problems);
    requireText(read(`${base}.clientSecret`), `${base}.clientSecret`, problems);
    requireText(read('auth.session.secret'), 'auth.session.secret', problems);
  }
  checkPlatformTeam(read, problems);
  requireEncryptionKey(config, read, problems);
  refuseDevelopmentValue(
    config,
    read,
    problems,
    'delivery.webhooks.secret',
    'DELIVERY_WEBHOOK_SECRET',
  );
  return problems;
}

/** Marks the development key in app-config.yaml, which production must never use. */
const DEVELOPMENT_KEY_MARKER = 'do-not-use-in-production';
const MIN_ENCRYPTION_KEY_LENGTH = 32;

/**
 * The environments plugin encrypts secrets with `environments.encryptionKey`. An unset
 * ENVIRONMENTS_ENCRYPTION_KEY leaves app-config.yaml's development key in place, so production
 * refuses that key instead of silently using it.
 */
function requireEncryptionKey(
  config: Config,
  read: (key: string) => unknown,
  problems: SettingProblem[],
) {
  const key = 'environments.encryptionKey';
  const value = read(key);
  if (value === undefined || String(value).trim() === '') {
    problems.push({
      key,
      problem: 'is missing (set ENVIRONMENTS_ENCRYPTION_KEY)',
    });
  } else if (String(value).length < MIN_ENCRYPTION_KEY_LENGTH) {
    problems.push({
      key,
      problem: `must be at least ${MIN_ENCRYPTION_KEY_LENGTH} characters, got ${
        String(value).length
      }`,
    });
  } else {
    refuseDevelopmentValue(
      config,
      read,
      problems,
      key,
      'ENVIRONMENTS_ENCRYPTION_KEY',
      'key',
    );
  }
}

/**
 * A secret app-config.yaml sets for local use stays in place when production leaves its
 * variable unset; production refuses it instead of accepting requests signed with it.
 */
function refuseDevelopmentValue(
  config: Config,
  read: (key: string) => unknown,
  problems: SettingProblem[],
  key: string,
  env: string,
  what: 'key' | 'secret' = 'secret',
) {
  const value = read(key);
  if (
    config.getOptionalString('auth.environment') === 'production' &&
    typeof value === 'string' &&
    value.includes(DEVELOPMENT_KEY_MARKER)
  ) {
    problems.push({
      key,
      problem: `is app-config.yaml's development ${what}; set ${env}`,
    });
  }
}

/** One line per problem, for the start-up error. */
export function describeSettingProblems(problems: SettingProblem[]): string {
  return problems.map(p => `  - ${p.key} ${p.problem}`).join('\n');
}

function readValue(config: Config, key: string, problems: SettingProblem[]) {
  try {
    return config.getOptional(key);
  } catch (error) {
    problems.push({ key, problem: `could not be read: ${String(error)}` });
    return undefined;
  }
}

function requireText(
  value: unknown,
  key: string,
  problems: SettingProblem[],
  env?: string,
) {
  if (value === undefined || value === null || String(value).trim() === '') {
    const hint = env ? ` (set ${env})` : '';
    problems.push({ key, problem: `is missing${hint}` });
  }
}

function requirePort(value: unknown, key: string, problems: SettingProblem[]) {
  if (value === undefined || value === '') {
    problems.push({ key, problem: 'is missing (set POSTGRES_PORT)' });
    return;
  }
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    problems.push({
      key,
      problem: `must be a port number 1-65535, got "${value}"`,
    });
  }
}

function requireUrl(value: unknown, key: string, problems: SettingProblem[]) {
  if (value === undefined || String(value).trim() === '') {
    problems.push({ key, problem: 'is missing' });
    return;
  }
  try {
    const url = new URL(String(value));
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error('not http(s)');
    }
  } catch {
    problems.push({
      key,
      problem: `must be an http(s) URL, got "${value}"`,
    });
  }
}
