import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  environmentsDriversExtensionPoint,
  ResourceDriver,
} from '@internal/plugin-environments-node';
import { environmentsModuleGitopsDriver } from './module';

async function start(config: object) {
  const drivers: ResourceDriver[] = [];
  const logger = mockServices.logger.mock();
  await startTestBackend({
    extensionPoints: [
      [
        environmentsDriversExtensionPoint,
        { addDriver: (...d: ResourceDriver[]) => drivers.push(...d) },
      ],
    ],
    features: [
      environmentsModuleGitopsDriver,
      mockServices.rootConfig.factory({ data: config }),
      logger.factory,
    ],
  });
  return { drivers, logger };
}

describe('environmentsModuleGitopsDriver', () => {
  it('registers the gitops driver when environments.drivers.gitops is configured', async () => {
    const { drivers } = await start({
      environments: {
        drivers: { gitops: { url: 'https://git.example.com/gitops.git' } },
      },
    });
    expect(drivers.map(d => d.type)).toEqual(['gitops']);
  });

  it('registers nothing and says so when the section is absent', async () => {
    const { drivers, logger } = await start({});
    expect(drivers).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      'The gitops environment driver is unavailable: environments.drivers.gitops is not configured',
    );
  });

  it('stops the start, naming the key, when the section is invalid', async () => {
    await expect(
      start({
        environments: {
          drivers: { gitops: { localPath: '/srv/gitops', url: 'https://x' } },
        },
      }),
    ).rejects.toThrow(
      'environments.drivers.gitops: set exactly one of localPath (a working repository on disk) and url (a remote)',
    );
  });
});
