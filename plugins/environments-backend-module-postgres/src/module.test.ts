import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  environmentsDriversExtensionPoint,
  ResourceDriver,
} from '@internal/plugin-environments-node';
import { environmentsModulePostgresDriver } from './module';

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
      environmentsModulePostgresDriver,
      mockServices.rootConfig.factory({ data: config }),
      logger.factory,
    ],
  });
  return { drivers, logger };
}

describe('environmentsModulePostgresDriver', () => {
  it('registers the postgres driver when environments.drivers.postgres is configured', async () => {
    const { drivers } = await start({
      environments: {
        drivers: { postgres: { host: 'db.internal', user: 'runway' } },
      },
    });
    expect(drivers.map(d => d.type)).toEqual(['postgres']);
  });

  it('registers nothing and says so when the section is absent', async () => {
    const { drivers, logger } = await start({});
    expect(drivers).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      'The postgres environment driver is unavailable: environments.drivers.postgres is not configured',
    );
  });

  it('stops the start, naming the key, when the section is invalid', async () => {
    await expect(
      start({
        environments: {
          drivers: {
            postgres: { host: 'db', user: 'runway', namePrefix: 'Env-' },
          },
        },
      }),
    ).rejects.toThrow(/environments\.drivers\.postgres\.namePrefix: "Env-"/);
  });
});
