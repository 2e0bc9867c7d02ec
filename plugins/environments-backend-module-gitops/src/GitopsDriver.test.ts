import fs from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import {
  Namespace,
  ResourceQuota,
  LimitRange,
  ConfigMap,
} from 'kubernetes-models/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { parse } from 'yaml';
import { readGitopsDriverConfig } from './config';
import { GitopsDriver } from './GitopsDriver';
import { renderEnvironmentManifests } from './manifests/renderManifests';
import {
  driverContext,
  LogLines,
} from '@internal/plugin-environments-node/testUtils';
import {
  bareRepository,
  commitCount,
  git,
  tempDir,
  startHttpGitServer,
  workingRepository,
} from '@internal/gitops-repository/testUtils';

const OWNER = 'group:default/payments-team';

function driverFor(
  gitops: JsonObject,
  renderer?: typeof renderEnvironmentManifests,
) {
  const config = readGitopsDriverConfig(
    new ConfigReader({ environments: { drivers: { gitops } } }),
  )!;
  return new GitopsDriver({ config, renderer });
}

function context(
  environmentName: string,
  lines: LogLines,
  extra: { parameters?: JsonObject; config?: Record<string, string> } = {},
) {
  const ctx = driverContext({
    environmentName,
    store: {},
    lines,
    parameters: extra.parameters,
  });
  ctx.environment.config = extra.config ?? {};
  return ctx;
}

