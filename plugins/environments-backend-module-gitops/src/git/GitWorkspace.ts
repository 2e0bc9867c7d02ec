import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { GitopsDriverConfig, GitopsRepositoryConfig } from '../config';
import { withRepositoryLock } from './repositoryLock';
import { createGitRunner, GitCommandError, GitRunner } from './runGit';

/** What replacing a folder did. */
export type FolderUpdate = {
  /** Whether a commit was made (and pushed, for a remote). */
  changed: boolean;
  /** The commit that last changed the folder (undefined when it was never committed). */
  commit?: string;
};

const PUSH_ATTEMPTS = 5;

/**
 * The driver's view of the GitOps repository: replace one folder with given files (or remove
 * it) in one commit on the configured branch, only when that changes the tree.
 *
 * Runs the git CLI rather than isomorphic-git: the CLI speaks every transport a platform team
 * points us at (https with a token, ssh, file://), while isomorphic-git has no ssh or file
 * transport and holds packfiles in memory; git is a single, well-known dependency of the
 * backend image (see README).
 */
export class GitWorkspace {
  private constructor(
    private readonly repository: GitopsRepositoryConfig,
    private readonly branch: string,
    private readonly git: GitRunner,
    /** The working tree the driver writes into. */
    private readonly root: string,
  ) {}

  static create(config: GitopsDriverConfig): GitWorkspace {
    const { repository } = config;
    if (repository.kind === 'local') {
      return new GitWorkspace(
        repository,
        config.branch,
        createGitRunner({ author: config.author }),
        repository.path,
      );
    }
    const { credentials } = repository;
    const header = credentials
      ? `Authorization: Basic ${Buffer.from(
          `${credentials.username}:${credentials.secret}`,
        ).toString('base64')}`
      : undefined;
    const git = createGitRunner({
      author: config.author,
      config: header ? { 'http.extraHeader': header } : {},
      secrets: credentials ? [credentials.secret, header!] : [],
    });
    // One clone per remote and branch, so two configurations never share a working tree.
    const id = createHash('sha256')
      .update(`${repository.url}#${config.branch}`)
      .digest('hex')
      .slice(0, 16);
    return new GitWorkspace(
      repository,
      config.branch,
      git,
      path.join(repository.workDirectory, id),
    );
  }

  /** The repository as shown to users: the local path, or the URL without credentials. */
  get displayName(): string {
    return this.repository.kind === 'local'
      ? this.repository.path
      : this.repository.url.replace(/(\w+:\/\/)[^/@]+@/, '$1');
  }

  /**
   * Makes `folder` hold exactly `files` (name -> content), or removes it when `files` is
   * undefined, and commits with `message` when the tree changed. Serialised per repository.
   */
  async replaceFolder(
    folder: string,
    files: Map<string, string> | undefined,
    message: string,
  ): Promise<FolderUpdate> {
    return withRepositoryLock(this.root, async () => {
      for (let attempt = 1; ; attempt++) {
        await this.prepare();
        await this.writeFolder(folder, files);
        await this.git(
          files
            ? ['add', '--all', '--', folder]
            : [
                'rm',
                '-r',
                '--cached',
                '--quiet',
                '--ignore-unmatch',
                '--',
                folder,
              ],
          { cwd: this.root },
        );
        const diff = await this.git(
          ['diff', '--cached', '--quiet', '--', folder],
          { cwd: this.root, allowExitCodes: [1] },
        );
        if (diff.exitCode === 0) {
          return { changed: false, commit: await this.lastCommit(folder) };
        }
        // Only this folder goes into the commit, whatever else is staged in a local working
        // repository.
        await this.git(['commit', '--quiet', '-m', message, '--', folder], {
          cwd: this.root,
        });
        const commit = (
          await this.git(['rev-parse', 'HEAD'], { cwd: this.root })
        ).stdout.trim();
        try {
          await this.publish();
          return { changed: true, commit };
        } catch (error) {
          // Another replica pushed first: start again from the new tip.
          if (!isRejectedPush(error) || attempt >= PUSH_ATTEMPTS) {
            throw error;
          }
        }
      }
    });
  }

