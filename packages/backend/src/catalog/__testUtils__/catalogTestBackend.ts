import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import request from 'supertest';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import unprocessedEntities from '@backstage/plugin-catalog-backend-module-unprocessed';

/**
 * Starts a backend with the catalog (and the same catalog modules as packages/backend) on the
 * given config, using the real database service so the config's database is what is used.
 */
export async function startCatalogBackend(config: JsonObject) {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      scaffolderEntityModel,
      unprocessedEntities,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return { backend, api: request(backend.server) };
}

/** Polls until `check` resolves truthy; the catalog processes locations asynchronously. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