describe('GitopsDriver with a working repository on disk', () => {
  let root: string;
  let repo: string;
  let driver: GitopsDriver;
  const lines: LogLines = [];

  beforeEach(() => {
    root = tempDir('local');
    repo = workingRepository(path.join(root, 'gitops'));
    driver = driverFor({
      localPath: repo,
      author: { name: 'Runway Bot', email: 'bot@runway.example' },
    });
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('commits the validated manifests under envs/<name>/ once, and tears them down in a commit', async () => {
    const result = await driver.provision(
      context('checkout-pr-12', lines, {
        parameters: { cpu: '4', memory: '8Gi', pods: 30 },
        config: { LOG_LEVEL: 'debug', FEATURE_X: 'on' },
      }),
    );
    const head = git(repo, 'rev-parse', 'HEAD');
    expect(result.outputs).toEqual({
      repository: repo,
      branch: 'main',
      path: 'envs/checkout-pr-12',
      commit: head,
      namespace: 'checkout-pr-12',
    });
    expect(commitCount(repo)).toBe(2);
    expect(git(repo, 'log', '-1', '--format=%an <%ae>|%s')).toBe(
      `Runway Bot <bot@runway.example>|environment checkout-pr-12: provision (${OWNER})`,
    );
    expect(
      git(repo, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort(),
    ).toEqual([
      'envs/checkout-pr-12/configmap-environment-config.yaml',
      'envs/checkout-pr-12/limitrange-container-defaults.yaml',
      'envs/checkout-pr-12/namespace-checkout-pr-12.yaml',
      'envs/checkout-pr-12/networkpolicy-default-deny-ingress.yaml',
      'envs/checkout-pr-12/resourcequota-environment-quota.yaml',
    ]);
    // Nothing left uncommitted.
    expect(git(repo, 'status', '--porcelain')).toBe('');

    // Read as YAML 1.1, as Kubernetes tooling (sigs.k8s.io/yaml) does: "on" or a timestamp
    // left unquoted would come back as a boolean or a date.
    const read = (file: string) =>
      parse(git(repo, 'show', `HEAD:envs/checkout-pr-12/${file}`), {
        version: '1.1',
      });
    const namespace = read('namespace-checkout-pr-12.yaml');
    const quota = read('resourcequota-environment-quota.yaml');
    const limits = read('limitrange-container-defaults.yaml');
    const policy = read('networkpolicy-default-deny-ingress.yaml');
    const configMap = read('configmap-environment-config.yaml');
    // Each file is a valid object by the Kubernetes schemas (throws otherwise).
    new Namespace(namespace).validate();
    new ResourceQuota(quota).validate();
    new LimitRange(limits).validate();
    new NetworkPolicy(policy).validate();
    new ConfigMap(configMap).validate();

    expect(namespace.metadata).toEqual({
      name: 'checkout-pr-12',
      labels: {
        'app.kubernetes.io/managed-by': 'runway',
        'runway.dev/environment': 'checkout-pr-12',
        'runway.dev/owner': 'payments-team',
        'runway.dev/class': 'preview',
      },
      annotations: {
        'runway.dev/owner': OWNER,
        'runway.dev/environment-id': 'id-checkout-pr-12',
        'runway.dev/expires-at': '2030-01-01T00:00:00.000Z',
      },
    });
    expect(quota.metadata.namespace).toBe('checkout-pr-12');
    expect(quota.spec.hard).toEqual({
      'requests.cpu': '4',
      'limits.cpu': '4',
      'requests.memory': '8Gi',
      'limits.memory': '8Gi',
      pods: '30',
    });
    expect(limits.spec.limits[0]).toEqual({
      type: 'Container',
      default: { cpu: '500m', memory: '512Mi' },
      defaultRequest: { cpu: '100m', memory: '128Mi' },
    });
    expect(policy.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: {} }] }],
    });
    expect(configMap.data).toEqual({ FEATURE_X: 'on', LOG_LEVEL: 'debug' });

    // The same environment again (a resumed or retried provision): no commit.
    const again = await driver.provision(
      context('checkout-pr-12', lines, {
        parameters: { cpu: '4', memory: '8Gi', pods: 30 },
        config: { FEATURE_X: 'on', LOG_LEVEL: 'debug' },
      }),
    );
    expect(commitCount(repo)).toBe(2);
    expect(again.outputs.commit).toBe(head);
    expect(lines).toContain(
      `log gitops: envs/checkout-pr-12 already matches ${head.slice(
        0,
        12,
      )}, no commit`,
    );

    await driver.teardown(context('checkout-pr-12', lines));
    expect(commitCount(repo)).toBe(3);
    expect(git(repo, 'log', '-1', '--format=%s')).toBe(
      `environment checkout-pr-12: teardown (${OWNER})`,
    );
    expect(git(repo, 'ls-tree', '-r', '--name-only', 'HEAD')).toBe('README.md');
    expect(fs.existsSync(path.join(repo, 'envs', 'checkout-pr-12'))).toBe(
      false,
    );
    // Already absent is done, without a commit.
    await driver.teardown(context('checkout-pr-12', lines));
    expect(commitCount(repo)).toBe(3);
  });

  it('commits only its own folder, leaving what a person has staged or changed alone', async () => {
    fs.writeFileSync(path.join(repo, 'README.md'), '# changed by a person\n');
    fs.writeFileSync(path.join(repo, 'notes.txt'), 'staged by a person\n');
    git(repo, 'add', 'notes.txt');
    await driver.provision(context('mine', lines));
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD')).not.toMatch(
      /README|notes/,
    );
    expect(git(repo, 'status', '--porcelain').split('\n').sort()).toEqual([
      ' M README.md',
      'A  notes.txt',
    ]);
  });

  it('names invalid parameters and commits nothing for them', async () => {
    expect(
      driver.validateParameters({
        cpu: 'lots',
        memory: '64Gi',
        pods: 0,
        gpu: 1,
      }),
    ).toEqual([
      'parameters.gpu: unknown parameter (known: cpu, memory, pods)',
      'parameters.cpu: "lots" is not a CPU quantity such as "2" or "500m"',
      'parameters.memory: "64Gi" must be from 128Mi to 16Gi',
      'parameters.pods: 0 must be a whole number from 1 to 50',
    ]);
    expect(driver.validateParameters({ cpu: '50m', memory: 512 })).toEqual([
      'parameters.cpu: "50m" must be from 100m to 8',
      'parameters.memory: 512 is not a memory quantity such as "512Mi" or "4Gi"',
    ]);
    expect(
      driver.validateParameters({ cpu: '0.5', memory: '1G', pods: 50 }),
    ).toEqual([]);

    await expect(
      driver.provision(context('bad', lines, { parameters: { cpu: '9' } })),
    ).rejects.toThrow(
      'invalid gitops parameters: parameters.cpu: "9" must be from 100m to 8',
    );
    expect(commitCount(repo)).toBe(1);
  });

  it('rejects a manifest the Kubernetes schemas refuse before anything is written or committed', async () => {
    const broken = new GitopsDriver({
      config: readGitopsDriverConfig(
        new ConfigReader({
          environments: { drivers: { gitops: { localPath: repo } } },
        }),
      )!,
      renderer: input =>
        renderEnvironmentManifests(input).map(manifest =>
          manifest.kind === 'ResourceQuota'
            ? {
                ...manifest,
                spec: { hard: { 'limits.cpu': 'lots', pods: true } },
              }
            : manifest,
        ),
    });
    await expect(broken.provision(context('broken', lines))).rejects.toThrow(
      'gitops: the manifests of broken are not valid Kubernetes objects, nothing was committed: ' +
        'ResourceQuota environment-quota: spec.hard.limits.cpu must be number or must match format "quantity"; ' +
        'ResourceQuota environment-quota: spec.hard.pods must be number or must be string',
    );
    expect(commitCount(repo)).toBe(1);
    expect(fs.existsSync(path.join(repo, 'envs'))).toBe(false);
  });

  it('rejects config keys and names the API server would refuse', async () => {
    await expect(
      driver.provision(
        context('odd-config', lines, { config: { 'bad key': 'x' } }),
      ),
    ).rejects.toThrow(
      'ConfigMap environment-config: data["bad key"] is not a valid key (letters, digits, - _ .)',
    );
    expect(commitCount(repo)).toBe(1);
  });

  it('serialises concurrent provisions to the same repository: one commit per environment', async () => {
    const names = ['alpha', 'bravo', 'charlie', 'delta'];
    await Promise.all(
      [...names, 'alpha', 'charlie'].map(name =>
        driver.provision(context(name, lines)),
      ),
    );
    expect(commitCount(repo)).toBe(1 + names.length);
    expect(
      git(repo, 'log', '--format=%s', '-n', '4').split('\n').sort(),
    ).toEqual(names.map(n => `environment ${n}: provision (${OWNER})`));
    expect(fs.readdirSync(path.join(repo, 'envs')).sort()).toEqual(names);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('makes the first commit of a repository that has none yet', async () => {
    const fresh = path.join(root, 'fresh');
    fs.mkdirSync(fresh);
    git(fresh, 'init', '--quiet', '--initial-branch=main');
    const onFresh = driverFor({ localPath: fresh });
    await onFresh.teardown(context('first', lines));
    const result = await onFresh.provision(context('first', lines));
    expect(commitCount(fresh)).toBe(1);
    expect(result.outputs.commit).toBe(git(fresh, 'rev-parse', 'HEAD'));
  });

  it('refuses a repository that has another branch checked out, naming the setting', async () => {
    git(repo, 'checkout', '--quiet', '-b', 'feature');
    await expect(driver.provision(context('x', lines))).rejects.toThrow(
      `gitops: ${repo} has feature checked out, not the branch main (environments.drivers.gitops.branch)`,
    );
  });
});

