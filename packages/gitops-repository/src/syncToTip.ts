import fs from 'node:fs/promises';
import path from 'node:path';
import { GitRepositoryLocation } from './config';
import { GitCommandError, GitRunner } from './runGit';

type SyncTarget = {
  git: GitRunner;
  location: GitRepositoryLocation;
  root: string;
  branch: string;
  configKey: string;
};

/**
 * Brings the working tree to the branch's tip: for a remote, a fetch and a hard reset of
 * the driver's own clone (a commit a crashed attempt never pushed is dropped and redone);
 * for a local repository, a check that the branch is the one checked out.
 */
export async function syncToTip(target: SyncTarget): Promise<void> {
  const { git, location, root, branch, configKey } = target;
  if (location.kind === 'local') {
    await checkLocalRepository(target);
    return;
  }
  const { url } = location;
  const cwd = root;
  await clearStaleLocks(cwd, branch);
  if (!(await exists(path.join(cwd, '.git')))) {
    await fs.mkdir(cwd, { recursive: true });
    await git(['init', '--quiet', cwd]);
  }
  // Sets the remote whether or not it exists: a backend killed between `init` and adding the
  // remote left a clone without one (`remote set-url` then failed on every later sync).
  await git(['config', 'remote.origin.url', url], { cwd });
  const remoteRef = `refs/remotes/origin/${branch}`;
  const fetched = await git(
    [
      'fetch',
      '--quiet',
      '--no-tags',
      'origin',
      `+refs/heads/${branch}:${remoteRef}`,
    ],
    { cwd, allowExitCodes: [128] },
  );
  if (fetched.exitCode === 0) {
    await git(['checkout', '--quiet', '--force', '-B', branch, remoteRef], {
      cwd,
    });
  } else if (/couldn't find remote ref/i.test(fetched.stderr)) {
    // An empty remote or a new branch: start it from nothing.
    await git(['symbolic-ref', 'HEAD', `refs/heads/${branch}`], {
      cwd,
    });
    await git(['update-ref', '-d', `refs/heads/${branch}`], {
      cwd,
    });
    await git(['read-tree', '--empty'], { cwd });
  } else {
    const refused =
      /could not read Username|Authentication failed|\b401\b|\b403\b/i.test(
        fetched.stderr,
      );
    throw new GitCommandError(
      `git fetch failed: ${fetched.stderr.trim()}${
        refused
          ? ` (the remote refused the credentials: ${configKey}.username/token/password)`
          : ''
      }`,
      fetched.exitCode,
      fetched.stderr,
    );
  }
  await git(['clean', '--quiet', '-d', '--force', '-x'], { cwd });
}

/**
 * Git's lock files a git command killed mid-way leaves behind (a backend killed with SIGKILL
 * or out of memory while committing): every later command fails with "File exists". The
 * clone belongs to this process and each git command on it runs under the repository lock,
 * so a lock file present before the next one starts is a dead process's.
 */
async function clearStaleLocks(cwd: string, branch: string): Promise<void> {
  const locks = [
    'index.lock',
    'HEAD.lock',
    'config.lock',
    'packed-refs.lock',
    `refs/heads/${branch}.lock`,
    `refs/remotes/origin/${branch}.lock`,
  ];
  for (const lock of locks)
    await fs.rm(path.join(cwd, '.git', lock), { force: true });
}

async function checkLocalRepository(target: SyncTarget): Promise<void> {
  const { git, root, branch, configKey } = target;
  const cwd = root;
  const top = await git(['rev-parse', '--show-toplevel'], {
    cwd,
  }).catch(() => undefined);
  if (
    !top ||
    (await fs.realpath(top.stdout.trim())) !== (await fs.realpath(cwd))
  ) {
    throw new Error(
      `gitops: ${cwd} is not the top folder of a git working repository (${configKey}.localPath)`,
    );
  }
  const head = await git(['symbolic-ref', '--quiet', 'HEAD'], {
    cwd,
    allowExitCodes: [1],
  });
  const checkedOut = head.stdout.trim().replace(/^refs\/heads\//, '');
  if (checkedOut !== branch) {
    throw new Error(
      `gitops: ${cwd} has ${
        checkedOut || 'a detached HEAD'
      } checked out, not the branch ${branch} (${configKey}.branch)`,
    );
  }
}

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
