import {
  BackstageCredentials,
  BackstageUserInfo,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { SessionCache, SessionCacheOptions } from './SessionCache';

/** The one setting that names the platform team, read by the policy and every plugin. */
export const PLATFORM_TEAM_KEY = 'runway.platformTeam';

/** Who is calling, as every Runway plugin decides ownership: one rule, one source. */
export type Caller = {
  /** The user's entity ref as signed in, or the service's subject. */
  ref: string;
  isUser: boolean;
  /** Another backend or a static token (CI): trusted like the platform team by the plugins. */
  isService: boolean;
  /** The user and the groups they are a member of (their ownership claims), lower case. */
  ownershipRefs: string[];
  /** A member of the platform team's group. */
  isPlatformTeam: boolean;
};

/** A group ref as the catalog writes it (lower case, kind and namespace), or undefined. */
export function groupRefOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const ref = parseEntityRef(value.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    return ref.kind.toLocaleLowerCase() === 'group'
      ? stringifyEntityRef(ref).toLocaleLowerCase()
      : undefined;
  } catch {
    return undefined;
  }
}

/** The platform team's group ref from `runway.platformTeam`; a clear error when it is wrong. */
export function platformTeamOf(config: Config): string {
  const value = config.getOptionalString(PLATFORM_TEAM_KEY);
  const team = groupRefOf(value);
  if (!team) {
    throw new InputError(
      value === undefined
        ? `${PLATFORM_TEAM_KEY} must name the platform team's group, e.g. group:default/platform-team`
        : `${PLATFORM_TEAM_KEY}: "${value}" is not a group ref such as group:default/platform-team`,
    );
  }
  return team;
}

/**
 * Who owns what, decided in one place: a caller owns a resource when its owner is among their
 * ownership claims (the user and their groups, issued at sign-in from the catalog and read
 * through coreServices.userInfo), and belongs to the platform team when its group is. Claims
 * belong to a token (a refresh gives a new one), so they are read once per session.
 */
export class Ownership {
  static fromConfig(config: Config, userInfo: UserInfoService): Ownership {
    return new Ownership(platformTeamOf(config), userInfo);
  }

  private readonly claims: SessionCache<BackstageUserInfo>;

  constructor(
    /** The platform team's group ref, lower case. */
    readonly platformTeam: string,
    private readonly userInfo: UserInfoService,
    cache: SessionCacheOptions = {},
  ) {
    this.claims = new SessionCache(cache);
  }

  async callerOf(credentials: BackstageCredentials): Promise<Caller> {
    const principal = credentials.principal as {
      type?: string;
      userEntityRef?: string;
      subject?: string;
    };
    if (principal.type === 'user' && principal.userEntityRef) {
      const info = await this.claims.get(credentials, 'user-info', () =>
        this.userInfo.getUserInfo(credentials),
      );
      const ownershipRefs = info.ownershipEntityRefs.map(r =>
        r.toLocaleLowerCase(),
      );
      return {
        ref: principal.userEntityRef,
        isUser: true,
        isService: false,
        ownershipRefs,
        isPlatformTeam: ownershipRefs.includes(this.platformTeam),
      };
    }
    const isService = principal.type === 'service';
    return {
      ref: isService ? principal.subject ?? 'service' : 'anonymous',
      isUser: false,
      isService,
      ownershipRefs: [],
      isPlatformTeam: false,
    };
  }

  /** Whether the caller owns what `ownerRef` owns (the user themselves or one of their groups). */
  static owns(caller: Caller, ownerRef: string | undefined): boolean {
    return (
      ownerRef !== undefined &&
      caller.ownershipRefs.includes(ownerRef.toLocaleLowerCase())
    );
  }
}