describe('GitopsDriver with a remote repository', () => {
  let root: string;
  const lines: LogLines = [];

  beforeEach(() => {
    root = tempDir('remote');
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('pushes to an empty remote, makes no second commit, and removes in a pushed commit', async () => {
    const remote = bareRepository(path.join(root, 'remote.git'), false);
    const driver = driverFor({
      url: `file://${remote}`,
      branch: 'main',
      basePath: 'clusters/dev/envs',
      namespacePrefix: 'env-',
      workDirectory: path.join(root, 'work'),
    });
    const result = await driver.provision(context('pr-7', lines));
    expect(commitCount(remote)).toBe(1);
    expect(result.outputs).toEqual({
      repository: `file://${remote}`,
      branch: 'main',
      path: 'clusters/dev/envs/pr-7',
      commit: git(remote, 'rev-parse', 'main'),
      namespace: 'env-pr-7',
    });
    expect(
      parse(
        git(
          remote,
          'show',
          'main:clusters/dev/envs/pr-7/namespace-env-pr-7.yaml',
        ),
      ).metadata.name,
    ).toBe('env-pr-7');

    await driver.provision(context('pr-7', lines));
    expect(commitCount(remote)).toBe(1);

    await driver.teardown(context('pr-7', lines));
    expect(commitCount(remote)).toBe(2);
    expect(git(remote, 'log', '-1', '--format=%s', 'main')).toBe(
      `environment pr-7: teardown (${OWNER})`,
    );
    expect(git(remote, 'ls-tree', '-r', 'main')).toBe('');
    await driver.teardown(context('pr-7', lines));
    expect(commitCount(remote)).toBe(2);
  });

  it('builds on what others pushed, and drops a commit a crashed attempt never pushed', async () => {
    const remote = bareRepository(path.join(root, 'remote.git'), true);
    const config = { url: `file://${remote}` };
    // Two replicas: each its own clone.
    const one = driverFor({ ...config, workDirectory: path.join(root, 'w1') });
    const two = driverFor({ ...config, workDirectory: path.join(root, 'w2') });
    await one.provision(context('first', lines));
    await two.provision(context('second', lines));
    await Promise.all([
      one.provision(context('third', lines)),
      two.provision(context('fourth', lines)),
    ]);
    expect(commitCount(remote)).toBe(5);

    // A commit left in replica one's clone by an attempt that died before its push.
    const [clone] = fs.readdirSync(path.join(root, 'w1'));
    const cloneDir = path.join(root, 'w1', clone);
    fs.mkdirSync(path.join(cloneDir, 'envs', 'fifth'), { recursive: true });
    fs.writeFileSync(
      path.join(cloneDir, 'envs', 'fifth', 'half.yaml'),
      'x: 1\n',
    );
    git(cloneDir, 'add', '--all');
    git(cloneDir, 'commit', '--quiet', '-m', 'environment fifth: provision');
    await one.provision(context('fifth', lines));

    expect(commitCount(remote)).toBe(6);
    expect(
      git(remote, 'ls-tree', '--name-only', 'main:envs').split('\n'),
    ).toEqual(['fifth', 'first', 'fourth', 'second', 'third']);
    expect(
      git(remote, 'ls-tree', '--name-only', 'main:envs/fifth'),
    ).not.toContain('half.yaml');
    expect(git(remote, 'log', '--format=%s', 'main').split('\n')).toHaveLength(
      6,
    );
  });

  it('authenticates to an HTTPS-style remote with the configured token (a real git http-backend)', async () => {
    const remote = bareRepository(path.join(root, 'envs.git'), false);
    const server = await startHttpGitServer({
      projectRoot: root,
      username: 'runway',
      password: 'tok-123',
    });
    try {
      const driver = driverFor({
        url: `${server.url}/envs.git`,
        username: 'runway',
        token: 'tok-123',
        workDirectory: path.join(root, 'work'),
      });
      await driver.provision(context('over-http', lines));
      expect(git(remote, 'log', '--format=%s', 'main')).toBe(
        `environment over-http: provision (${OWNER})`,
      );
      const expected = `Basic ${Buffer.from('runway:tok-123').toString(
        'base64',
      )}`;
      expect(server.authorizations.length).toBeGreaterThanOrEqual(3);
      expect(new Set(server.authorizations)).toEqual(new Set([expected]));
      // Nothing of the credential is stored in the clone's config.
      const [clone] = fs.readdirSync(path.join(root, 'work'));
      expect(
        fs.readFileSync(
          path.join(root, 'work', clone, '.git', 'config'),
          'utf8',
        ),
      ).not.toMatch(/tok-123|Authorization/);

      const wrong = driverFor({
        url: `${server.url}/envs.git`,
        username: 'runway',
        token: 'tok-wrong',
        workDirectory: path.join(root, 'work-wrong'),
      });
      const error = await wrong
        .provision(context('rejected', lines))
        .catch((e: Error) => e);
      expect((error as Error).message).toMatch(
        /git fetch failed: .*\(the remote refused the credentials: environments\.drivers\.gitops\.username\/token\/password\)$/,
      );
      expect((error as Error).message).not.toContain('tok-wrong');
      expect(commitCount(remote)).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('keeps credentials out of error messages', async () => {
    const driver = driverFor({
      url: 'http://someone:url-password@127.0.0.1:9/nothing.git',
      token: 'token-that-must-not-leak',
      workDirectory: path.join(root, 'work'),
    });
    const error = await driver
      .provision(context('leak', lines))
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/git fetch failed/);
    expect((error as Error).message).not.toMatch(
      /url-password|token-that-must-not-leak/,
    );
    expect(lines.join('\n')).not.toMatch(
      /url-password|token-that-must-not-leak/,
    );
  });
});
