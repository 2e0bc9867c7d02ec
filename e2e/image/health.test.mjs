// The backend's container image (packages/backend/Dockerfile) runs as production runs it: the
// image's own command and production config, every secret from the environment, a read-only
// root, a non-root user, on PostgreSQL (127.0.0.1:5432, databases with this run's prefix,
// dropped afterwards). Not part of `make e2e` or .ci/run, because building the image takes
// about 15 minutes on 2 cores: `make image` builds it and runs this file, `scripts/image.sh test`
// runs this file alone. Without a built image the container test skips and says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { parse } from 'yaml';
import { startOidcProvider } from '../oidcProvider.mjs';
import { freePort, root } from '../portal.mjs';

const IMAGE = 'localhost/runway-backend:latest';
const POSTGRES = 'postgresql://postgres@127.0.0.1:5432/postgres';
const READY_TIMEOUT_MS = 180_000;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const execFileAsync = promisify(execFile);

/** podman with this machine's flags and storage (scripts/image.sh). */
async function podman(args, env = process.env) {
  const { stdout } = await execFileAsync(
    path.join(root, 'scripts/image.sh'),
    ['podman', ...args],
    { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout.trim();
}

async function whyNotRunnable() {
  if (process.getuid?.() !== 0) {
    return 'needs root (rootful podman, as scripts/image.sh runs it)';
  }
  if (!fs.existsSync('/usr/bin/podman')) {
    return 'podman is not installed; `make image` installs it and builds the image';
  }
  try {
    await podman(['image', 'exists', IMAGE]);
    return false;
  } catch {
    return `${IMAGE} is not built; run \`make image\` (or scripts/image.sh build) first`;
  }
}

const skip = await whyNotRunnable();

const secret = () => crypto.randomBytes(24).toString('hex');

async function dropDatabases(prefix) {
  const db = new pg.Client({ connectionString: POSTGRES });
  await db.connect();
  try {
    const { rows } = await db.query(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows)
      await db.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await db.end();
  }
}

test(
  'the image starts read-only, as uid 1000, on PostgreSQL: ready, with git, answering its API',
  { skip, timeout: 10 * 60_000 },
  async t => {
    const name = `runway-image-test-${process.pid}`;
    const prefix = `runway_img_${process.pid}_`;
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const token = secret();
    // A real OpenID Connect provider on the host (e2e/oidcProvider.mjs): the backend in the
    // container discovers it as production discovers the organisation's.
    const provider = await startOidcProvider({
      redirectUri: `${baseUrl}/api/auth/oidc/handler/frame`,
      accounts: [],
    });
    // What app-config.production.yaml reads from the environment, as a deployment sets it.
    // The GitOps remotes are not reached before an environment or a deploy: unreachable
    // addresses will do.
    const production = {
      RUNWAY_BASE_URL: baseUrl,
      POSTGRES_HOST: '127.0.0.1',
      POSTGRES_PORT: '5432',
      POSTGRES_USER: 'postgres',
      POSTGRES_PASSWORD: secret(), // trust authentication here: any will do
      AUTH_SESSION_SECRET: secret(),
      AUTH_OIDC_METADATA_URL: provider.metadataUrl,
      AUTH_OIDC_CLIENT_ID: provider.clientId,
      AUTH_OIDC_CLIENT_SECRET: provider.clientSecret,
      ENVIRONMENTS_ENCRYPTION_KEY: secret(),
      ENVIRONMENTS_POSTGRES_HOST: '127.0.0.1',
      ENVIRONMENTS_POSTGRES_USER: 'postgres',
      ENVIRONMENTS_POSTGRES_PASSWORD: secret(),
      ENVIRONMENTS_GITOPS_URL: 'http://127.0.0.1:1/gitops.git',
      ENVIRONMENTS_GITOPS_TOKEN: secret(),
      DELIVERY_WEBHOOK_SECRET: secret(),
      DELIVERY_GITOPS_URL: 'http://127.0.0.1:1/gitops.git',
      DELIVERY_GITOPS_TOKEN: secret(),
      // Backstage's own override variables for what this shared machine needs: a free port (the
      // container shares the host's network), databases with this run's prefix, and a static
      // token for the API checks below.
      APP_CONFIG_backend_listen_port: String(port),
      APP_CONFIG_backend_database_prefix: prefix,
      APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
        { type: 'static', options: { token, subject: 'image-test' } },
      ]),
    };
    // `--env NAME` takes the value from podman's environment: no secret on a command line.
    const envFlags = Object.keys(production).flatMap(key => ['--env', key]);
    const logs = async () =>
      podman(['logs', name]).catch(error => `(no logs: ${error.message})`);
    const api = (url, headers = {}) =>
      fetch(`${baseUrl}${url}`, { headers, redirect: 'manual' });
    const authorized = { Authorization: `Bearer ${token}` };

    const started = Date.now();
    try {
      await podman(
        [
          'run',
          '--detach',
          '--name',
          name,
          '--network=host',
          '--read-only',
          // Everything the backend writes: the GitOps drivers' clones and the scaffolder's work
          // go to the temporary directory.
          '--tmpfs',
          '/tmp:rw,mode=1777',
          ...envFlags,
          IMAGE,
        ],
        { ...process.env, ...production },
      );
      // podman run returns once the process started; with vfs storage it first copies the
      // whole image for the container, which is most of this time here.
      const runMs = Date.now() - started;

      // Ready: every plugin started (database migrations included).
      let readyMs;
      for (let polls = 0; readyMs === undefined; polls++) {
        if (Date.now() - started > READY_TIMEOUT_MS) {
          assert.fail(
            `not ready after ${READY_TIMEOUT_MS / 1000} s:\n${(
              await logs()
            ).slice(-4000)}`,
          );
        }
        const res = await api('/.backstage/health/v1/readiness').catch(
          () => undefined,
        );
        if (res?.status === 200) readyMs = Date.now() - started;
        else if (polls % 20 === 19) {
          const running = await podman([
            'inspect',
            '--format',
            '{{.State.Running}}',
            name,
          ]);
          if (running !== 'true') {
            assert.fail(
              `the container stopped:\n${(await logs()).slice(-4000)}`,
            );
          }
        }
        if (readyMs === undefined) await sleep(250);
      }
      const seconds = ms => (ms / 1000).toFixed(1);
      t.diagnostic(
        `ready ${seconds(
          readyMs,
        )} s after podman run: the container started in ${seconds(
          runMs,
        )} s, the backend was ready ${seconds(readyMs - runMs)} s later`,
      );

      // The image's own HEALTHCHECK agrees (it follows the moved port); it fails when unhealthy.
      await podman(['healthcheck', 'run', name]);
      assert.equal(
        await podman(['inspect', '--format', '{{.State.Health.Status}}', name]),
        'healthy',
      );

      // The backend is the container's first process, as user node (1000), with the heap cap.
      const status = await podman(['exec', name, 'cat', '/proc/1/status']);
      assert.match(status, /^Uid:\s+1000\s+1000\s+1000\s+1000$/m);
      assert.match(status, /^Gid:\s+1000\s+1000\s+1000\s+1000$/m);
      t.diagnostic(
        `backend RSS once ready: ${status.match(/^VmRSS:\s+(.*)$/m)?.[1]}`,
      );
      const cmdline = (
        await podman(['exec', name, 'cat', '/proc/1/cmdline'])
      ).split('\0');
      assert.deepEqual(cmdline.slice(0, 3), [
        'node',
        '--max-old-space-size=1024',
        'packages/backend',
      ]);
      assert.equal(await podman(['exec', name, 'id', '-un']), 'node');
      // The root file system is read-only, the application not the backend's to change.
      await assert.rejects(
        podman(['exec', name, 'touch', '/app/packages/backend/written']),
      );

      // The GitOps drivers run git (2.31 or later).
      const gitVersion = await podman(['exec', name, 'git', '--version']);
      const [, major, minor] =
        gitVersion.match(/^git version (\d+)\.(\d+)/) ?? [];
      assert.ok(
        Number(major) > 2 || (Number(major) === 2 && Number(minor) >= 31),
        gitVersion,
      );
      t.diagnostic(gitVersion);

      // An API call without credentials is refused as JSON, not a crash or an HTML page.
      const refused = await api('/api/catalog/entities?limit=1');
      assert.equal(refused.status, 401);
      assert.match(refused.headers.get('content-type'), /application\/json/);
      assert.equal((await refused.json()).error.name, 'AuthenticationError');

      // The files the production config names are in the image where the backend looks: the
      // catalog reads /app/catalog-info.yaml, the environment classes load without a problem.
      const deadline = Date.now() + 120_000;
      let entity;
      while (!entity?.ok && Date.now() < deadline) {
        entity = await api(
          '/api/catalog/entities/by-name/component/default/runway',
          authorized,
        );
        if (!entity.ok) await sleep(1000);
      }
      assert.equal(
        entity.status,
        200,
        'the catalog never served Runway itself',
      );
      const classes = await (
        await api('/api/environments/classes', authorized)
      ).json();
      assert.deepEqual(classes.problems, []);
      assert.ok(classes.classes.length > 0, JSON.stringify(classes));

      // Sign-in starts at the provider the backend discovered from inside the container.
      const signIn = await api('/api/auth/oidc/start?env=production');
      assert.equal(signIn.status, 302);
      assert.ok(
        signIn.headers.get('location').startsWith(provider.issuer),
        signIn.headers.get('location'),
      );

      // Nothing went wrong on the way.
      const errors = (await logs())
        .split('\n')
        .filter(line => line.includes('"level":"error"'));
      assert.deepEqual(errors, []);
    } finally {
      fs.mkdirSync(path.join(root, 'e2e/output'), { recursive: true });
      fs.writeFileSync(
        path.join(root, 'e2e/output/image-backend.log'),
        await logs(),
      );
      await podman(['rm', '--force', '--time', '10', name]).catch(() => {});
      await provider.stop();
      await dropDatabases(prefix);
    }
  },
);

