import { UserInfoService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { Ownership } from '@internal/backend-common';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createScaffolderTaskConditionalDecision,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  createEnvironmentConditionalDecision,
  ENVIRONMENT_RESOURCE_TYPE,
  isEnvironmentOwner,
} from '@internal/plugin-environments-common';
import { Role, roles } from './roles';

export type RunwayPolicyOptions = {
  visibility: 'organisation' | 'owners';
};

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * Runway's policy, with roles derived from the catalog: the signed-in user's ownership claims
 * (the user and the groups they are a member of, issued at sign-in from the catalog) decide
 * whether they own a resource or belong to the platform team (`runway.platformTeam`), through
 * the one Ownership rule every plugin uses. See `roles.ts` for the table.
 */
export class RunwayPermissionPolicy implements PermissionPolicy {
  static fromConfig(config: Config, userInfo: UserInfoService) {
    const visibility =
      config.getOptionalString('permission.runway.visibility') ??
      'organisation';
    if (visibility !== 'organisation' && visibility !== 'owners') {
      throw new InputError(
        `permission.runway.visibility: "${visibility}" must be organisation or owners`,
      );
    }
    return new RunwayPermissionPolicy(
      { visibility },
      Ownership.fromConfig(config, userInfo),
    );
  }

  constructor(
    private readonly options: RunwayPolicyOptions,
    private readonly ownership: Ownership,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const caller = user
      ? await this.ownership.callerOf(user.credentials)
      : undefined;
    if (caller?.isPlatformTeam) return ALLOW;
    const claims = caller?.ownershipRefs ?? [];

    const role = this.roleOf(permission.name, permission.attributes.action);
    if (role === 'everyone') return user ? ALLOW : DENY;
    if (
      role !== 'owners' ||
      !caller?.isUser ||
      !isResourcePermission(permission)
    ) {
      return DENY;
    }
    switch (permission.resourceType) {
      case 'catalog-entity':
        return createCatalogConditionalDecision(
          permission as typeof permission & { resourceType: 'catalog-entity' },
          catalogConditions.isEntityOwner({ claims }),
        );
      case ENVIRONMENT_RESOURCE_TYPE:
        return createEnvironmentConditionalDecision(
          permission as typeof permission & { resourceType: 'environment' },
          isEnvironmentOwner(claims),
        );
      case 'scaffolder-task':
        return createScaffolderTaskConditionalDecision(
          permission as typeof permission & { resourceType: 'scaffolder-task' },
          scaffolderTaskConditions.isTaskOwner({
            createdBy: [caller.ref],
          }),
        );
      default:
        return DENY;
    }
  }

  private roleOf(name: string, action: string | undefined): Role {
    const role = roles[name] ?? (action === 'read' ? 'everyone' : 'platform');
    if (role !== 'readers') return role;
    return this.options.visibility === 'owners' ? 'owners' : 'everyone';
  }
}
