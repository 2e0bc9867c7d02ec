import { QueryCondition } from '@internal/backend-common';
import {
  createConditionTransformer,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  ENVIRONMENT_OWNER_RULE,
  ENVIRONMENT_RESOURCE_TYPE,
} from '@internal/plugin-environments-common';
import { z } from 'zod';
import { StoredEnvironment } from '../database/EnvironmentStore';

/** Environments as permission resources (resource ref: the environment id). */
export const environmentResourceRef = createPermissionResourceRef<
  StoredEnvironment,
  QueryCondition
>().with({ pluginId: 'environments', resourceType: ENVIRONMENT_RESOURCE_TYPE });

const lower = (refs: string[]) => refs.map(r => r.toLocaleLowerCase());

/** The environment's owner is one of the claims (a user's ownership entity refs). */
export const isEnvironmentOwnerRule = createPermissionRule({
  name: ENVIRONMENT_OWNER_RULE,
  description:
    'Allow environments owned by one of the given entity refs (a user and their groups)',
  resourceRef: environmentResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Entity refs of the user and the groups they belong to'),
  }),
  apply: (environment, { claims }) =>
    lower(claims).includes(environment.owner.toLocaleLowerCase()),
  toQuery:
    ({ claims }) =>
    query =>
      query.whereIn('owner', lower(claims)),
});

export const environmentRules = [isEnvironmentOwnerRule];

/** Turns a policy's conditions on environments into where clauses on the environments table. */
export const transformEnvironmentConditions = createConditionTransformer<
  QueryCondition,
  typeof environmentRules
>(environmentRules);
