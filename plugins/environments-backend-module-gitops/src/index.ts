/**
 * The `gitops` resource driver of the environments backend.
 *
 * @packageDocumentation
 */
export { environmentsModuleGitopsDriver as default } from './module';
export { GitopsDriver } from './GitopsDriver';
export type { GitopsDriverOptions } from './GitopsDriver';
export { readGitopsDriverConfig } from './config';
export type { GitopsDriverConfig } from './config';
export { renderEnvironmentManifests } from './manifests/renderManifests';
export type {
  KubernetesManifest,
  ManifestRenderer,
  ManifestRenderInput,
} from './manifests/renderManifests';
export { validateManifests } from './manifests/validateManifests';
