import { execFile } from 'node:child_process';

/** What a git command printed. */
export type GitOutput = { stdout: string; stderr: string };

/** A failed git command; `stderr` is already free of credentials. */
export class GitCommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | undefined,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'GitCommandError';
  }
}

export type GitRunner = (
  args: string[],
  options?: { cwd?: string; allowExitCodes?: number[] },
) => Promise<GitOutput & { exitCode: number }>;

/**
 * A git runner with fixed environment: author and committer, no prompts, no hooks, no
 * signing, and extra config (e.g. an Authorization header) passed through GIT_CONFIG_*
 * variables rather than arguments, so a credential never shows in a process list or in
 * .git/config. Every message it returns has the given secrets replaced by `***`.
 */
export function createGitRunner(options: {
  author: { name: string; email: string };
  config?: Record<string, string>;
  secrets?: string[];
  timeoutMs?: number;
}): GitRunner {
  const config: Record<string, string> = {
    'core.hooksPath': '/dev/null',
    'commit.gpgSign': 'false',
    'core.autocrlf': 'false',
    ...options.config,
  };
  const entries = Object.entries(config);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: options.author.name,
    GIT_AUTHOR_EMAIL: options.author.email,
    GIT_COMMITTER_NAME: options.author.name,
    GIT_COMMITTER_EMAIL: options.author.email,
    GIT_CONFIG_COUNT: String(entries.length),
    ...Object.fromEntries(
      entries.flatMap(([key, value], i) => [
        [`GIT_CONFIG_KEY_${i}`, key],
        [`GIT_CONFIG_VALUE_${i}`, value],
      ]),
    ),
  };
  const secrets = (options.secrets ?? []).filter(s => s.length > 0);
  const redact = (text: string) =>
    secrets
      .reduce((t, secret) => t.split(secret).join('***'), text)
      // Credentials written into a URL (https://user:token@host).
      .replace(/(\w+:\/\/)[^/@\s]+@/g, '$1***@');

  return (args, { cwd, allowExitCodes = [] } = {}) =>
    new Promise((resolve, reject) => {
      execFile(
        'git',
        args,
        {
          cwd,
          env,
          timeout: options.timeoutMs ?? 120_000,
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, stdout, stderr) => {
          const exitCode =
            error && typeof error.code === 'number' ? error.code : 0;
          if (error && !allowExitCodes.includes(exitCode)) {
            const detail = redact(stderr.trim() || error.message);
            reject(
              new GitCommandError(
                `git ${args[0]} failed: ${detail}`,
                typeof error.code === 'number' ? error.code : undefined,
                redact(stderr),
              ),
            );
            return;
          }
          resolve({ stdout, stderr: redact(stderr), exitCode });
        },
      );
    });
}
