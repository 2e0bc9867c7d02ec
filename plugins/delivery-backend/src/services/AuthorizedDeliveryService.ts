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
  DeliveryEvent,
  deliveryIngestPermission,
  deliveryMetricsReadPermission,
  IncidentEvent,
} from '@internal/plugin-delivery-common';
import { GithubEvent } from './github';
import { IngestService, JunitUpload } from './IngestService';
import { MetricsQuery, MetricsService } from './MetricsService';

/**
 * The delivery services behind Runway's permissions: the one place delivery authorizes. Signed
 * webhooks carry no Backstage identity; their signature is their authorization (checked in the
 * webhook endpoints before anything here runs).
 */
export class AuthorizedDeliveryService {
  constructor(
    private readonly ingest: IngestService,
    private readonly metricsService: MetricsService,
    private readonly permissions: PermissionsService,
  ) {}

  async ingestEvents(events: DeliveryEvent[], credentials: BackstageCredentials) {
    await this.require(deliveryIngestPermission, credentials);
    return this.ingest.ingestEvents(events, 'api');
  }

  async ingestJunit(
    xml: string,
    upload: JunitUpload,
    credentials: BackstageCredentials,
  ) {
    await this.require(deliveryIngestPermission, credentials);
    return this.ingest.ingestJunit(xml, upload, 'api');
  }

  /** Verified by signature already. */
  ingestSignedJunit(xml: string, upload: JunitUpload) {
    return this.ingest.ingestJunit(xml, upload, 'junit-webhook');
  }

  /** Verified by signature already. */
  ingestSignedGithub(event: GithubEvent, deliveryId: string | undefined) {
    return this.ingest.ingestGithub(event, deliveryId);
  }

  /** Verified by signature already. */
  ingestSignedIncident(event: IncidentEvent, deliveryId: string | undefined) {
    return this.ingest.ingestIncident(event, deliveryId);
  }

  async metrics(query: MetricsQuery, credentials: BackstageCredentials) {
    await this.require(deliveryMetricsReadPermission, credentials);
    return this.metricsService.metrics(query);
  }

  async dora(query: MetricsQuery, credentials: BackstageCredentials) {
    await this.require(deliveryMetricsReadPermission, credentials);
    return this.metricsService.dora(query);
  }

  protected async require(
    permission: BasicPermission | ResourcePermission,
    credentials: BackstageCredentials,
    resourceRef?: string,
  ) {
    const [decision] = await this.permissions.authorize(
      [
        permission.type === 'resource'
          ? { permission, resourceRef: resourceRef! }
          : { permission },
      ] as any,
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed: ${permission.name}${
          resourceRef ? ` on ${resourceRef}` : ''
        }`,
      );
    }
  }
}
