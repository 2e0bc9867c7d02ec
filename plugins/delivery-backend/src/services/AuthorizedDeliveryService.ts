import { Ownership, requirePermission } from '@internal/backend-common';
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  DeliveryEvent,
  deliveryApprovePermission,
  deliveryDeployPermission,
  deliveryDeployReadPermission,
  deliveryFreezeOverridePermission,
  deliveryIngestPermission,
  deliveryMetricsReadPermission,
  deliveryPromotePermission,
  deliveryRollbackPermission,
  DeployRequest,
  IncidentEvent,
  PromoteRequest,
  RollbackRequest,
  TimeseriesBucket,
} from '@internal/plugin-delivery-common';
import { CallbackRequest } from '@internal/plugin-delivery-node';
import { IncidentSource } from '../incidents/mapIncidentWebhook';
import { contentHash } from '../lib/contentHash';
import { serviceRefOf } from '../lib/refs';
import { VerifiedCallback } from './DeployRunner';
import { DeployService, Requester } from './DeployService';
import { IngestService, JunitSource, JunitUpload } from './IngestService';
import { MetricsQuery, MetricsService } from './MetricsService';
import { MetricsTimeline } from './MetricsTimeline';
import { ServiceEnvironments } from './ServiceEnvironments';

/** The read models behind the portal's Delivery tab and dashboards. */
export type DeliveryViews = {
  timeline: MetricsTimeline;
  environments: ServiceEnvironments;
};

/**
 * The delivery services behind Runway's permissions: the one place delivery authorizes. Signed
 * webhooks carry no Backstage identity; their signature is their authorization (checked in the
 * webhook endpoints before anything here runs).
 */
export class AuthorizedDeliveryService {
  constructor(
    private readonly ingest: IngestService,
    private readonly metricsService: MetricsService,
    private readonly deploys: DeployService,
    private readonly permissions: PermissionsService,
    private readonly views: DeliveryViews,
    private readonly ownership: Ownership,
  ) {}

  async deploy(request: DeployRequest, credentials: BackstageCredentials) {
    const ref = serviceRefOf(request.service);
    // An unknown service is a 404 naming it, not the 403 an ownership condition gives it.
    await this.deploys.knownService(ref);
    await this.require(deliveryDeployPermission, credentials, ref);
    if (request.freezeOverride)
      await this.require(deliveryFreezeOverridePermission, credentials);
    const { idempotencyKey, freezeOverride, ...input } = request;
    return this.deploys.deploy(
      input,
      await this.requesterOf(credentials),
      {
        idempotencyKey,
        freezeOverride,
        requestHash: requestHashOf('deploy', ref, request),
      },
      credentials,
    );
  }

  async rollback(request: RollbackRequest, credentials: BackstageCredentials) {
    const ref = serviceRefOf(request.service);
    // An unknown service is a 404 naming it, not the 403 an ownership condition gives it.
    await this.deploys.knownService(ref);
    await this.require(deliveryRollbackPermission, credentials, ref);
    if (request.freezeOverride)
      await this.require(deliveryFreezeOverridePermission, credentials);
    const { idempotencyKey, freezeOverride, ...input } = request;
    return this.deploys.rollback(
      input,
      await this.requesterOf(credentials),
      {
        idempotencyKey,
        freezeOverride,
        requestHash: requestHashOf('rollback', ref, request),
      },
      credentials,
    );
  }

  async promote(request: PromoteRequest, credentials: BackstageCredentials) {
    const ref = serviceRefOf(request.service);
    // An unknown service is a 404 naming it, not the 403 an ownership condition gives it.
    await this.deploys.knownService(ref);
    await this.require(deliveryPromotePermission, credentials, ref);
    if (request.freezeOverride)
      await this.require(deliveryFreezeOverridePermission, credentials);
    const { idempotencyKey, freezeOverride, ...input } = request;
    return this.deploys.promote(
      input,
      await this.requesterOf(credentials),
      {
        idempotencyKey,
        freezeOverride,
        requestHash: requestHashOf('promote', ref, request),
      },
      credentials,
    );
  }

  async approve(id: string, credentials: BackstageCredentials) {
    const deployment = await this.deploys.get(id);
    await this.require(
      deliveryApprovePermission,
      credentials,
      deployment.service,
    );
    return this.deploys.approve(id, await this.requesterOf(credentials));
  }

  async listDeploys(
    query: { service: string; environment?: string; limit: number },
    credentials: BackstageCredentials,
  ) {
    const ref = serviceRefOf(query.service);
    await this.require(deliveryDeployReadPermission, credentials, ref);
    return this.deploys.list(ref, query.environment, query.limit);
  }

