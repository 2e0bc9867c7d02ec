/**
 * A GitOps repository as Runway's drivers (environments' and delivery's `gitops`) write to it.
 *
 * @packageDocumentation
 */
export { GitRepository } from './GitRepository';
export type { CommitResult, TreeChange, WorkingTree } from './GitRepository';
export { readGitRepositoryConfig, readRepositoryFolder } from './config';
export type { GitRepositoryConfig, GitRepositoryLocation } from './config';
export { GitCommandError, createGitRunner } from './runGit';
export type { GitOutput, GitRunner } from './runGit';
export { withRepositoryLock } from './repositoryLock';
