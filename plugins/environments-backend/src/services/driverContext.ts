import { LoggerService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { DriverContext } from '@internal/plugin-environments-node';
import {
  EnvironmentStore,
  StoredEnvironment,
  StoredResource,
} from '../database/EnvironmentStore';
import { SecretBox } from '../lib/SecretBox';
import { LeaseLostError } from './LeaseLostError';

/**
 * What a driver gets for one call: the environment as drivers see it, the resource's
 * parameters, its decrypted saved state, and a saveState that encrypts before it stores.
 */
export function createDriverContext(
  environment: StoredEnvironment,
  resource: StoredResource,
  deps: {
    box: SecretBox;
    store: EnvironmentStore;
    logger: LoggerService;
    now: () => Date;
    log: (message: string) => Promise<void>;
    /** The run's lease: saved state is written only while the run holds it. */
    leaseOwner: string;
  },
): DriverContext {
  const { box, store, logger } = deps;
  return {
    environment: {
      id: environment.id,
      name: environment.name,
      className: environment.className,
      owner: environment.owner,
      ...(environment.component && { component: environment.component }),
      expiresAt: environment.expiresAt,
      config: plainConfig(environment),
    },
    resourceName: resource.name,
    parameters: resource.parameters as JsonObject,
    state: resource.stateEncrypted
      ? box.decrypt<JsonObject>(resource.stateEncrypted)
      : undefined,
    saveState: async state => {
      const saved = await store.updateResource(
        environment.id,
        resource.name,
        { stateEncrypted: box.encrypt(state) },
        deps.now(),
        deps.leaseOwner,
      );
      if (!saved) throw new LeaseLostError(environment.id);
    },
    log: deps.log,
    logger: logger.child({
      environment: environment.name,
      resource: resource.name,
    }),
  };
}

/** The environment's plain config values (from its `config` resources), for every driver. */
export function plainConfig(environment: {
  resources: Array<{ type: string; parameters: Record<string, unknown> }>;
}): Record<string, string> {
  const config: Record<string, string> = {};
  for (const resource of environment.resources) {
    if (resource.type !== 'config') continue;
    const values = resource.parameters.values;
    if (values && typeof values === 'object') {
      for (const [key, value] of Object.entries(values)) {
        if (typeof value === 'string') config[key] = value;
      }
    }
  }
  return config;
}
