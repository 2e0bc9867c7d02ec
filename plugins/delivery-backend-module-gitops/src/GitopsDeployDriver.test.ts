import fs from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import {
  bareRepository,
  commitCount,
  git,
  tempDir,
  workingRepository,
} from '@internal/gitops-repository/testUtils';
import { Deployment } from 'kubernetes-models/apps/v1';
import { parse } from 'yaml';
import { readGitopsDeployConfig } from './config';
import { GitopsDeployDriver } from './GitopsDeployDriver';
import { deployContext } from './__testUtils__/deployContext';

jest.setTimeout(60_000);

const OVERLAY = 'apps/payments-api/staging/kustomization.yaml';

function driverFor(gitops: object) {
  return new GitopsDeployDriver(
    readGitopsDeployConfig(
      new ConfigReader({ delivery: { drivers: { gitops } } }),
    )!,
  );
}

const overlayAt = (repo: string, ref = 'HEAD', file = OVERLAY) =>
  parse(git(repo, 'show', `${ref}:${file}`));

describe('GitopsDeployDriver with a working repository on disk', () => {
  let repo: string;
  let driver: GitopsDeployDriver;
  beforeEach(() => {
    repo = workingRepository(path.join(tempDir('delivery'), 'repo'));
    driver = driverFor({ localPath: repo });
  });
  afterEach(() =>
    fs.rmSync(path.dirname(repo), { recursive: true, force: true }),
  );

  it('makes exactly one commit per deploy, setting the image tag in the overlay', async () => {
    const ctx = deployContext({ id: 'dep-1', version: '1.4.2' });
    await expect(driver.deploy(ctx)).resolves.toMatchObject({
      status: 'succeeded',
    });
    expect(commitCount(repo)).toBe(2);
    expect(git(repo, 'log', '-1', '--format=%an|%s')).toBe(
      'Runway|payments-api: deploy 1.4.2 to staging',
    );
    const body = git(repo, 'log', '-1', '--format=%b');
    expect(body).toContain('requested by user:default/ana');
    expect(body).toContain('Service: component:default/payments-api');
    expect(body).toContain('Environment: staging');
    expect(body).toContain('Version: 1.4.2');
    expect(body).toContain('Runway-Deploy-Id: dep-1');
    expect(overlayAt(repo)).toMatchObject({
      kind: 'Kustomization',
      resources: ['../base'],
      images: [{ name: 'payments-api', newTag: '1.4.2' }],
      metadata: {
        annotations: {
          'runway.dev/service': 'component:default/payments-api',
          'runway.dev/deploy-id': 'dep-1',
          'runway.dev/requested-by': 'user:default/ana',
        },
      },
    });
    expect(
      overlayAt(repo, 'HEAD', 'apps/payments-api/base/kustomization.yaml')
        .metadata.annotations,
    ).toEqual({ 'runway.dev/service': 'component:default/payments-api' });
    // The first deploy also lays down a base the overlay builds on: a valid Deployment.
    const deployment = overlayAt(
      repo,
      'HEAD',
      'apps/payments-api/base/deployment.yaml',
    );
    expect(() => new Deployment(deployment).validate()).not.toThrow();
    expect(deployment.spec.template.spec.containers[0].image).toBe(
      'payments-api',
    );
    expect(ctx.lines.join('\n')).toMatch(/committed [0-9a-f]{12} to main/);

    // The next deploy changes only the overlay.
    await driver.deploy(deployContext({ id: 'dep-2', version: '1.5.0' }));
    expect(commitCount(repo)).toBe(3);
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD')).toBe(OVERLAY);
    expect(overlayAt(repo).images).toEqual([
      { name: 'payments-api', newTag: '1.5.0' },
    ]);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('makes no second commit for a retried deploy id, even after later deploys', async () => {
    await driver.deploy(deployContext({ id: 'dep-1', version: '1.0.0' }));
    const retry = deployContext({ id: 'dep-1', version: '1.0.0' });
    await expect(driver.deploy(retry)).resolves.toMatchObject({
      status: 'succeeded',
    });
    expect(commitCount(repo)).toBe(2);
    expect(retry.lines.join('\n')).toContain('no second commit');

    await driver.deploy(deployContext({ id: 'dep-2', version: '2.0.0' }));
    await driver.deploy(deployContext({ id: 'dep-1', version: '1.0.0' }));
    expect(commitCount(repo)).toBe(3);
    expect(overlayAt(repo).images[0].newTag).toBe('2.0.0');
  });

  it('commits a rollback to the previous version as a rollback', async () => {
    await driver.deploy(deployContext({ id: 'dep-1', version: '1.0.0' }));
    await driver.deploy(deployContext({ id: 'dep-2', version: '1.1.0' }));
    await driver.deploy(
      deployContext({
        id: 'dep-3',
        version: '1.0.0',
        previousVersion: '1.1.0',
        changeType: 'rollback',
      }),
    );
    expect(commitCount(repo)).toBe(4);
    expect(git(repo, 'log', '-1', '--format=%s')).toBe(
      'payments-api: roll back 1.0.0 to staging',
    );
    expect(git(repo, 'log', '-1', '--format=%b')).toContain('(was 1.1.0)');
    expect(overlayAt(repo).images[0].newTag).toBe('1.0.0');
  });

  it("refuses a same-name service of another namespace, so neither overwrites the other's files", async () => {
    await driver.deploy(deployContext({ id: 'dep-1', version: '1.0.0' }));
    const other = 'component:billing/payments-api';
    // Staging has the other service's overlay; dev has none yet, but the base is the other's.
    for (const environment of ['staging', 'dev']) {
      const result = await driver.deploy(
        deployContext({
          id: `dep-${environment}`,
          version: '9.9.9',
          service: other,
          environment,
        }),
      );
      expect(result).toEqual({
        status: 'failed',
        message: expect.stringContaining(
          `belongs to component:default/payments-api, and ${other} has the same name`,
        ),
      });
    }
    expect(commitCount(repo)).toBe(2);
    expect(overlayAt(repo).images[0].newTag).toBe('1.0.0');
    expect(git(repo, 'status', '--porcelain')).toBe('');

    // An overlay written before Runway named its service is taken as the deploying one's.
    const text = git(repo, 'show', `HEAD:${OVERLAY}`).replace(
      /^ +runway\.dev\/service: .*\n/m,
      '',
    );
    expect(text).not.toContain('runway.dev/service');
    fs.writeFileSync(path.join(repo, OVERLAY), text);
    git(repo, 'commit', '--quiet', '-am', 'unnamed overlay');
    await expect(
      driver.deploy(deployContext({ id: 'dep-2', version: '1.1.0' })),
    ).resolves.toMatchObject({ status: 'succeeded' });
    expect(overlayAt(repo).metadata.annotations['runway.dev/service']).toBe(
      'component:default/payments-api',
    );
  });

  it('fails a version that is not an image tag, naming it, and commits nothing', async () => {
    const result = await driver.deploy(
      deployContext({ id: 'dep-1', version: '1.0.0+build.5' }),
    );
    expect(result).toEqual({
      status: 'failed',
      message: expect.stringContaining(
        'version "1.0.0+build.5" is not a valid image tag',
      ),
    });
    expect(commitCount(repo)).toBe(1);
  });

  it("keeps a team's own overlay fields and comments, and refuses an overlay that is not a Kustomization", async () => {
    const dir = path.join(repo, 'apps/payments-api/staging');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'kustomization.yaml'),
      [
        '# staging overlay, owned by payments',
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'namespace: payments-staging',
        'resources:',
        '  - ../base',
        'images:',
        '  - name: registry.example.com/payments-api',
        '    newTag: 0.9.0',
        '',
      ].join('\n'),
    );
    git(repo, 'add', '--all');
    git(repo, 'commit', '--quiet', '-m', 'staging overlay');
    await driver.deploy(deployContext({ id: 'dep-1', version: '1.0.0' }));
    const text = git(repo, 'show', `HEAD:${OVERLAY}`);
    expect(text).toContain('# staging overlay, owned by payments');
    expect(parse(text)).toMatchObject({
      namespace: 'payments-staging',
      images: [{ name: 'registry.example.com/payments-api', newTag: '1.0.0' }],
    });

    fs.writeFileSync(
      path.join(dir, 'kustomization.yaml'),
      'kind: Deployment\n',
    );
    git(repo, 'commit', '--quiet', '-am', 'broken');
    const result = await driver.deploy(
      deployContext({ id: 'dep-2', version: '1.1.0' }),
    );
    expect(result).toEqual({
      status: 'failed',
      message: expect.stringContaining(`${OVERLAY} has kind Deployment`),
    });
    expect(git(repo, 'log', '-1', '--format=%s')).toBe('broken');
  });
});

