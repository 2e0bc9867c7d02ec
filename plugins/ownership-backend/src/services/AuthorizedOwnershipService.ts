import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { requirePermission } from '@internal/backend-common';
import { ownershipReadPermission } from '@internal/plugin-ownership-common';
import { OwnershipService } from './OwnershipService';

/** OwnershipService behind `ownership.read`: the one place the report is authorised. */
export class AuthorizedOwnershipService {
  constructor(
    private readonly service: OwnershipService,
    private readonly permissions: PermissionsService,
  ) {}

  async listEntities(
    ...[filters, credentials]: Parameters<OwnershipService['listEntities']>
  ) {
    await this.authorize(credentials);
    return this.service.listEntities(filters, credentials);
  }

  async listTeams(
    ...[filters, credentials]: Parameters<OwnershipService['listTeams']>
  ) {
    await this.authorize(credentials);
    return this.service.listTeams(filters, credentials);
  }

  private authorize(credentials: BackstageCredentials) {
    return requirePermission(
      this.permissions,
      ownershipReadPermission,
      credentials,
    );
  }
}
