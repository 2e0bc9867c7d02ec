import fs from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
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
import { LogLines } from '@internal/plugin-environments-node/testUtils';
import {
  commitCount,
  git,
  tempDir,
  workingRepository,
} from '@internal/gitops-repository/testUtils';
import { context, driverFor, OWNER } from './__testUtils__/driverHarness';

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
      // Its folder's name, not the server's path.
      repository: `local:${path.basename(repo)}`,
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
