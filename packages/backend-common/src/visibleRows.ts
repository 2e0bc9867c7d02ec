import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  PermissionCriteria,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import { Knex } from 'knex';
import { SessionCache } from './SessionCache';

/** What a permission rule's `toQuery` returns in Runway's stores: a where clause to add. */
export type QueryCondition = (query: Knex.QueryBuilder) => void;

/** Which rows of a list the caller may read: all of them, or those matching the criteria. */
export type RowVisibility =
  | { all: true }
  | { all: false; criteria: PermissionCriteria<QueryCondition> };

/**
 * Asks the policy once for a list (a conditional decision), so a list shows exactly the rows the
 * caller may read, filtered in the database rather than page by page. DENY is a 403, and so is a
 * condition on a rule this plugin cannot apply (the list fails closed, and says why).
 */
export async function visibleRows(
  permissions: PermissionsService,
  permission: ResourcePermission,
  credentials: BackstageCredentials,
  transform: ConditionTransformer<QueryCondition>,
): Promise<RowVisibility> {
  const [decision] = await permissions.authorizeConditional([{ permission }], {
    credentials,
  });
  if (decision.result === AuthorizeResult.ALLOW) return { all: true };
  if (decision.result === AuthorizeResult.CONDITIONAL) {
    try {
      return { all: false, criteria: transform(decision.conditions) };
    } catch (error) {
      throw new NotAllowedError(
        `Not allowed: ${permission.name} (${(error as Error).message})`,
      );
    }
  }
  throw new NotAllowedError(`Not allowed: ${permission.name}`);
}

/**
 * visibleRows for one list, with each session's decision reused for 10 s: a list is read page
 * after page, and the policy decides from who is calling (user and claims, per session) and its
 * configuration, so the answer cannot change within a session (docs/permissions.md).
 */
export class ListVisibility {
  private readonly decisions = new SessionCache<RowVisibility>({
    ttlMs: 10_000,
  });

  constructor(
    private readonly permissions: PermissionsService,
    private readonly permission: ResourcePermission,
    private readonly transform: ConditionTransformer<QueryCondition>,
  ) {}

  forCaller(credentials: BackstageCredentials): Promise<RowVisibility> {
    return this.decisions.get(credentials, this.permission.name, () =>
      visibleRows(
        this.permissions,
        this.permission,
        credentials,
        this.transform,
      ),
    );
  }
}

/** Adds the rows-the-caller-may-read criteria (allOf / anyOf / not) to a knex query. */
export function whereVisible<Q extends Knex.QueryBuilder>(
  query: Q,
  visibility: RowVisibility | undefined,
): Q {
  if (!visibility || visibility.all) return query;
  query.where(q => applyCriteria(q, visibility.criteria));
  return query;
}

function applyCriteria(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<QueryCondition>,
): void {
  if ('allOf' in criteria) {
    for (const child of criteria.allOf) {
      query.where(q => applyCriteria(q, child));
    }
  } else if ('anyOf' in criteria) {
    if (criteria.anyOf.length === 0) query.whereRaw('1 = 0');
    for (const child of criteria.anyOf) {
      query.orWhere(q => applyCriteria(q, child));
    }
  } else if ('not' in criteria) {
    query.whereNot(q => applyCriteria(q, criteria.not));
  } else {
    criteria(query);
  }
}
