import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { Knex } from 'knex';

/** Which rows of a list the caller may read: all of them, or those matching the criteria. */
export type RowVisibility =
  | { all: true }
  | { all: false; criteria: PermissionCriteria<PermissionCondition> };

/**
 * Asks the policy once for a list (a conditional decision), so a list shows exactly the rows the
 * caller may read, filtered in the database rather than page by page. DENY is a 403.
 */
export async function visibleRows(
  permissions: PermissionsService,
  permission: ResourcePermission,
  credentials: BackstageCredentials,
): Promise<RowVisibility> {
  const [decision] = await permissions.authorizeConditional(
    [{ permission }],
    { credentials },
  );
  if (decision.result === AuthorizeResult.ALLOW) return { all: true };
  if (decision.result === AuthorizeResult.CONDITIONAL) {
    return { all: false, criteria: decision.conditions };
  }
  throw new NotAllowedError(`Not allowed: ${permission.name}`);
}

/** How one permission rule (by name) narrows a query, given the rule's params. */
export type RuleQueries = Record<
  string,
  (query: Knex.QueryBuilder, params: Record<string, unknown>) => void
>;

/**
 * Applies a conditional decision's criteria (allOf / anyOf / not over rule conditions) to a knex
 * query. A rule this table does not know matches no row: a list fails closed, never open.
 */
export function whereVisible(
  query: Knex.QueryBuilder,
  visibility: RowVisibility | undefined,
  rules: RuleQueries,
): Knex.QueryBuilder {
  if (!visibility || visibility.all) return query;
  return query.where(q => applyCriteria(q, visibility.criteria, rules));
}

function applyCriteria(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<PermissionCondition>,
  rules: RuleQueries,
): void {
  if ('allOf' in criteria) {
    for (const child of criteria.allOf) {
      query.where(q => applyCriteria(q, child, rules));
    }
  } else if ('anyOf' in criteria) {
    if (criteria.anyOf.length === 0) query.whereRaw('1 = 0');
    for (const child of criteria.anyOf) {
      query.orWhere(q => applyCriteria(q, child, rules));
    }
  } else if ('not' in criteria) {
    query.whereNot(q => applyCriteria(q, criteria.not, rules));
  } else {
    const rule = rules[criteria.rule];
    if (rule) rule(query, (criteria.params ?? {}) as Record<string, unknown>);
    else query.whereRaw('1 = 0');
  }
}
