import {
  ListVisibility,
  Ownership,
  requirePermission,
} from '@internal/backend-common';
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  environmentApprovePermission,
  environmentClassManagePermission,
  environmentCreatePermission,
  EnvironmentEventsResponse,
  environmentExtendPermission,
  environmentReadPermission,
  EnvironmentResponse,
  environmentTeardownPermission,
  EnvironmentViewer,
  ListEnvironmentsFilter,
  ListEnvironmentsResponse,
} from '@internal/plugin-environments-common';
import { StoredEnvironment } from '../database/EnvironmentStore';
import { SecretBox } from '../lib/SecretBox';
import { CreateInput, EnvironmentsService } from './EnvironmentsService';
import { transformEnvironmentConditions } from '../permissions/environmentRules';
import { present, summarize } from './present';

/**
 * EnvironmentsService behind Runway's permissions: the one place environments authorize.
 * Each action asks the permission framework (Runway's policy decides by ownership, through the
 * IS_ENVIRONMENT_OWNER rule; lists are filtered in the database by its conditions), then applies
 * the built-in ownership rule as a second check, so a permissive policy (allow-all) still never
 * lets a non-owner extend, tear down or approve: owners (members of the owning group) and the
 * platform team (members of `runway.platformTeam`) act on an environment, as Ownership decides; only the
 * platform team approves. Service principals (CI, other plugins) are trusted like the platform
 * team but never see secrets.
 */
export class AuthorizedEnvironmentsService {
  /** The environments each caller may read, for the list. */
  private readonly visibility: ListVisibility;

  constructor(
    private readonly service: EnvironmentsService,
    private readonly permissions: PermissionsService,
    private readonly ownership: Ownership,
    private readonly box: SecretBox,
  ) {
    this.visibility = new ListVisibility(
      permissions,
      environmentReadPermission,
      transformEnvironmentConditions,
    );
  }

  listClasses() {
    return this.service.listClasses();
  }

  getClass(id: string) {
    return this.service.getClass(id);
  }

  async reloadClasses(credentials: BackstageCredentials) {
    await this.require(environmentClassManagePermission, credentials);
    await this.requirePlatformTeam(credentials, 'reload environment classes');
    return this.service.reloadClasses();
  }

  async create(
    request: CreateInput,
    credentials: BackstageCredentials,
    idempotencyKey?: string,
  ) {
    await this.require(environmentCreatePermission, credentials);
    const viewer = await this.viewerOf(request.owner, credentials);
    if (!viewer.isOwner && !viewer.isPlatformTeam) {
      throw new NotAllowedError(
        `owner: ${actorOf(
          credentials,
        )} is not a member of ${request.owner.toLocaleLowerCase()} and may not request environments for it`,
      );
    }
    const outcome = await this.service.create(
      request,
      actorOf(credentials),
      idempotencyKey,
    );
    return { ...outcome, environment: present(outcome.environment) };
  }

