import path from 'node:path';
import { JsonObject } from '@backstage/types';
import {
  DriverContext,
  ProvisionResult,
  ResourceDriver,
} from '@internal/plugin-environments-node';
import { GitRepository } from '@internal/gitops-repository';
import { stringify } from 'yaml';
import { CONFIG_KEY, GitopsDriverConfig } from './config';
import {
  KubernetesManifest,
  ManifestRenderer,
  renderEnvironmentManifests,
} from './manifests/renderManifests';
import { validateManifests } from './manifests/validateManifests';
import { parseGitopsParameters, validateGitopsParameters } from './parameters';

export type GitopsDriverOptions = {
  config: GitopsDriverConfig;
  /** Replaces the built-in manifests (a platform team's own); they are validated the same. */
  renderer?: ManifestRenderer;
};

/**
 * The `gitops` resource driver: renders an environment's Kubernetes manifests, validates
 * them against the Kubernetes schemas and commits them under `<basePath>/<environment>/`
 * for Argo CD or Flux to apply. Needs no checkpoint: the committed tree is the state, and a
 * provision whose files equal the committed ones makes no commit.
 */
export class GitopsDriver implements ResourceDriver {
  readonly type = 'gitops';
  readonly description =
    'A Kubernetes namespace with quota, limits, network policy and config, committed to a GitOps repository';

  private readonly config: GitopsDriverConfig;
  private readonly renderer: ManifestRenderer;
  private readonly workspace: GitRepository;

  constructor(options: GitopsDriverOptions) {
    this.config = options.config;
    this.renderer = options.renderer ?? renderEnvironmentManifests;
    this.workspace = GitRepository.create(options.config, CONFIG_KEY);
  }

  validateParameters(parameters: JsonObject): string[] {
    return validateGitopsParameters(parameters, this.config.limits);
  }

  async provision(context: DriverContext): Promise<ProvisionResult> {
    const { environment } = context;
    const parameters = parseGitopsParameters(
      context.parameters,
      this.config.limits,
    );
    const namespace = `${this.config.namespacePrefix}${environment.name}`;
    const manifests = this.renderer({ environment, namespace, parameters });
    const problems = validateManifests(manifests);
    if (problems.length > 0) {
      throw new Error(
        `gitops: the manifests of ${
          environment.name
        } are not valid Kubernetes objects, nothing was committed: ${problems.join(
          '; ',
        )}`,
      );
    }
    const folder = this.folder(environment.name);
    await context.log(
      `gitops: writing ${manifests.length} manifests to ${folder} on ${this.config.branch}`,
    );
    const update = await this.workspace.replaceFolder(
      folder,
      toFiles(environment.name, manifests),
      `environment ${environment.name}: provision (${environment.owner})`,
    );
    await context.log(
      update.changed
        ? `gitops: committed ${short(update.commit)} to ${this.config.branch}`
        : `gitops: ${folder} already matches ${short(
            update.commit,
          )}, no commit`,
    );
    context.logger.info(
      `gitops ${environment.name}: ${
        update.changed ? 'committed' : 'unchanged at'
      } ${update.commit} in ${this.workspace.displayName}`,
    );
    return {
      outputs: {
        repository: this.workspace.displayName,
        branch: this.config.branch,
        path: folder,
        commit: update.commit ?? '',
        namespace,
      },
    };
  }

  async teardown(context: DriverContext): Promise<void> {
    const { environment } = context;
    const folder = this.folder(environment.name);
    const update = await this.workspace.replaceFolder(
      folder,
      undefined,
      `environment ${environment.name}: teardown (${environment.owner})`,
    );
    await context.log(
      update.changed
        ? `gitops: removed ${folder} in ${short(update.commit)}`
        : `gitops: ${folder} is not in ${this.config.branch}, nothing to remove`,
    );
    context.logger.info(
      `gitops ${environment.name}: ${
        update.changed ? `removed in ${update.commit}` : 'already absent'
      } in ${this.workspace.displayName}`,
    );
  }

  private folder(environmentName: string): string {
    // The contract promises DNS-label names; refuse anything that could leave the base path.
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(environmentName)) {
      throw new Error(
        `gitops: environment name "${environmentName}" is not a DNS label`,
      );
    }
    return path.posix.join(this.config.basePath, environmentName);
  }
}

/** One YAML file per object, named by kind and name, in a stable form. */
function toFiles(
  environmentName: string,
  manifests: KubernetesManifest[],
): Map<string, string> {
  const header = `# Rendered by Runway for environment ${environmentName}; changes here are replaced on the next provision.\n`;
  return new Map(
    manifests.map(manifest => [
      `${manifest.kind.toLowerCase()}-${manifest.metadata.name}.yaml`,
      // YAML 1.1 quoting: values such as "on" or a timestamp stay strings for Kubernetes
      // tooling, which parses YAML 1.1.
      header + stringify(manifest, { lineWidth: 0, version: '1.1' }),
    ]),
  );
}

function short(commit: string | undefined): string {
  return commit ? commit.slice(0, 12) : '(none)';
}