  /**
   * Brings the working tree to the branch's tip: for a remote, a fetch and a hard reset of
   * the driver's own clone (a commit a crashed attempt never pushed is dropped and redone);
   * for a local repository, a check that the branch is the one checked out.
   */
  private async prepare(): Promise<void> {
    if (this.repository.kind === 'local') {
      await this.checkLocalRepository();
      return;
    }
    const { url } = this.repository;
    const cwd = this.root;
    if (!(await exists(path.join(cwd, '.git')))) {
      await fs.mkdir(cwd, { recursive: true });
      await this.git(['init', '--quiet', cwd]);
      await this.git(['remote', 'add', 'origin', url], { cwd });
    } else {
      await this.git(['remote', 'set-url', 'origin', url], { cwd });
    }
    const remoteRef = `refs/remotes/origin/${this.branch}`;
    const fetched = await this.git(
      [
        'fetch',
        '--quiet',
        '--no-tags',
        'origin',
        `+refs/heads/${this.branch}:${remoteRef}`,
      ],
      { cwd, allowExitCodes: [128] },
    );
    if (fetched.exitCode === 0) {
      await this.git(
        ['checkout', '--quiet', '--force', '-B', this.branch, remoteRef],
        { cwd },
      );
    } else if (/couldn't find remote ref/i.test(fetched.stderr)) {
      // An empty remote or a new branch: start it from nothing.
      await this.git(['symbolic-ref', 'HEAD', `refs/heads/${this.branch}`], {
        cwd,
      });
      await this.git(['update-ref', '-d', `refs/heads/${this.branch}`], {
        cwd,
      });
      await this.git(['read-tree', '--empty'], { cwd });
    } else {
      const refused =
        /could not read Username|Authentication failed|\b401\b|\b403\b/i.test(
          fetched.stderr,
        );
      throw new GitCommandError(
        `git fetch failed: ${fetched.stderr.trim()}${
          refused
            ? ' (the remote refused the credentials: environments.drivers.gitops.username/token/password)'
            : ''
        }`,
        fetched.exitCode,
        fetched.stderr,
      );
    }
    await this.git(['clean', '--quiet', '-d', '--force', '-x'], { cwd });
  }

  private async checkLocalRepository(): Promise<void> {
    const cwd = this.root;
    const top = await this.git(['rev-parse', '--show-toplevel'], {
      cwd,
    }).catch(() => undefined);
    if (
      !top ||
      (await fs.realpath(top.stdout.trim())) !== (await fs.realpath(cwd))
    ) {
      throw new Error(
        `gitops: ${cwd} is not the top folder of a git working repository (environments.drivers.gitops.localPath)`,
      );
    }
    const head = await this.git(['symbolic-ref', '--quiet', 'HEAD'], {
      cwd,
      allowExitCodes: [1],
    });
    const checkedOut = head.stdout.trim().replace(/^refs\/heads\//, '');
    if (checkedOut !== this.branch) {
      throw new Error(
        `gitops: ${cwd} has ${
          checkedOut || 'a detached HEAD'
        } checked out, not the branch ${
          this.branch
        } (environments.drivers.gitops.branch)`,
      );
    }
  }

  private async writeFolder(
    folder: string,
    files: Map<string, string> | undefined,
  ): Promise<void> {
    const dir = path.join(this.root, folder);
    await fs.rm(dir, { recursive: true, force: true });
    if (!files) {
      return;
    }
    await fs.mkdir(dir, { recursive: true });
    for (const [name, content] of files) {
      if (name !== path.basename(name) || name.startsWith('.')) {
        throw new Error(`gitops: "${name}" is not a plain file name`);
      }
      await fs.writeFile(path.join(dir, name), content, 'utf8');
    }
  }

  private async publish(): Promise<void> {
    if (this.repository.kind === 'local') {
      return;
    }
    await this.git(
      // Not --quiet: a rejection is recognised by its "[rejected]" status line.
      ['push', 'origin', `HEAD:refs/heads/${this.branch}`],
      { cwd: this.root },
    );
  }

  private async lastCommit(folder: string): Promise<string | undefined> {
    const log = await this.git(
      ['log', '-1', '--format=%H', '--', folder],
      // 128: a branch without commits yet.
      { cwd: this.root, allowExitCodes: [128] },
    );
    return log.stdout.trim() || undefined;
  }
}

function isRejectedPush(error: unknown): boolean {
  return (
    error instanceof GitCommandError &&
    /\[rejected\]|\[remote rejected\].*(cannot lock ref|failed to update ref)/i.test(
      error.stderr,
    )
  );
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
