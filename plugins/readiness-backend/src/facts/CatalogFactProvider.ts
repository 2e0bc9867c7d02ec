import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CATALOG_FACTS } from '@internal/plugin-readiness-common';
import { CollectedFact, FactProvider } from '@internal/plugin-readiness-node';
import { catalogFactsOf, Organisation, organisationOf } from './catalogFacts';

/** Facts from each entity's annotations, links and relations, and from the organisation. */
export class CatalogFactProvider implements FactProvider {
  readonly id = 'catalog';
  readonly declarations = CATALOG_FACTS;
  private organisation: Organisation = {
    owners: new Set(),
    memberCounts: new Map(),
  };

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async prepare(): Promise<void> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const people: Entity[] = [];
    for await (const page of this.catalog.streamEntities(
      {
        filter: { kind: ['Group', 'User'] },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
      },
      { credentials },
    )) {
      people.push(...page);
    }
    this.organisation = organisationOf(people);
  }

  async collect(entities: readonly Entity[]): Promise<CollectedFact[]> {
    return entities.flatMap(entity => {
      const entityRef = stringifyEntityRef(entity);
      return Object.entries(catalogFactsOf(entity, this.organisation)).map(
        ([name, value]) => ({ entityRef, name, value }),
      );
    });
  }
}
