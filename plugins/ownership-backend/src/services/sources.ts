import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DeliveryClient } from '@internal/plugin-delivery-common';
import {
  ACTIVE_ENVIRONMENT_STATUSES,
  EnvironmentsClient,
} from '@internal/plugin-environments-common';
import {
  LatestDeployment,
  OWNED_KINDS,
  TeamEnvironment,
} from '@internal/plugin-ownership-common';
import { CatalogSnapshot } from './buildReport';

/** Where the report's data comes from; each call is made as the caller, so they see what they may read. */
export interface OwnershipSources {
  catalog(credentials: BackstageCredentials): Promise<CatalogSnapshot>;
  /** Active environments by owner ref. */
  environments(
    owners: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, TeamEnvironment[]>>;
  /** What runs now in each environment of each service. */
  deployments(
    services: string[],
    credentials: BackstageCredentials,
  ): Promise<LatestDeployment[]>;
}

const PAGE = 500;
const CONCURRENCY = 8;

/** The catalog, environments and delivery APIs over HTTP (plugins never read each other's tables). */
export class HttpOwnershipSources implements OwnershipSources {
  private readonly environmentsClient: EnvironmentsClient;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      discovery: DiscoveryService;
      fetch?: typeof fetch;
    },
  ) {
    this.environmentsClient = new EnvironmentsClient({
      discoveryApi: deps.discovery,
      fetchApi: deps.fetch ? { fetch: deps.fetch } : undefined,
    });
  }

  async catalog(credentials: BackstageCredentials): Promise<CatalogSnapshot> {
    const read = (kind: string[], fields: string[]) =>
      this.deps.catalog
        .getEntities({ filter: { kind }, fields }, { credentials })
        .then(r => r.items);
    const base = [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'metadata.title',
    ];
    const [groups, users, owned] = await Promise.all([
      read(['Group'], [...base, 'spec.type', 'spec.profile', 'relations']),
      read(['User'], [...base, 'relations']),
      read([...OWNED_KINDS], [...base, 'metadata.annotations', 'spec']),
    ]);
    return { groups, users, owned };
  }

  async environments(
    owners: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, TeamEnvironment[]>> {
    const byOwner = new Map<string, TeamEnvironment[]>();
    if (!owners.length) return byOwner;
    const token = await this.tokenFor('environments', credentials);
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.environmentsClient.listEnvironments(
        {
          scope: 'all',
          status: [...ACTIVE_ENVIRONMENT_STATUSES],
          limit: PAGE,
          offset,
        },
        { token },
      );
      for (const env of page.items) {
        const owner = env.owner.toLocaleLowerCase('en-US');
        if (!owners.includes(owner)) continue;
        byOwner.set(owner, [
          ...(byOwner.get(owner) ?? []),
          {
            id: env.id,
            name: env.name,
            className: env.className,
            status: env.status,
            component: env.component,
            expiresAt: env.expiresAt,
          },
        ]);
      }
      if (offset + PAGE >= page.totalCount || !page.items.length) break;
    }
    return byOwner;
  }

  async deployments(
    services: string[],
    credentials: BackstageCredentials,
  ): Promise<LatestDeployment[]> {
    const token = await this.tokenFor('delivery', credentials);
    const client = new DeliveryClient({
      discoveryApi: this.deps.discovery,
      fetchApi: this.deps.fetch ? { fetch: this.deps.fetch } : undefined,
      token: async () => token,
    });
    const result: LatestDeployment[] = [];
    const queue = [...services];
    const worker = async () => {
      for (let service = queue.shift(); service; service = queue.shift()) {
        const { environments } = await client.getServiceEnvironments(service);
        for (const env of environments) {
          const d = env.active ?? env.current;
          if (!d) continue;
          result.push({
            service,
            environment: env.name,
            version: d.version,
            status: d.status,
            at: d.finishedAt ?? d.startedAt ?? d.requestedAt,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return result.sort(
      (a, b) =>
        a.service.localeCompare(b.service) ||
        a.environment.localeCompare(b.environment),
    );
  }

  private async tokenFor(
    targetPluginId: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId,
    });
    return token;
  }
}
