import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { KnownOwner, knownOwnerOf } from '@internal/plugin-ownership-common';

/** Finds an owner (Group or User) in the catalog; undefined when none has that ref. */
export interface OwnerDirectory {
  find(ref: string): Promise<KnownOwner | undefined>;
}

type Cached = {
  at: number;
  ttlMs: number;
  value: Promise<KnownOwner | undefined>;
};

/** How long a "no such owner" answer is reused. */
const NOT_FOUND_TTL_MS = 1000;

/**
 * Reads owners through the catalog's own API with the module's service credentials, keeping
 * each answer (found or not) for `ttlMs`: entities are processed one at a time and many share
 * an owner. A short cache is enough because every entity is processed again periodically, so
 * an owner that appears (or a member who joins) later clears the problem within one period.
 *
 * A "not found" is kept for one second only. While a large catalog loads, its components are
 * processed before their groups are stitched; every one processed in a long "not found" window
 * was marked `owner-unresolved` and stitched a second time on its next run (2,122 of 10,000 in
 * the readiness bench with 30 s). One read per missing owner per second stays cheap.
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
    if (hit && this.now() - hit.at < hit.ttlMs) return hit.value;
    const value = this.read(key);
    const cached: Cached = { at: this.now(), ttlMs: this.ttlMs, value };
    this.cache.set(key, cached);
    value.then(
      owner => {
        if (!owner) cached.ttlMs = Math.min(this.ttlMs, NOT_FOUND_TTL_MS);
      },
      // A failed read is not remembered: the next entity (or period) asks again.
      () => this.cache.delete(key),
    );
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
      if (this.now() - cached.at >= cached.ttlMs) this.cache.delete(key);
    }
  }
}
