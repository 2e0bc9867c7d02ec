import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

export const DEPLOY_PATH_ANNOTATION = 'runway.dev/deploy-path';
export const REPOSITORY_ANNOTATION = 'github.com/project-slug';
const CACHE_MS = 60_000;
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'relations',
];

/** What delivery needs to know about a service from the catalog. */
export type ServiceInfo = {
  ref: string;
  /** The owning group (or user), from the ownedBy relation. */
  owner?: string;
  /** Environments in promotion order, from runway.dev/deploy-path. */
  deployPath?: string[];
  repository?: string;
};

/** Catalog lookups, batched and cached briefly: ingest asks for the same services again and again. */
export class ServiceCatalog {
  private readonly cache = new Map<string, { info: ServiceInfo; at: number }>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** The services among `refs` that exist in the catalog (refs lower-case). */
  async resolve(refs: string[]): Promise<Map<string, ServiceInfo>> {
    const found = new Map<string, ServiceInfo>();
    const wanted: string[] = [];
    for (const ref of new Set(refs)) {
      const hit = this.cache.get(ref);
      if (hit && Date.now() - hit.at < CACHE_MS) found.set(ref, hit.info);
      else wanted.push(ref);
    }
    if (wanted.length > 0) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: wanted, fields: FIELDS },
        { credentials: await this.auth.getOwnServiceCredentials() },
      );
      items.forEach((entity, i) => {
        if (!entity) return;
        const info = infoOf(entity);
        this.cache.set(wanted[i], { info, at: Date.now() });
        found.set(wanted[i], info);
      });
    }
    return found;
  }

  /** The service whose github.com/project-slug is `repository` (owner/name). */
  async byRepository(repository: string): Promise<ServiceInfo | undefined> {
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          kind: 'Component',
          [`metadata.annotations.${REPOSITORY_ANNOTATION}`]: repository,
        },
        fields: FIELDS,
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items.length > 0 ? infoOf(items[0]) : undefined;
  }

  /** Refs of the components a group owns. */
  async servicesOf(groupRef: string): Promise<string[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'Component', 'relations.ownedBy': groupRef },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items.map(e => stringifyEntityRef(e).toLocaleLowerCase('en-US'));
  }

  /** Whether a group exists (a team scope of metrics must name one). */
  async groupExists(groupRef: string): Promise<boolean> {
    const entity = await this.catalog.getEntityByRef(groupRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    return entity?.kind.toLocaleLowerCase('en-US') === 'group';
  }

  /** The groups a user belongs to (memberOf relations). */
  async groupsOf(userRef: string): Promise<string[]> {
    const user = await this.catalog.getEntityByRef(userRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    return (user?.relations ?? [])
      .filter(r => r.type === 'memberOf')
      .map(r => r.targetRef.toLocaleLowerCase('en-US'));
  }
}

function infoOf(entity: Entity): ServiceInfo {
  const annotations = entity.metadata.annotations ?? {};
  const path = annotations[DEPLOY_PATH_ANNOTATION];
  return {
    ref: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    owner: entity.relations
      ?.find(r => r.type === 'ownedBy')
      ?.targetRef.toLocaleLowerCase('en-US'),
    deployPath: path
      ? path
          .split(',')
          .map(s => s.trim())
          .filter(Boolean)
      : undefined,
    repository: annotations[REPOSITORY_ANNOTATION],
  };
}
