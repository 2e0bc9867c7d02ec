// Starts and stops the production build of the portal (the backend serving the built frontend)
// on a free port, on its own SQLite folder, for the browser journeys.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);

export async function freePort() {
  const server = net.createServer();
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise(resolve => server.close(resolve));
  return port;
}

/** Node's flags in the production start command (README, "Running in production"). Without a
 *  heap cap V8 sizes its heap for a machine's whole memory and lets it grow to about 4x what is
 *  live before collecting (a 10,000-entity portal held 850 MiB, of which 145 MiB was live). */
export const PRODUCTION_NODE_FLAGS = ['--max-old-space-size=1024'];

/** Runs the built backend with the given config files; resolves once it serves /healthcheck. */
/** `sqlite: false` keeps the database the config files name (for start-up failure tests). */
/** The static token the e2e portal accepts from "CI" (backend.auth.externalAccess). */
export const CI_TOKEN = `e2e-ci-${process.pid}-${Date.now()}`;

/** `port` when the caller must know the URL first (an OIDC client's redirect URI); `devUser: false`
 *  leaves the development sign-in as the config files have it (off in production). `config` is
 *  more configuration as an object (e.g. webhook secrets), read after `configs` and removed with
 *  the portal's data. */
export async function startPortal({
  configs = [],
  config,
  env = {},
  sqlite = true,
  port: requestedPort,
  devUser = true,
  onOutput,
} = {}) {
  const port = requestedPort ?? (await freePort());
  const baseUrl = `http://localhost:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'runway-e2e-'));
  const overrides = path.join(dataDir, 'app-config.e2e.yaml');
  fs.writeFileSync(
    overrides,
    JSON.stringify({
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: { port },
        cors: { origin: baseUrl },
        auth: {
          externalAccess: [
            { type: 'static', options: { token: CI_TOKEN, subject: 'e2e-ci' } },
          ],
        },
        ...(sqlite && {
          database: {
            client: 'better-sqlite3',
            connection: { directory: path.join(dataDir, 'sqlite') },
          },
        }),
      },
      // The built backend runs with NODE_ENV=production; choosing who to be (app-config.yaml's
      // auth.providers.devUser) is allowed here only.
      ...(devUser && {
        auth: {
          providers: { devUser: { dangerouslyAllowOutsideDevelopment: true } },
        },
      }),
    }),
  );
  const extra = path.join(dataDir, 'app-config.journey.yaml');
  if (config) fs.writeFileSync(extra, JSON.stringify(config));
  const args = [
    ...PRODUCTION_NODE_FLAGS,
    path.join(root, 'dist-workspace/packages/backend/dist/index.cjs.js'),
    '--config',
    path.join(root, 'app-config.yaml'),
    ...configs.flatMap(c => ['--config', path.resolve(root, c)]),
    ...(config ? ['--config', extra] : []),
    '--config',
    overrides,
  ];
  // cwd is the backend package, as in development, so config's relative paths resolve the same.
  const child = spawn(process.execPath, args, {
    cwd: path.join(root, 'packages/backend'),
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // `onOutput` sees each chunk as it arrives (the production log lines carry no time).
  child.stdout.on('data', d => {
    output += d;
    onOutput?.(String(d));
  });
  child.stderr.on('data', d => {
    output += d;
    onOutput?.(String(d));
  });
  const exited = new Promise(resolve =>
    child.on('exit', code => resolve(code)),
  );

  const portal = {
    baseUrl,
    pid: child.pid,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return portal;
}

/** Waits until the portal answers its health check, or fails with its output. */
export async function waitUntilReady(portal, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let stopped = false;
  portal.exited.then(() => (stopped = true));
  while (Date.now() < deadline && !stopped) {
    try {
      const res = await fetch(
        `${portal.baseUrl}/.backstage/health/v1/readiness`,
      );
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(
    `The portal did not become ready:\n${portal.output().slice(-4000)}`,
  );
}

/** Example users app-config.yaml's development sign-in offers (auth.providers.devUser). */
export const USERS = {
  /** platform-team: approves, overrides freezes, reads the audit trail. */
  platformEngineer: 'user:default/alex.moreno',
  /** payments-team: owns the payments services. */
  serviceOwner: 'user:default/maria.silva',
  /** web-team: owns none of the payments or platform services. */
  otherTeamDeveloper: 'user:default/olivia.brown',
};

/** The Backstage token of a user signed in as the sign-in page does (the devUser provider). */
export async function signInToken(baseUrl, user = USERS.platformEngineer) {
  const res = await fetch(`${baseUrl}/api/auth/devUser/refresh`, {
    method: 'POST',
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      'x-runway-dev-user': user,
    },
  });
  if (!res.ok) {
    throw new Error(`Signing in as ${user}: ${res.status} ${await res.text()}`);
  }
  return (await res.json()).backstageIdentity.token;
}

/** The platform engineer's token once the catalog has loaded them (bench/ calls it by this
 *  name, from when a guest could sign in before the catalog knew any user). */
export async function guestToken(baseUrl) {
  await waitForEntity({ baseUrl }, USERS.platformEngineer);
  return signInToken(baseUrl);
}

/** Waits until the catalog serves an entity (it loads the example organisation after start),
 *  and, with `until`, until the entity it serves passes that test (a relation stitched in). */
export async function waitForEntity(
  portal,
  entityRef,
  { timeoutMs = 120_000, until = () => true } = {},
) {
  // The CI token: a user cannot sign in before the catalog has loaded the organisation.
  const token = CI_TOKEN;
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  const url = `${portal.baseUrl}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (res.ok && until(await res.json())) return;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`The catalog never served ${entityRef} as the test expects`);
}
