import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { LogLines } from '@internal/plugin-environments-node/testUtils';
import {
  bareRepository,
  commitCount,
  git,
  tempDir,
  startHttpGitServer,
} from '@internal/gitops-repository/testUtils';
import { context, driverFor, OWNER } from './__testUtils__/driverHarness';

// Each test runs dozens of git processes: on two loaded cores that exceeds jest's 5 s default
// (seen failing in full runs, passing alone). The limit only guards against a hang.
jest.setTimeout(60_000);

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

    // A git command killed mid-way (the backend got SIGKILL) left its locks in the clone.
    for (const lock of ['index.lock', 'HEAD.lock', 'refs/heads/main.lock'])
      fs.writeFileSync(path.join(cloneDir, '.git', lock), '');
    await one.provision(context('sixth', lines));
    expect(commitCount(remote)).toBe(7);
    expect(fs.existsSync(path.join(cloneDir, '.git', 'index.lock'))).toBe(
      false,
    );

    // A backend killed between `git init` and adding the remote left a clone without one.
    git(cloneDir, 'remote', 'remove', 'origin');
    await one.provision(context('seventh', lines));
    expect(commitCount(remote)).toBe(8);
  });

  it('provisions and tears down the same environment from two replicas at once: one commit each, no error', async () => {
    const remote = bareRepository(path.join(root, 'remote.git'), true);
    const config = { url: `file://${remote}` };
    // Two replicas (or a worker whose lease was taken over, and the one that took it):
    // separate clones, so only the push decides who was first.
    const one = driverFor({ ...config, workDirectory: path.join(root, 'w1') });
    const two = driverFor({ ...config, workDirectory: path.join(root, 'w2') });
    const results = await Promise.all([
      one.provision(context('twice', lines)),
      two.provision(context('twice', lines)),
    ]);
    // The loser found its files already on the new tip: no commit of its own.
    expect(commitCount(remote)).toBe(2);
    const head = git(remote, 'rev-parse', 'main');
    expect(results.map(r => r.outputs.commit)).toEqual([head, head]);

    await Promise.all([
      one.teardown(context('twice', lines)),
      two.teardown(context('twice', lines)),
    ]);
    expect(commitCount(remote)).toBe(3);
    expect(git(remote, 'log', '-1', '--format=%s', 'main')).toBe(
      `environment twice: teardown (${OWNER})`,
    );
    expect(git(remote, 'ls-tree', '--name-only', 'main')).toBe('README.md');
    await one.teardown(context('twice', lines));
    expect(commitCount(remote)).toBe(3);
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
