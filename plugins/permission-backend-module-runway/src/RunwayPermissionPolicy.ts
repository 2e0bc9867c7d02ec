import { UserInfoService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
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
  /** Entity ref of the platform team's group. */
  platformTeam: string;
  visibility: 'organisation' | 'owners';
};

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * Runway's policy, with roles derived from the catalog: the signed-in user's ownership claims
 * (the user and the groups they are a member of, issued at sign-in from the catalog) decide
 * whether they own a resource or belong to the platform team. See `roles.ts` for the table.
 */
export class RunwayPermissionPolicy implements PermissionPolicy {
  static fromConfig(config: Config, userInfo: UserInfoService) {
    const key = 'permission.runway.platformTeam';
    const team = config.getString(key);
    let platformTeam: string | undefined;
    try {
      const ref = parseEntityRef(team, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      });
      if (ref.kind.toLocaleLowerCase() === 'group') {
        platformTeam = stringifyEntityRef(ref).toLocaleLowerCase();
      }
    } catch {
      platformTeam = undefined;
    }
    if (!platformTeam) {
      throw new InputError(
        `${key}: "${team}" is not a group ref such as group:default/platform-team`,
      );
    }
    const visibility =
      config.getOptionalString('permission.runway.visibility') ??
      'organisation';
    if (visibility !== 'organisation' && visibility !== 'owners') {
      throw new InputError(
        `permission.runway.visibility: "${visibility}" must be organisation or owners`,
      );
    }
    return new RunwayPermissionPolicy({ platformTeam, visibility }, userInfo);
  }

  constructor(
    private readonly options: RunwayPolicyOptions,
    private readonly userInfo: UserInfoService,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const info = user
      ? await this.userInfo.getUserInfo(user.credentials)
      : undefined;
    const claims = (info?.ownershipEntityRefs ?? []).map(c =>
      c.toLocaleLowerCase(),
    );
    if (claims.includes(this.options.platformTeam)) return ALLOW;

    const role = this.roleOf(permission.name, permission.attributes.action);
    if (role === 'everyone') return user ? ALLOW : DENY;
    if (role !== 'owners' || !info || !isResourcePermission(permission)) {
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
            createdBy: [info.userEntityRef],
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
