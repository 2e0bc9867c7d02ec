import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Runs the git CLI the way a person inspecting the repository would, and returns stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test Person',
      GIT_AUTHOR_EMAIL: 'person@example.com',
      GIT_COMMITTER_NAME: 'Test Person',
      GIT_COMMITTER_EMAIL: 'person@example.com',
    },
  }).trimEnd();
}

/** A temporary folder, removed by the returned cleanup. */
export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `runway-gitops-${name}-`));
}

/** A working repository on `branch` with one commit (a README), as a platform team has. */
export function workingRepository(dir: string, branch = 'main'): string {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, 'init', '--quiet', `--initial-branch=${branch}`);
  fs.writeFileSync(path.join(dir, 'README.md'), '# GitOps\n');
  git(dir, 'add', 'README.md');
  git(dir, 'commit', '--quiet', '-m', 'initial');
  return dir;
}

/** A bare repository, the "remote"; with a seed commit when `seeded`. */
export function bareRepository(dir: string, seeded: boolean): string {
  git(os.tmpdir(), 'init', '--quiet', '--bare', '--initial-branch=main', dir);
  if (seeded) {
    const seed = workingRepository(`${dir}-seed`);
    git(seed, 'push', '--quiet', dir, 'main');
    fs.rmSync(seed, { recursive: true, force: true });
  }
  return dir;
}

export function commitCount(gitDir: string, ref = 'main'): number {
  return Number(git(gitDir, 'rev-list', '--count', ref));
}
