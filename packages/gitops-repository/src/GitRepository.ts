import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { GitRepositoryConfig, GitRepositoryLocation } from './config';
import { withRepositoryLock } from './repositoryLock';
import { createGitRunner, GitCommandError, GitRunner } from './runGit';
import { exists, syncToTip } from './syncToTip';

/** What a commit attempt did. */
export type CommitResult = {
  /** Whether a commit was made (and pushed, for a remote). */
  changed: boolean;
  /** The new commit, or the one that last touched the paths when nothing changed. */
  commit?: string;
};

/** The paths a change wrote (relative to the repository root) and the message to commit them with. */
export type TreeChange = { paths: string[]; message: string };

/** The working tree as a change sees it: at the branch's tip, under the repository lock. */
export type WorkingTree = {
  /** Absolute folder of the working tree; write files below it. */
  root: string;
  /** A file's content, undefined when it does not exist. */
  readFile(relativePath: string): Promise<string | undefined>;
  /** The newest commit on the branch whose message contains `text` (fixed string), touching `paths`. */
  findCommit(text: string, paths: string[]): Promise<string | undefined>;
};

/**
 * Pushes another replica beat before this one is redone on the new tip. Replicas committing
 * environments and deploys at once to one repository beat each other often (measured: two
 * replicas, eight environments at a time, ran out of five attempts), so many tries, each
 * after a short random pause that grows, so that the losers do not collide again.
 */
const PUSH_ATTEMPTS = 30;
const pauseBeforeAttempt = (attempt: number) =>
  new Promise(resolve =>
    setTimeout(resolve, Math.random() * Math.min(1000, 50 * attempt)),
  );

/**
 * A GitOps repository as a driver writes to it: each change is written from the branch's tip
 * and committed alone, only when it changes the tree, serialised per repository in this
 * process; a push another replica beat is redone on the new tip.
 *
 * Runs the git CLI rather than isomorphic-git: the CLI speaks every transport a platform team
 * points us at (https with a token, ssh, file://), while isomorphic-git has no ssh or file
 * transport and holds packfiles in memory; git is a single, well-known dependency of the
 * backend image (see README).
 */
export class GitRepository {
  private constructor(
    private readonly location: GitRepositoryLocation,
    readonly branch: string,
    private readonly git: GitRunner,
    /** The working tree the driver writes into. */
    private readonly root: string,
    /** The driver's config section, named in errors about settings. */
    private readonly configKey: string,
  ) {}