describe('GitopsDeployDriver with a remote repository', () => {
  let dir: string;
  let remote: string;
  beforeEach(() => {
    dir = tempDir('delivery-remote');
    remote = bareRepository(path.join(dir, 'remote.git'), true);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lands two services deployed at once from two replicas (a rejected push is redone on the new tip)', async () => {
    const replicas = [1, 2].map(i =>
      driverFor({
        url: `file://${remote}`,
        workDirectory: path.join(dir, `w${i}`),
      }),
    );
    const results = await Promise.all([
      replicas[0].deploy(
        deployContext({
          id: 'a-1',
          version: '1.0.0',
          service: 'component:default/payments-api',
        }),
      ),
      replicas[1].deploy(
        deployContext({
          id: 'b-1',
          version: '2.0.0',
          service: 'component:default/checkout',
        }),
      ),
    ]);
    expect(results.map(r => r.status)).toEqual(['succeeded', 'succeeded']);
    expect(commitCount(remote)).toBe(3);
    expect(overlayAt(remote, 'main').images[0].newTag).toBe('1.0.0');
    expect(
      overlayAt(remote, 'main', 'apps/checkout/staging/kustomization.yaml')
        .images[0].newTag,
    ).toBe('2.0.0');

    // A retry on the other replica finds the first one's commit.
    await replicas[1].deploy(deployContext({ id: 'a-1', version: '1.0.0' }));
    expect(commitCount(remote)).toBe(3);
  });

  it('fails with the reason when the remote cannot be reached', async () => {
    const driver = driverFor({
      url: `file://${path.join(dir, 'missing.git')}`,
      workDirectory: path.join(dir, 'w'),
    });
    const result = await driver.deploy(
      deployContext({ id: 'dep-1', version: '1.0.0' }),
    );
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(
      /^gitops: git fetch failed: .*nothing was pushed$/s,
    );
  });
});
