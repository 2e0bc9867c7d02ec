/**
 * The `gitops` deploy driver of the delivery backend.
 *
 * @packageDocumentation
 */
export { deliveryModuleGitopsDriver as default } from './module';
export { GitopsDeployDriver, DEPLOY_ID_TRAILER } from './GitopsDeployDriver';
export { readGitopsDeployConfig } from './config';
export type { GitopsDeployConfig } from './config';
