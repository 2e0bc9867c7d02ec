import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CATALOG_FACTS } from '@internal/plugin-readiness-common';
import { CollectedFact, FactProvider } from '@internal/plugin-readiness-node';
import { catalogFactsOf, organisationOf, ownerRefOf } from './catalogFacts';

/** Facts from each entity's annotations, links and relations, and from its owner. */
export class CatalogFactProvider implements FactProvider {
  readonly id = 'catalog';
  readonly declarations = CATALOG_FACTS;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async collect(entities: readonly Entity[]): Promise<CollectedFact[]> {
    // Only the owners of this batch are read: one request, whether one entity is evaluated
    // on demand or a thousand in a scheduled run.
    const ownerRefs = new Set<string>();
    for (const entity of entities) {
      const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
      const ref =
        typeof owner === 'string' ? ownerRefOf(owner, entity) : undefined;
      if (ref) ownerRefs.add(ref);
    }
    const { items } = ownerRefs.size
      ? await this.catalog.getEntitiesByRefs(
          {
            entityRefs: [...ownerRefs],
            fields: [
              'kind',
              'metadata.name',
              'metadata.namespace',
              'relations',
            ],
          },
          { credentials: await this.auth.getOwnServiceCredentials() },
        )
      : { items: [] };
    const organisation = organisationOf(
      items.filter((e): e is Entity => e !== undefined),
    );
    return entities.flatMap(entity => {
      const entityRef = stringifyEntityRef(entity);
      return Object.entries(catalogFactsOf(entity, organisation)).map(
        ([name, value]) => ({ entityRef, name, value }),
      );
    });
  }
}
