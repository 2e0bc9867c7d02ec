import { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

export const DEPLOY_PATH_ANNOTATION = 'runway.dev/deploy-path';
export const REPOSITORY_ANNOTATION = 'github.com/project-slug';
/** Monorepos: which of the components sharing a repository an event belongs to. */
export const SOURCE_PATHS_ANNOTATION = 'runway.dev/source-paths';
export const GITHUB_LABELS_ANNOTATION = 'runway.dev/github-labels';
export const GITHUB_WORKFLOWS_ANNOTATION = 'runway.dev/github-workflows';
/** `github-name=runway-name` pairs: GitHub deployment environments to the deploy path's. */
export const GITHUB_ENVIRONMENTS_ANNOTATION = 'runway.dev/github-environments';
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
  /** runway.dev/source-paths: globs of the files that are this service's. */
  sourcePaths?: string[];
  githubLabels?: string[];
  githubWorkflows?: string[];
  /** runway.dev/github-environments, keys lower-case. */
  githubEnvironments?: Map<string, string>;
  annotations: Record<string, string>;
};

/** Catalog lookups, batched and cached briefly: ingest asks for the same services again and again. */
export class ServiceCatalog {
  private readonly cache = new Map<string, { info: ServiceInfo; at: number }>();
  private readonly annotated = new Map<
    string,
    { infos: ServiceInfo[]; at: number }
  >();

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

  /**
   * The components whose github.com/project-slug is `repository` (owner/name, any case):
   * one for most repositories, several for a monorepo.
   */
  byRepository(repository: string): Promise<ServiceInfo[]> {
    return this.withAnnotation(REPOSITORY_ANNOTATION, repository);
  }

  /**
   * The components with an annotation (of a value, any case, when given), by ref. Cached
   * briefly, as `resolve` is: webhooks ask the same again and again.
   */
  async withAnnotation(key: string, value?: string): Promise<ServiceInfo[]> {
    const cacheKey = `${key}\u0000${value?.toLocaleLowerCase('en-US') ?? ''}`;
    const hit = this.annotated.get(cacheKey);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.infos;
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          kind: 'Component',
          [`metadata.annotations.${key}`]: value ?? CATALOG_FILTER_EXISTS,
        },
        fields: FIELDS,
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const infos = items.map(infoOf).sort((a, b) => a.ref.localeCompare(b.ref));
    this.annotated.set(cacheKey, { infos, at: Date.now() });
    return infos;
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
}

function infoOf(entity: Entity): ServiceInfo {
  const annotations = entity.metadata.annotations ?? {};
  const list = (key: string) => {
    const items = annotations[key]
      ?.split(',')
      .map(s => s.trim())
      .filter(Boolean);
    return items?.length ? items : undefined;
  };
  const environments = list(GITHUB_ENVIRONMENTS_ANNOTATION)?.flatMap(pair => {
    const [github, runway] = pair.split('=').map(s => s.trim());
    return github && runway
      ? [[github.toLocaleLowerCase('en-US'), runway] as [string, string]]
      : [];
  });
  return {
    ref: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    owner: entity.relations
      ?.find(r => r.type === 'ownedBy')
      ?.targetRef.toLocaleLowerCase('en-US'),
    deployPath: list(DEPLOY_PATH_ANNOTATION),
    repository: annotations[REPOSITORY_ANNOTATION],
    sourcePaths: list(SOURCE_PATHS_ANNOTATION),
    githubLabels: list(GITHUB_LABELS_ANNOTATION),
    githubWorkflows: list(GITHUB_WORKFLOWS_ANNOTATION),
    githubEnvironments: environments?.length
      ? new Map(environments)
      : undefined,
    annotations,
  };
}