  async getDeploy(id: string, credentials: BackstageCredentials) {
    const deployment = await this.deploys.get(id);
    await this.require(
      deliveryDeployReadPermission,
      credentials,
      deployment.service,
    );
    return deployment;
  }

  async deployEvents(
    id: string,
    after: number,
    credentials: BackstageCredentials,
  ) {
    await this.getDeploy(id, credentials);
    return this.deploys.events(id, after);
  }

  /** A driver's status report, checked by the deploy's driver (its signature); writes nothing. */
  verifyDeployCallback(id: string, request: CallbackRequest) {
    return this.deploys.verifyCallback(id, request);
  }

  /** Applies a report verifyDeployCallback accepted. */
  applyDeployCallback(verified: VerifiedCallback) {
    return this.deploys.applyCallback(verified);
  }

  async ingestEvents(
    events: DeliveryEvent[],
    credentials: BackstageCredentials,
  ) {
    await this.require(deliveryIngestPermission, credentials);
    return this.ingest.ingestEvents(events, 'api');
  }

  /** Nothing of the report is read before the caller may ingest. */
  async ingestJunit(
    report: JunitSource,
    upload: JunitUpload,
    credentials: BackstageCredentials,
  ) {
    await this.require(deliveryIngestPermission, credentials);
    return this.ingest.ingestJunit(report, upload, 'api');
  }

  /** Verified by signature already. */
  ingestSignedJunit(report: JunitSource, upload: JunitUpload) {
    return this.ingest.ingestJunit(report, upload, 'junit-webhook');
  }

  /** Verified by signature already. */
  ingestSignedGithub(
    eventName: string,
    payload: unknown,
    delivery: { id?: string; contentHash: string },
  ) {
    return this.ingest.ingestGithub(eventName, payload, delivery);
  }

  /** Verified by signature or token already. */
  ingestIncidentWebhook(source: IncidentSource, payload: unknown) {
    return this.ingest.ingestIncidentWebhook(source, payload);
  }

  /** Verified by signature already. */
  ingestSignedIncident(event: IncidentEvent, deliveryId: string | undefined) {
    return this.ingest.ingestIncident(event, deliveryId);
  }

  async metrics(query: MetricsQuery, credentials: BackstageCredentials) {
    await this.require(deliveryMetricsReadPermission, credentials);
    return this.metricsService.metrics(query);
  }

  async serviceFacts(
    services: string[],
    from: Date,
    to: Date,
    credentials: BackstageCredentials,
  ) {
    await this.require(deliveryMetricsReadPermission, credentials);
    return this.metricsService.serviceFacts(services, from, to);
  }

  async dora(query: MetricsQuery, credentials: BackstageCredentials) {
    await this.require(deliveryMetricsReadPermission, credentials);
    return this.metricsService.dora(query);
  }

  async timeseries(
    query: MetricsQuery & { bucket: TimeseriesBucket },
    credentials: BackstageCredentials,
  ) {
    await this.require(deliveryMetricsReadPermission, credentials);
    return this.views.timeline.timeseries(query);
  }

  async serviceEnvironments(
    service: string,
    credentials: BackstageCredentials,
  ) {
    const ref = serviceRefOf(service);
    await this.require(deliveryDeployReadPermission, credentials, ref);
    return this.views.environments.environments(ref);
  }

  async knownVersions(
    service: string,
    limit: number,
    credentials: BackstageCredentials,
  ) {
    const ref = serviceRefOf(service);
    await this.require(deliveryDeployReadPermission, credentials, ref);
    return this.views.environments.versions(ref, limit);
  }

  /** The caller as Ownership sees them, with a user's ref in the lower case deploys record. */
  private async requesterOf(
    credentials: BackstageCredentials,
  ): Promise<Requester> {
    const caller = await this.ownership.callerOf(credentials);
    return caller.isUser
      ? { ...caller, ref: caller.ref.toLocaleLowerCase('en-US') }
      : caller;
  }

  protected require(
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

/** What a deploy, rollback or promotion asked for, without its key and whatever the ref's spelling. */
function requestHashOf(
  kind: string,
  serviceRef: string,
  request: { idempotencyKey?: string; service: string },
): string {
  const { idempotencyKey, ...rest } = request;
  const fields = Object.entries({ ...rest, kind, service: serviceRef });
  return contentHash(fields.sort(([a], [b]) => a.localeCompare(b)));
}
