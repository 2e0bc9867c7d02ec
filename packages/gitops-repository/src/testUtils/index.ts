export {
  bareRepository,
  commitCount,
  git,
  tempDir,
  workingRepository,
} from './gitFixtures';
export { startHttpGitServer } from './httpGitServer';
export type { HttpGitServer } from './httpGitServer';
