import { Config } from '@backstage/config';
import {
  GitRepositoryConfig,
  readGitRepositoryConfig,
  readRepositoryFolder,
} from '@internal/gitops-repository';

export const CONFIG_KEY = 'delivery.drivers.gitops';

export type GitopsDeployConfig = GitRepositoryConfig & {
  /** Folder of the services' manifests, e.g. `apps`. */
  basePath: string;
  /** Put before the service name to form the image name. */
  imagePrefix: string;
};

// An image name without its tag (docker/distribution's reference grammar, lowercase paths).
const IMAGE_NAME =
  /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/**
 * Reads `delivery.drivers.gitops`, or undefined when the section is absent. A present but
 * invalid section throws, naming the key, so a misconfigured driver stops the start.
 */
export function readGitopsDeployConfig(
  root: Config,
): GitopsDeployConfig | undefined {
  const repository = readGitRepositoryConfig(root, CONFIG_KEY);
  if (!repository) {
    return undefined;
  }
  const config = root.getConfig(CONFIG_KEY);
  const basePath = readRepositoryFolder(root, CONFIG_KEY, 'basePath', 'apps');
  const imagePrefix = config.getOptionalString('imagePrefix') ?? '';
  if (imagePrefix && !IMAGE_NAME.test(`${imagePrefix}service`)) {
    throw new Error(
      `${CONFIG_KEY}.imagePrefix: "${imagePrefix}" does not form an image name (e.g. registry.example.com/team/)`,
    );
  }
  return { ...repository, basePath, imagePrefix };
}

export function isImageName(name: string): boolean {
  return IMAGE_NAME.test(name);
}
