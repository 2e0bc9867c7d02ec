import { ListVisibility, requirePermission } from '@internal/backend-common';
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PushFactsRequest,
  readinessEvaluateAllPermission,
  readinessEvaluatePermission,
  readinessExemptionManagePermission,
  readinessFactsPushPermission,
  readinessReadPermission,
} from '@internal/plugin-readiness-common';
import {
  OverviewFilter,
  OverviewSort,
  OverviewStore,
} from '../database/OverviewStore';
import { transformEntityConditions } from '../permissions/entityRules';
import { ReadinessService } from './ReadinessService';

/** ReadinessService behind Runway's permissions: the one place readiness authorizes. */
export class AuthorizedReadinessService {
  /** The scorecards each caller may read (lists: the overview and rollups). */
  private readonly visibility: ListVisibility;

  constructor(
    private readonly service: ReadinessService,
    private readonly overview: OverviewStore,
    private readonly permissions: PermissionsService,
  ) {
    this.visibility = new ListVisibility(
      permissions,
      readinessReadPermission,
      transformEntityConditions,
    );
  }

  async listOverview(
    filter: OverviewFilter,
    sort: OverviewSort,
    page: { limit: number; offset: number },
    credentials: BackstageCredentials,
  ) {
    const visibility = await this.visibility.forCaller(credentials);
    return this.overview.list({ ...filter, visibility }, sort, page);
  }

  async rollups(
    filter: OverviewFilter,
    groupByOwner: boolean,
    credentials: BackstageCredentials,
  ) {
    const visibility = await this.visibility.forCaller(credentials);
    return this.overview.rollups({ ...filter, visibility }, groupByOwner);
  }

  /** Start-up import of local example data; not reachable over HTTP. */
  importExampleFacts(request: PushFactsRequest) {
    return this.service.importExampleFacts(request);
  }

  listChecks() {
    return this.service.listChecks();
  }

  async getScorecard(entityRef: string, credentials: BackstageCredentials) {
    await this.require(readinessReadPermission, credentials, entityRef);
    return this.service.getScorecard(entityRef);
  }

  async getHistory(
    entityRef: string,
    since: Date,
    credentials: BackstageCredentials,
  ) {
    await this.require(readinessReadPermission, credentials, entityRef);
    return this.service.getHistory(entityRef, since);
  }

  async pushFacts(
    request: PushFactsRequest,
    credentials: BackstageCredentials,
  ) {
    await this.require(readinessFactsPushPermission, credentials);
    return this.service.pushFacts(request);
  }

  async evaluate(
    entityRef: string | undefined,
    credentials: BackstageCredentials,
  ) {
    await this.require(
      entityRef ? readinessEvaluatePermission : readinessEvaluateAllPermission,
      credentials,
    );
    return this.service.evaluate(entityRef);
  }

  async listExemptions(entityRef: string, credentials: BackstageCredentials) {
    await this.require(readinessReadPermission, credentials, entityRef);
    return this.service.listExemptions(entityRef);
  }

  async createExemption(
    input: {
      entityRef: string;
      checkId: string;
      reason: string;
      expiresAt: string;
    },
    createdBy: string,
    credentials: BackstageCredentials,
  ) {
    // An unknown entity is a 404 naming it, not the 403 an ownership condition gives it.
    await this.service.requireEntity(input.entityRef);
    await this.require(
      readinessExemptionManagePermission,
      credentials,
      input.entityRef,
    );
    return this.service.createExemption({ ...input, createdBy });
  }

  async revokeExemption(
    id: string,
    revokedBy: string,
    credentials: BackstageCredentials,
  ) {
    const exemption = await this.service.getExemption(id);
    if (exemption) {
      await this.require(
        readinessExemptionManagePermission,
        credentials,
        exemption.entityRef,
      );
    }
    return this.service.revokeExemption(id, revokedBy);
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
      resourceRef ? { ref: resourceRef } : undefined,
    );
  }
}