  async get(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<EnvironmentResponse> {
    const environment = await this.service.get(id);
    await this.require(environmentReadPermission, credentials, id);
    const viewer = await this.viewerOf(environment.owner, credentials);
    const owner = viewer.isOwner && isUser(credentials);
    return {
      ...present(environment, owner ? this.box : undefined),
      viewer,
    };
  }

  async list(
    filter: ListEnvironmentsFilter,
    credentials: BackstageCredentials,
  ): Promise<ListEnvironmentsResponse> {
    const visibility = await this.visibility.forCaller(credentials);
    let owners = filter.owner?.map(o => o.toLocaleLowerCase());
    if (filter.scope === 'team') {
      const caller = await this.ownership.callerOf(credentials);
      const mine = caller.ownershipRefs.filter(r => r.startsWith('group:'));
      owners = owners ? owners.filter(o => mine.includes(o)) : mine;
    }
    const { items, totalCount } = await this.service.list(
      {
        visibility,
        ...(owners && { owners }),
        ...(filter.scope === 'mine' && { createdBy: actorOf(credentials) }),
        ...(filter.className && { classNames: filter.className }),
        ...(filter.status && { statuses: filter.status }),
        ...(filter.component && {
          component: filter.component.toLocaleLowerCase(),
        }),
        ...(filter.expiringBefore && {
          expiringBefore: new Date(filter.expiringBefore),
        }),
      },
      { limit: filter.limit, offset: filter.offset },
    );
    return { items: items.map(summarize), totalCount };
  }

  async extend(id: string, hours: number, credentials: BackstageCredentials) {
    await this.requireOwner(environmentExtendPermission, id, credentials);
    return present(await this.service.extend(id, hours, actorOf(credentials)));
  }

  async teardown(
    id: string,
    reason: string | undefined,
    credentials: BackstageCredentials,
  ) {
    await this.requireOwner(environmentTeardownPermission, id, credentials);
    return present(
      await this.service.teardown(id, actorOf(credentials), reason),
    );
  }

  async approve(
    id: string,
    reason: string | undefined,
    credentials: BackstageCredentials,
  ) {
    await this.require(environmentApprovePermission, credentials, id);
    await this.requirePlatformTeam(credentials, 'approve environments');
    return present(
      await this.service.approve(id, actorOf(credentials), reason),
    );
  }

  async reject(id: string, reason: string, credentials: BackstageCredentials) {
    await this.require(environmentApprovePermission, credentials, id);
    await this.requirePlatformTeam(credentials, 'reject environments');
    return present(await this.service.reject(id, actorOf(credentials), reason));
  }

  async listEvents(
    id: string,
    after: number,
    limit: number,
    credentials: BackstageCredentials,
  ): Promise<EnvironmentEventsResponse> {
    await this.require(environmentReadPermission, credentials, id);
    return this.service.listEvents(id, after, limit);
  }

  async environmentAudit(id: string, credentials: BackstageCredentials) {
    await this.require(environmentReadPermission, credentials, id);
    return { records: await this.service.environmentAudit(id) };
  }

  async teamAudit(
    owner: string,
    limit: number,
    credentials: BackstageCredentials,
  ) {
    await this.requireList(credentials);
    const viewer = await this.viewerOf(owner, credentials);
    if (!viewer.isOwner && !viewer.isPlatformTeam) {
      throw new NotAllowedError(
        `owner: ${actorOf(
          credentials,
        )} is not a member of ${owner.toLocaleLowerCase()} and may not read its audit`,
      );
    }
    return { records: await this.service.teamAudit(owner, limit) };
  }

  async usage(credentials: BackstageCredentials) {
    await this.requireList(credentials);
    return this.service.usage();
  }

  /** Owner or platform team of an environment (for actions without an HTTP request). */
  async viewerOf(
    owner: string,
    credentials: BackstageCredentials,
  ): Promise<EnvironmentViewer> {
    const caller = await this.ownership.callerOf(credentials);
    if (!caller.isUser) {
      return { isOwner: false, isPlatformTeam: caller.isService };
    }
    return {
      isOwner: Ownership.owns(caller, owner),
      isPlatformTeam: caller.isPlatformTeam,
    };
  }

  private async requireOwner(
    permission: ResourcePermission,
    id: string,
    credentials: BackstageCredentials,
  ): Promise<StoredEnvironment> {
    // An unknown id is a 404 before it is a permission question.
    const environment = await this.service.get(id);
    await this.require(permission, credentials, id);
    const viewer = await this.viewerOf(environment.owner, credentials);
    if (!viewer.isOwner && !viewer.isPlatformTeam) {
      throw new NotAllowedError(
        `Not allowed: ${actorOf(credentials)} is neither a member of ${
          environment.owner
        } (the owner of "${environment.name}") nor of the platform team`,
      );
    }
    return environment;
  }

  private async requirePlatformTeam(
    credentials: BackstageCredentials,
    what: string,
  ) {
    const caller = await this.ownership.callerOf(credentials);
    if (caller.isService) return;
    if (!caller.isPlatformTeam) {
      throw new NotAllowedError(
        `Not allowed: only members of ${this.ownership.platformTeam} may ${what}`,
      );
    }
  }

  private async requireList(credentials: BackstageCredentials) {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: environmentReadPermission }],
      { credentials },
    );
    // Fleet-wide figures and a team's audit are not row lists: they need a plain ALLOW.
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed: ${environmentReadPermission.name}`,
      );
    }
  }

  private require(
    permission: BasicPermission | ResourcePermission,
    credentials: BackstageCredentials,
    resourceRef?: string,
  ) {
    return requirePermission(
      this.permissions,
      permission,
      credentials,
      resourceRef ? { ref: resourceRef, label: 'environment' } : undefined,
    );
  }
}

type UserCredentials = BackstageCredentials<{
  type: 'user';
  userEntityRef: string;
}>;

function isUser(
  credentials: BackstageCredentials,
): credentials is UserCredentials {
  return (credentials.principal as { type?: string }).type === 'user';
}

/** Who did it, as recorded in createdBy and the audit. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user') return principal.userEntityRef!;
  if (principal.type === 'service') return `service:${principal.subject}`;
  return 'anonymous';
}
