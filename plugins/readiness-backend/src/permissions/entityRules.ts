import { QueryCondition } from '@internal/backend-common';
import {
  createConditionTransformer,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';

/**
 * The catalog's entity rules that a policy uses for catalog-entity permissions, as where clauses
 * on readiness_entities (alias `e`), so the overview and rollups show only the entities the
 * caller may read. Rule names and params are the catalog's (IS_ENTITY_OWNER, IS_ENTITY_KIND);
 * a condition on any other catalog rule makes the list a 403 that names it.
 */
const entityRef = createPermissionResourceRef<
  { owner?: string; kind: string },
  QueryCondition
>().with({ pluginId: 'catalog', resourceType: 'catalog-entity' });

const lower = (values: string[]) => values.map(v => v.toLocaleLowerCase());

const isEntityOwner = createPermissionRule({
  name: 'IS_ENTITY_OWNER',
  description: 'Allow entities owned by one of the given entity refs',
  resourceRef: entityRef,
  paramsSchema: z.object({ claims: z.array(z.string()) }),
  apply: (entity, { claims }) =>
    lower(claims).includes(entity.owner?.toLocaleLowerCase() ?? ''),
  toQuery:
    ({ claims }) =>
    query =>
      query.whereRaw(
        `lower(coalesce(e.owner, '')) in (${placeholders(claims)})`,
        lower(claims),
      ),
});

const isEntityKind = createPermissionRule({
  name: 'IS_ENTITY_KIND',
  description: 'Allow entities of the given kinds',
  resourceRef: entityRef,
  paramsSchema: z.object({ kinds: z.array(z.string()) }),
  apply: (entity, { kinds }) =>
    lower(kinds).includes(entity.kind.toLocaleLowerCase()),
  toQuery:
    ({ kinds }) =>
    query =>
      query.whereRaw(`lower(e.kind) in (${placeholders(kinds)})`, lower(kinds)),
});

function placeholders(values: string[]) {
  // `in ()` is not valid SQL; `in (null)` matches nothing, as an empty claim list should.
  return values.length ? values.map(() => '?').join(', ') : 'null';
}

const entityRules = [isEntityOwner, isEntityKind];

export const transformEntityConditions = createConditionTransformer<
  QueryCondition,
  typeof entityRules
>(entityRules);
