import fs from 'node:fs/promises';
import path from 'node:path';
import { parseEntityRef } from '@backstage/catalog-model';
import { CommitResult, GitRepository } from '@internal/gitops-repository';
import {
  DeployContext,
  DeployDriver,
  DeployResult,
  DriverDeployment,
} from '@internal/plugin-delivery-node';
import { CONFIG_KEY, GitopsDeployConfig, isImageName } from './config';
import {
  imageTagProblem,
  renderBase,
  serviceClaimProblem,
  updateOverlay,
} from './manifests';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The trailer that makes a deploy's commit findable: a retried deploy looks for it first. */
export const DEPLOY_ID_TRAILER = 'Runway-Deploy-Id';

/**
 * The `gitops` deploy driver: a deploy sets the service's image tag in
 * `<basePath>/<service>/<environment>/kustomization.yaml` (a kustomize overlay over
 * `<service>/base`) in one commit, and succeeds once the commit is pushed; Argo CD or Flux
 * syncs the cluster from there. Idempotent by deploy id: the commit carries the id as a
 * trailer, and a retry that finds it commits nothing.
 */
export class GitopsDeployDriver implements DeployDriver {
  readonly id = 'gitops';
  private readonly repository: GitRepository;

  constructor(private readonly config: GitopsDeployConfig) {
    this.repository = GitRepository.create(config, CONFIG_KEY);
  }

  async deploy(context: DeployContext): Promise<DeployResult> {
    const d = context.deployment;
    const { name: service } = parseEntityRef(d.service, {
      defaultKind: 'component',
    });
    const image = `${this.config.imagePrefix}${service}`;
    const problem =
      imageTagProblem(d.version) ??
      (DNS_LABEL.test(service) && isImageName(image)
        ? undefined
        : `service name "${service}" must be a DNS label to name its folder, Deployment and image`) ??
      (DNS_LABEL.test(d.environment)
        ? undefined
        : `environment "${d.environment}" must be a DNS label to name its folder`);
    if (problem) {
      return {
        status: 'failed',
        message: `gitops: ${problem}; nothing was committed`,
      };
    }
    const overlay = path.posix.join(
      this.config.basePath,
      service,
      d.environment,
    );
    const file = path.posix.join(overlay, 'kustomization.yaml');
    let outcome: { result: CommitResult; earlier?: string };
    try {
      outcome = await this.commit(d, { service, image, overlay, file });
    } catch (error) {
      return {
        status: 'failed',
        message: `gitops: ${(error as Error).message}; nothing was pushed`,
      };
    }
    const { result, earlier } = outcome;
    const where = `${this.repository.branch} of ${this.repository.displayName}`;
    if (earlier) {
      await context.log(
        `gitops: deploy ${d.id} was already committed as ${earlier.slice(
          0,
          12,
        )} on ${where}; no second commit`,
      );
      return {
        status: 'succeeded',
        message: `Committed ${earlier.slice(0, 12)} (earlier attempt)`,
      };
    }
    const commit = result.commit?.slice(0, 12) ?? '(none)';
    await context.log(
      result.changed
        ? `gitops: committed ${commit} to ${where}: ${file} sets ${image} to ${d.version}`
        : `gitops: ${file} already names deploy ${d.id}; no commit`,
    );
    context.logger.info(
      `gitops deploy ${d.id}: ${d.service} ${d.version} to ${d.environment} in ${result.commit}`,
    );
    return {
      status: 'succeeded',
      message: `Committed ${commit} (${image}:${d.version}); Argo CD or Flux applies it`,
    };
  }

  /** One commit for the deploy, or none when an earlier attempt of it was committed. */
  private async commit(
    d: DriverDeployment,
    names: { service: string; image: string; overlay: string; file: string },
  ): Promise<{ result: CommitResult; earlier?: string }> {
    const { service, image, overlay, file } = names;
    const serviceFolder = path.posix.dirname(overlay);
    let earlier: string | undefined;
    const result = await this.repository.commitChange(async tree => {
      // Under the lock and on the tip: a retry after a crash (or another replica's attempt)
      // finds the commit by its trailer, even when later deploys changed the file since.
      earlier = await tree.findCommit(`${DEPLOY_ID_TRAILER}: ${d.id}`, [
        overlay,
      ]);
      if (earlier) return undefined;
      const paths = [overlay];
      const base = path.posix.join(serviceFolder, 'base');
      const baseFile = path.posix.join(base, 'kustomization.yaml');
      const existingBase = await tree.readFile(baseFile);
      if (!existingBase) {
        await writeFiles(
          path.join(tree.root, base),
          renderBase(service, d.service, image),
        );
        paths.push(base);
      } else {
        const claimed = serviceClaimProblem(existingBase, baseFile, d.service);
        if (claimed) throw new Error(claimed);
      }
      const content = updateOverlay(
        await tree.readFile(file),
        { file, service, serviceRef: d.service, environment: d.environment },
        {
          image,
          version: d.version,
          deployId: d.id,
          requestedBy: d.requestedBy,
        },
      );
      await writeFiles(
        path.join(tree.root, overlay),
        new Map([['kustomization.yaml', content]]),
      );
      return { paths, message: commitMessage(service, d) };
    });
    return { result, earlier };
  }
}

/** Subject for people scrolling the log; the body and trailers for tools and retries. */
function commitMessage(service: string, d: DriverDeployment): string {
  const action = d.changeType === 'rollback' ? 'roll back' : 'deploy';
  const requester = d.requestedBy ?? 'an unknown requester';
  return [
    `${service}: ${action} ${d.version} to ${d.environment}`,
    '',
    `${d.changeType === 'rollback' ? 'Rollback' : 'Deploy'} of ${
      d.service
    } requested by ${requester} through Runway${
      d.previousVersion ? ` (was ${d.previousVersion})` : ''
    }.`,
    '',
    `Service: ${d.service}`,
    `Environment: ${d.environment}`,
    `Version: ${d.version}`,
    `Change-Type: ${d.changeType}`,
    ...(d.requestedBy ? [`Requested-By: ${d.requestedBy}`] : []),
    ...(d.commitSha ? [`Source-Commit: ${d.commitSha}`] : []),
    `${DEPLOY_ID_TRAILER}: ${d.id}`,
  ].join('\n');
}

async function writeFiles(dir: string, files: Map<string, string>) {
  await fs.mkdir(dir, { recursive: true });
  for (const [name, content] of files) {
    await fs.writeFile(path.join(dir, name), content, 'utf8');
  }
}
