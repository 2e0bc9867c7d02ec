import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_OPSGENIE,
  ANNOTATION_PAGERDUTY,
  escalationContacts,
  escalationProblems,
  hasOnCall,
  KnownOwner,
  knownOwnerOf,
  onCallProblems,
  OwnedEntity,
  OwnershipProblem,
  OwnershipSummary,
  ownerProblems,
  ownerRefOf,
  TeamOwnership,
} from '@internal/plugin-ownership-common';

/** What the report is computed from: one read of the catalog. */
export type CatalogSnapshot = {
  groups: Entity[];
  users: Entity[];
  /** Components, APIs, Resources and Systems. */
  owned: Entity[];
};

/** Component types that run and so need someone on call. */
const RUNNING_TYPES = new Set(['service', 'website']);

const lower = (s: string) => s.toLocaleLowerCase('en-US');
const titleOf = (e: Entity) =>
  e.metadata.title ??
  (e.spec as { profile?: { displayName?: string } })?.profile?.displayName ??
  e.metadata.name;
const specString = (e: Entity, key: string) => {
  const v = (e.spec as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v : undefined;
};

/** Every owned entity with its problems, the same rules the catalog module applies and more. */
export function ownedEntities(snapshot: CatalogSnapshot): OwnedEntity[] {
  const owners = ownerIndex(snapshot);
  return snapshot.owned.map(entity => {
    const annotations = entity.metadata.annotations ?? {};
    const ownerRef = ownerRefOf(entity);
    const owner = ownerRef ? owners.get(ownerRef) : undefined;
    const problems: OwnershipProblem[] = [...ownerProblems(entity, owner)];
    if (owner?.kind === 'group' && owner.memberCount === 1) {
      problems.push({
        code: 'team-of-one',
        level: 'warning',
        field: 'spec.owner',
        message: `The owning group ${owner.ref} has a single member (bus factor of one)`,
      });
    }
    const type = specString(entity, 'type');
    if (
      lower(entity.kind) === 'component' &&
      RUNNING_TYPES.has(lower(type ?? '')) &&
      !hasOnCall(annotations)
    ) {
      problems.push({
        code: 'oncall-missing',
        level: 'warning',
        field: `metadata.annotations.${ANNOTATION_PAGERDUTY}`,
        message: `No on-call: set ${ANNOTATION_PAGERDUTY} or ${ANNOTATION_OPSGENIE}`,
      });
    }
    problems.push(
      ...onCallProblems(annotations),
      ...escalationProblems(annotations),
    );
    return {
      ref: lower(stringifyEntityRef(entity)),
      kind: lower(entity.kind),
      type,
      title: titleOf(entity),
      lifecycle: specString(entity, 'lifecycle'),
      system: specString(entity, 'system'),
      owner: specString(entity, 'owner'),
      ownerRef,
      ownerResolved: owner !== undefined,
      onCall: onCallOf(annotations),
      escalation: escalationContacts(annotations),
      problems,
    };
  });
}

/** Every Group with its direct members, what it owns, and its team-level problems. */
export function teams(
  snapshot: CatalogSnapshot,
  entities: OwnedEntity[],
): Array<Omit<TeamOwnership, 'environments' | 'deployments'>> {
  const members = new Map<string, string[]>();
  for (const user of snapshot.users) {
    const userRef = lower(stringifyEntityRef(user));
    for (const r of user.relations ?? []) {
      if (r.type !== 'memberOf') continue;
      const group = lower(r.targetRef);
      members.set(group, [...(members.get(group) ?? []), userRef]);
    }
  }
  return snapshot.groups.map(group => {
    const ref = lower(stringifyEntityRef(group));
    const owned = entities.filter(e => e.ownerRef === ref);
    const teamMembers = members.get(ref) ?? [];
    const problems: OwnershipProblem[] = [];
    if (teamMembers.length === 1) {
      problems.push({
        code: 'team-of-one',
        level: 'warning',
        field: 'members',
        message: `${ref} has a single member, ${teamMembers[0]} (bus factor of one)`,
      });
    }
    if (teamMembers.length === 0 && owned.length > 0) {
      problems.push({
        code: 'owner-without-members',
        level: 'warning',
        field: 'members',
        message: `${ref} owns ${owned.length} entities but has no members`,
      });
    }
    const withoutOnCall = owned.filter(e =>
      e.problems.some(p => p.code === 'oncall-missing'),
    );
    if (withoutOnCall.length) {
      problems.push({
        code: 'oncall-missing',
        level: 'warning',
        field: 'owned',
        message: `${
          withoutOnCall.length
        } owned services without on-call: ${withoutOnCall
          .map(e => e.ref)
          .join(', ')}`,
      });
    }
    return {
      ref,
      title: titleOf(group),
      type: specString(group, 'type'),
      members: teamMembers.sort(),
      owned: owned.map(e => ({ ref: e.ref, kind: e.kind, title: e.title })),
      problems,
    };
  });
}

export function summaryOf(
  entities: OwnedEntity[],
  teamCount: number,
  teamsOfOne: number,
): OwnershipSummary {
  const byProblem: OwnershipSummary['byProblem'] = {};
  for (const e of entities) {
    for (const code of new Set(e.problems.map(p => p.code))) {
      byProblem[code] = (byProblem[code] ?? 0) + 1;
    }
  }
  return {
    entities: entities.length,
    teams: teamCount,
    orphaned: entities.filter(isOrphaned).length,
    teamsOfOne,
    withoutOnCall: byProblem['oncall-missing'] ?? 0,
    byProblem,
  };
}

export function isOrphaned(e: OwnedEntity): boolean {
  return e.problems.some(
    p => p.code === 'owner-missing' || p.code === 'owner-unresolved',
  );
}

function ownerIndex(snapshot: CatalogSnapshot): Map<string, KnownOwner> {
  const index = new Map<string, KnownOwner>();
  for (const entity of [...snapshot.groups, ...snapshot.users]) {
    const owner = knownOwnerOf(entity);
    if (owner) index.set(owner.ref, owner);
  }
  return index;
}

function onCallOf(annotations: Record<string, string>): OwnedEntity['onCall'] {
  if (annotations[ANNOTATION_PAGERDUTY]?.trim()) {
    return { tool: 'pagerduty', value: annotations[ANNOTATION_PAGERDUTY] };
  }
  if (annotations[ANNOTATION_OPSGENIE]?.trim()) {
    return { tool: 'opsgenie', value: annotations[ANNOTATION_OPSGENIE] };
  }
  return undefined;
}
