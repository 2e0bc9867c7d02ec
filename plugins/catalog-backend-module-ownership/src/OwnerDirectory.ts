import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { KnownOwner } from '@internal/plugin-ownership-common';

/** Finds an owner (Group or User) in the catalog; undefined when none has that ref. */
export interface OwnerDirectory {
  find(ref: string): Promise<KnownOwner | undefined>;
}

/** The owner facts of a Group or User as the catalog stitched it. */
export function knownOwnerOf(entity: Entity): KnownOwner | undefined {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kind !== 'group' && kind !== 'user') return undefined;
  // Direct members only: users whose memberOf (or the group's spec.members) names this group.
  const memberCount = (entity.relations ?? []).filter(
    r =>
      r.type === RELATION_HAS_MEMBER &&
      parseEntityRef(r.targetRef).kind.toLocaleLowerCase('en-US') === 'user',
  ).length;
  return {
    ref: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    kind,
    memberCount: kind === 'user' ? 1 : memberCount,
  };
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
