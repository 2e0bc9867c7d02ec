import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { KnownOwner, knownOwnerOf } from '@internal/plugin-ownership-common';

/** Finds an owner (Group or User) in the catalog; undefined when none has that ref. */
export interface OwnerDirectory {
  find(ref: string): Promise<KnownOwner | undefined>;
}

type Cached = { at: number; value: Promise<KnownOwner | undefined> };

/**
 * Reads owners through the catalog's own API with the module's service credentials, keeping
 * each answer (found or not) for `ttlMs`: entities are processed one at a time and many share
 * an owner. A short cache is enough because every entity is processed again periodically, so
 * an owner that appears (or a member who joins) later clears the problem within one period.
 */
export class CatalogOwnerDirectory implements OwnerDirectory {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  find(ref: string): Promise<KnownOwner | undefined> {
    const key = ref.toLocaleLowerCase('en-US');
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = this.read(key);
    this.cache.set(key, { at: this.now(), value });
    // A failed read is not remembered: the next entity (or period) asks again.
    value.catch(() => this.cache.delete(key));
    if (this.cache.size > 10_000) this.evictExpired();
    return value;
  }

  private async read(ref: string): Promise<KnownOwner | undefined> {
    const { items } = await this.catalog.getEntitiesByRefs(
      {
        entityRefs: [ref],
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items[0] ? knownOwnerOf(items[0]) : undefined;
  }

  private evictExpired() {
    for (const [key, cached] of this.cache) {
      if (this.now() - cached.at >= this.ttlMs) this.cache.delete(key);
    }
  }
}
