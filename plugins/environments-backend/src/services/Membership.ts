import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

const CACHE_MS = 30_000;

/** The groups a user belongs to, from the catalog's memberOf relations (cached briefly). */
export class Membership {
  private readonly cache = new Map<
    string,
    { groups: Promise<string[]>; at: number }
  >();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async groupsOf(userEntityRef: string): Promise<string[]> {
    const key = userEntityRef.toLocaleLowerCase();
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.groups;
    const groups = this.load(key);
    this.cache.set(key, { groups, at: Date.now() });
    groups.catch(() => this.cache.delete(key));
    return groups;
  }

  private async load(userEntityRef: string) {
    const user = await this.catalog.getEntityByRef(userEntityRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    return (user?.relations ?? [])
      .filter(r => r.type === 'memberOf')
      .map(r => r.targetRef.toLocaleLowerCase());
  }
}