  static create(config: GitRepositoryConfig, configKey: string): GitRepository {
    const { repository } = config;
    if (repository.kind === 'local') {
      return new GitRepository(
        repository,
        config.branch,
        createGitRunner({ author: config.author }),
        repository.path,
        configKey,
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
    // One clone per remote and branch, so two configurations never share a working tree
    // (and two drivers on the same repository share one, under one lock).
    const id = createHash('sha256')
      .update(`${repository.url}#${config.branch}`)
      .digest('hex')
      .slice(0, 16);
    return new GitRepository(
      repository,
      config.branch,
      git,
      path.join(repository.workDirectory, id),
      configKey,
    );
  }

  /**
   * The repository as shown to users: the URL without credentials, or for a local stand-in its
   * folder's name (`local:gitops`); a server path is never shown.
   */
  get displayName(): string {
    return this.location.kind === 'local'
      ? `local:${path.basename(this.location.path)}`
      : this.location.url.replace(/(\w+:\/\/)[^/@]+@/, '$1');
  }

  /**
   * Runs `change` on the branch's tip and commits the paths it names with its message, when
   * that changed them (a change returning undefined has nothing to commit). Serialised per
   * repository; after a rejected push `change` runs again on the new tip.
   */
  async commitChange(
    change: (tree: WorkingTree) => Promise<TreeChange | undefined>,
  ): Promise<CommitResult> {
    return withRepositoryLock(this.root, async () => {
      for (let attempt = 1; ; attempt++) {
        await this.prepare();
        const written = await change(this.workingTree());
        if (!written) {
          return { changed: false };
        }
        const paths = written.paths.map(p => this.checkPath(p));
        for (const p of paths) {
          await this.git(
            (await exists(path.join(this.root, p)))
              ? ['add', '--all', '--', p]
              : [
                  'rm',
                  '-r',
                  '--cached',
                  '--quiet',
                  '--ignore-unmatch',
                  '--',
                  p,
                ],
            { cwd: this.root },
          );
        }
        const diff = await this.git(
          ['diff', '--cached', '--quiet', '--', ...paths],
          { cwd: this.root, allowExitCodes: [1] },
        );
        if (diff.exitCode === 0) {
          return { changed: false, commit: await this.lastCommit(paths) };
        }
        // Only these paths go into the commit, whatever else is staged in a local working
        // repository.
        await this.git(
          ['commit', '--quiet', '-m', written.message, '--', ...paths],
          { cwd: this.root },
        );
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
          await pauseBeforeAttempt(attempt);
        }
      }
    });
  }

  /**
   * Makes `folder` hold exactly `files` (name -> content), or removes it when `files` is
   * undefined, and commits with `message` when the tree changed.
   */
  async replaceFolder(
    folder: string,
    files: Map<string, string> | undefined,
    message: string,
  ): Promise<CommitResult> {
    return this.commitChange(async tree => {
      await writeFolder(path.join(tree.root, folder), files);
      return { paths: [folder], message };
    });
  }

  private workingTree(): WorkingTree {
    const cwd = this.root;
    return {
      root: cwd,
      readFile: relativePath =>
        fs
          .readFile(path.join(cwd, this.checkPath(relativePath)), 'utf8')
          .catch(error => {
            if (error.code === 'ENOENT') return undefined;
            throw error;
          }),
      findCommit: async (text, paths) => {
        const log = await this.git(
          [
            'log',
            '-1',
            '--format=%H',
            '--fixed-strings',
            `--grep=${text}`,
            '--',
            ...paths.map(p => this.checkPath(p)),
          ],
          // 128: a branch without commits yet.
          { cwd, allowExitCodes: [128] },
        );
        return log.stdout.trim() || undefined;
      },
    };
  }

  /** A path inside the repository, or an error: a change never writes outside it. */
  private checkPath(relativePath: string): string {
    const normal = path.posix.normalize(relativePath);
    if (
      path.posix.isAbsolute(normal) ||
      normal === '.' ||
      normal.split('/').some(part => part === '..' || part === '.git')
    ) {
      throw new Error(
        `gitops: "${relativePath}" is not a path inside the repository`,
      );
    }
    return normal;
  }

  private async prepare(): Promise<void> {
    await syncToTip({
      git: this.git,
      location: this.location,
      root: this.root,
      branch: this.branch,
      configKey: this.configKey,
    });
  }

  private async publish(): Promise<void> {
    if (this.location.kind === 'local') {
      return;
    }
    await this.git(
      // Not --quiet: a rejection is recognised by its "[rejected]" status line.
      ['push', 'origin', `HEAD:refs/heads/${this.branch}`],
      { cwd: this.root },
    );
  }

  private async lastCommit(paths: string[]): Promise<string | undefined> {
    const log = await this.git(
      ['log', '-1', '--format=%H', '--', ...paths],
      // 128: a branch without commits yet.
      { cwd: this.root, allowExitCodes: [128] },
    );
    return log.stdout.trim() || undefined;
  }
}

async function writeFolder(
  dir: string,
  files: Map<string, string> | undefined,
): Promise<void> {
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

function isRejectedPush(error: unknown): boolean {
  return (
    error instanceof GitCommandError &&
    /\[rejected\]|\[remote rejected\].*(cannot lock ref|failed to update ref)/i.test(
      error.stderr,
    )
  );
}