/** `COPY` instructions of the Dockerfile's last stage that read the build context. */
function contextCopies(dockerfile) {
  const stages = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map(line => line.trim())
    .join('\n')
    .split(/^FROM /m);
  const last = stages[stages.length - 1];
  const workdir = [...last.matchAll(/^WORKDIR (\S+)$/gm)].pop()?.[1];
  const copies = [...last.matchAll(/^COPY (?!--from)(.+)$/gm)].map(m => {
    const words = m[1].split(/\s+/).filter(w => !w.startsWith('--'));
    return {
      sources: words.slice(0, -1),
      destination: words[words.length - 1],
    };
  });
  return { workdir, copies };
}

test('the files the production config names are copied where the backend in /app reads them', () => {
  const dockerfile = fs.readFileSync(
    path.join(root, 'packages/backend/Dockerfile'),
    'utf8',
  );
  const { workdir, copies } = contextCopies(dockerfile);
  assert.equal(workdir, '/app');
  // What the image has from the context: each source file at its path in the image.
  const inImage = new Set();
  for (const { sources, destination } of copies) {
    for (const source of sources) {
      const pattern = new RegExp(
        `^${source.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`,
      );
      const dir = path.dirname(source);
      const matches = fs
        .readdirSync(path.join(root, dir))
        .map(f => path.posix.join(dir, f))
        .filter(f => pattern.test(f) && !f.endsWith('.local.yaml'));
      assert.ok(
        matches.length > 0,
        `COPY ${source}: nothing in the repository`,
      );
      for (const file of matches) {
        inImage.add(
          destination.endsWith('/')
            ? path.posix.resolve(workdir, destination, path.basename(file))
            : path.posix.resolve(workdir, destination),
        );
      }
    }
  }
  const read = file =>
    parse(fs.readFileSync(path.join(root, file), 'utf8')) ?? {};
  const base = read('app-config.yaml');
  const production = read('app-config.production.yaml');
  // Arrays and nulls of the later file replace the earlier's (Backstage's config merge).
  const setting = (...keys) => {
    const get = config => keys.reduce((value, key) => value?.[key], config);
    return get(production) !== undefined ? get(production) : get(base);
  };
  const files = [
    ...(setting('catalog', 'locations') ?? [])
      .filter(location => location.type === 'file')
      .map(location => location.target),
    ...(setting('environments', 'classFiles') ?? []),
    setting('readiness', 'exampleFactsFile'),
  ].filter(Boolean);
  assert.ok(files.length > 0);
  for (const file of files) {
    // The backend resolves them against its working directory.
    const resolved = path.posix.resolve(workdir, file);
    assert.ok(
      inImage.has(resolved),
      `${file} is read from ${resolved}, which the Dockerfile does not copy`,
    );
  }
  // app-config*.yaml reaches the image: both config files the command names.
  for (const config of ['app-config.yaml', 'app-config.production.yaml'])
    assert.ok(inImage.has(`/app/${config}`), config);
  assert.match(
    dockerfile,
    /^CMD \["node", "--max-old-space-size=\d+", "packages\/backend", "--config", "app-config.yaml", "--config", "app-config.production.yaml"\]$/m,
  );
});
