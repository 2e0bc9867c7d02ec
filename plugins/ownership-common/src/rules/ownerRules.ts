import {
  Entity,
  parseEntityRef,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { OwnershipProblem } from '../problems';

/** What the rules need to know about an owner that exists in the catalog. */
export type KnownOwner = {
  /** Full ref, e.g. `group:default/payments-team`. */
  ref: string;
  kind: 'group' | 'user';
  /** Users that are direct members of the group (a user counts as one). */
  memberCount: number;
};

/** The kinds the ownership rules apply to. */
export const OWNED_KINDS = ['component', 'api', 'resource', 'system'] as const;

export function isOwnedKind(entity: Entity): boolean {
  return (OWNED_KINDS as readonly string[]).includes(
    entity.kind.toLocaleLowerCase('en-US'),
  );
}

/** The entity's `spec.owner` as a full ref (`group:` by default), or undefined when absent or unparseable. */
export function ownerRefOf(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * Owner problems of one entity. `owner` is what the catalog knows about `ownerRefOf(entity)`:
 * undefined when no such Group or User exists.
 */
export function ownerProblems(
  entity: Entity,
  owner: KnownOwner | undefined,
): OwnershipProblem[] {
  const declared = (entity.spec as { owner?: unknown } | undefined)?.owner;
  const ref = ownerRefOf(entity);
  if (ref === undefined) {
    return [
      {
        code: 'owner-missing',
        level: 'error',
        field: 'spec.owner',
        message:
          typeof declared === 'string' && declared.trim() !== ''
            ? `spec.owner "${declared}" is not an entity reference`
            : 'spec.owner is not set',
      },
    ];
  }
  const kind = parseEntityRef(ref).kind;
  if (kind !== 'group' && kind !== 'user') {
    return [
      {
        code: 'owner-unresolved',
        level: 'error',
        field: 'spec.owner',
        message: `spec.owner "${declared}" is a ${kind}; an owner is a Group or a User`,
      },
    ];
  }
  if (!owner) {
    return [
      {
        code: 'owner-unresolved',
        level: 'error',
        field: 'spec.owner',
        message: `spec.owner "${declared}" does not resolve: no ${
          kind === 'group' ? 'Group' : 'User'
        } ${ref} in the catalog`,
      },
    ];
  }
  if (owner.kind === 'group' && owner.memberCount === 0) {
    return [
      {
        code: 'owner-without-members',
        level: 'warning',
        field: 'spec.owner',
        message: `The owning group ${ref} has no members (no User is memberOf it)`,
      },
    ];
  }
  return [];
}

/** The owner facts of a Group or User as the catalog stitched it (with relations). */
export function knownOwnerOf(entity: Entity): KnownOwner | undefined {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kind !== 'group' && kind !== 'user') return undefined;
  // Direct members only: users whose memberOf (or the group's spec.members) names this group.
  const memberCount = (entity.relations ?? []).filter(
    r =>
      r.type === RELATION_HAS_MEMBER &&
      r.targetRef.toLocaleLowerCase('en-US').startsWith('user:'),
  ).length;
  return {
    ref: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    kind,
    memberCount: kind === 'user' ? 1 : memberCount,
  };
}
