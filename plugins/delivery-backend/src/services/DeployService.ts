import { LoggerService } from '@backstage/backend-plugin-api';
import { Caller, Ownership } from '@internal/backend-common';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { ChangeType, Deployment } from '@internal/plugin-delivery-common';
import {
  CallbackRequest,
  DeployDriver,
  DeployGate,
} from '@internal/plugin-delivery-node';
import { randomUUID } from 'node:crypto';
import { DeploymentStore } from '../database/DeploymentStore';
import { serviceRefOf } from '../lib/refs';
import { DeployRunner, VerifiedCallback } from './DeployRunner';
import { FreezeCalendar } from './FreezeCalendar';
import { ServiceCatalog, ServiceInfo } from './ServiceCatalog';
import { DeliverySettings, EnvironmentSettings } from './settings';

/** Who asks: the caller as Ownership decides (self-service share, freeze overrides, four eyes). */
export type Requester = Caller;

export type DeployOptions = {
  idempotencyKey?: string;
  /** SHA-256 of the request without its key: a retry must be the same request. */
  requestHash?: string;
  freezeOverride?: { reason: string };
};

/**
 * Runway's deploys: guards (environment, deploy path, freeze windows, gates, one at a time per
 * service and environment), then the environment's driver, in the background; a driver that
 * finishes later reports through the signed status callback.
 */
export class DeployService {
  private readonly freeze: FreezeCalendar;
  private readonly runner: DeployRunner;

  constructor(
    private readonly deps: {
      store: DeploymentStore;
      services: ServiceCatalog;
      settings: DeliverySettings;
      /** The platform team's group (runway.platformTeam), named in refusals. */
      platformTeam: string;
      drivers: ReadonlyMap<string, DeployDriver>;
      gates: readonly DeployGate[];
      callbackBaseUrl: () => Promise<string>;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.freeze = new FreezeCalendar(deps.settings.freezeWindows);
    this.runner = new DeployRunner(deps);
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  async deploy(
    input: {
      service: string;
      environment: string;
      version: string;
      commitSha?: string;
    },
    requester: Requester,
    options: DeployOptions,
    credentials: unknown,
  ): Promise<Deployment> {
    const service = await this.service(input.service);
    const environment = this.environment(input.environment, service);
    return this.start(
      service,
      environment,
      {
        version: input.version,
        commitSha: input.commitSha,
        changeType: 'planned',
      },
      requester,
      options,
      credentials,
    );
  }

  /** Back to the last version that succeeded before the one live now. */
  async rollback(
    input: { service: string; environment: string },
    requester: Requester,
    options: DeployOptions,
    credentials: unknown,
  ) {
    const service = await this.service(input.service);
    const environment = this.environment(input.environment, service);
    const current = await this.deps.store.current(
      service.ref,
      environment.name,
    );
    if (!current)
      throw new NotFoundError(
        `Nothing to roll back: ${service.ref} has no successful deploy in ${environment.name}`,
      );
    const target = await this.deps.store.lastSucceededOtherThan(
      service.ref,
      environment.name,
      current.version,
    );
    if (!target)
      throw new NotFoundError(
        `Nothing to roll back to: ${service.ref} has no successful version in ${environment.name} before ${current.version}`,
      );
    return this.start(
      service,
      environment,
      {
        version: target.version,
        commitSha: target.commitSha,
        changeType: 'rollback',
        rollbackOf: current.id,
      },
      requester,
      options,
      credentials,
    );
  }

  /** The exact version live in `from` goes to the next environment on the service's path. */
  async promote(
    input: { service: string; from: string },
    requester: Requester,
    options: DeployOptions,
    credentials: unknown,
  ) {
    const service = await this.service(input.service);
    const path = service.deployPath;
    if (!path?.length)
      throw new InputError(
        `Cannot promote ${service.ref}: it has no runway.dev/deploy-path annotation`,
      );
    const at = path.indexOf(input.from);
    if (at < 0)
      throw new InputError(
        `Invalid from: "${input.from}" is not on the deploy path of ${
          service.ref
        } (${path.join(' -> ')})`,
      );
    if (at === path.length - 1)
      throw new InputError(
        `Invalid from: "${input.from}" is the last environment on the deploy path of ${service.ref}`,
      );
    const source = await this.deps.store.current(service.ref, input.from);
    if (!source)
      throw new NotFoundError(
        `Nothing to promote: ${service.ref} has no successful deploy in ${input.from}`,
      );
    const environment = this.environment(path[at + 1], service);
    return this.start(
      service,
      environment,
      {
        version: source.version,
        commitSha: source.commitSha,
        changeType: 'planned',
        promotedFrom: source.id,
      },
      requester,
      options,
      credentials,
    );
  }

  async approve(id: string, requester: Requester) {
    const deployment = await this.get(id);
    if (deployment.status !== 'awaiting-approval')
      throw new ConflictError(
        `Deploy ${id} is ${deployment.status}, not awaiting approval`,
      );
    if (deployment.triggeredBy === requester.ref)
      throw new NotAllowedError(
        `Deploy ${id} was requested by ${requester.ref}: someone else must approve it`,
      );
    const now = this.now();
    if (
      !(await this.deps.store.transition(
        id,
        ['awaiting-approval'],
        'queued',
        now,
        {
          approvedBy: requester.ref,
        },
      ))
    )
      throw new ConflictError(`Deploy ${id} changed while being approved`);
    await this.deps.store.appendEvent(
      id,
      `Approved by ${requester.ref}`,
      now,
      'queued',
    );
    this.runInBackground(id);
    return this.get(id);
  }

  async get(id: string): Promise<Deployment> {
    const deployment = await this.deps.store.get(id);
    if (!deployment) throw new NotFoundError(`No deploy ${id}`);
    return deployment;
  }

  list(serviceRef: string, environment: string | undefined, limit: number) {
    return this.deps.store.list({ serviceRef, environment, limit });
  }

  events(id: string, after: number) {
    return this.deps.store.events(id, after, 500);
  }

  /** Checks a driver's status report with the driver that ran the deploy; writes nothing. */
  verifyCallback(id: string, request: CallbackRequest) {
    return this.runner.verifyCallback(id, request);
  }

  /** Applies a status report verifyCallback accepted. */
  applyCallback(verified: VerifiedCallback) {
    return this.runner.applyCallback(verified);
  }

  /** Runs a queued deploy through its driver; a no-op when another worker already started it. */
  execute(id: string): Promise<void> {
    return this.runner.execute(id);
  }

  /** Starts queued deploys a stopped backend left behind (scheduled, once across replicas). */
  resumeQueued(): Promise<number> {
    return this.runner.resumeQueued();
  }

  /** Runs again deploys whose backend stopped inside the driver (delivery.resumeRunningAfterSeconds). */
  resumeRunning(): Promise<number> {
    return this.runner.resumeRunning(
      this.deps.settings.resumeRunningAfterSeconds,
    );
  }

  /** Fails running deploys whose driver has gone quiet for delivery.deployTimeoutMinutes. */
  failStalled(): Promise<number> {
    return this.runner.failStalled(this.deps.settings.deployTimeoutMinutes);
  }

  private async start(
    service: ServiceInfo,
    environment: EnvironmentSettings,
    change: {
      version: string;
      commitSha?: string;
      changeType: ChangeType;
      rollbackOf?: string;
      promotedFrom?: string;
    },
    requester: Requester,
    options: DeployOptions,
    credentials: unknown,
  ): Promise<Deployment> {
    const now = this.now();
    const frozen = this.freeze.activeWindow(environment.tier, now);
    if (frozen && !options.freezeOverride)
      throw new ConflictError(
        `Deploys to ${environment.name} (${environment.tier}) are frozen by the window "${frozen.name}" (${frozen.description}); a platform-team member may override it with a reason`,
      );
    if (frozen) this.requirePlatformTeam(requester, frozen.name);

    const held: string[] = [];
    for (const gate of this.deps.gates) {
      const decision = await gate.evaluate({
        service: service.ref,
        environment: environment.name,
        production: environment.tier === 'production',
        version: change.version,
        credentials: credentials as any,
      });
      if (decision.result === 'approval-required') held.push(decision.reason);
    }
    const selfService =
      !requester.isUser || Ownership.owns(requester, service.owner);
    const deployment = await this.deps.store.create(
      {
        id: randomUUID(),
        serviceRef: service.ref,
        environment: environment.name,
        production: environment.tier === 'production',
        version: change.version,
        status: held.length ? 'awaiting-approval' : 'queued',
        changeType: change.changeType,
        driver: environment.driver,
        triggeredBy: requester.ref,
        selfService,
        commitSha: change.commitSha,
        rollbackOf: change.rollbackOf,
        promotedFrom: change.promotedFrom,
        requestKey: options.idempotencyKey,
        requestHash: options.requestHash,
        approvalReason: held.length ? held.join('; ') : undefined,
        freezeWindow: frozen?.name,
        overrideReason: frozen ? options.freezeOverride!.reason : undefined,
      },
      now,
    );
    if (deployment.status === 'queued') this.runInBackground(deployment.id);
    return deployment;
  }

  private requirePlatformTeam(requester: Requester, window: string) {
    if (!requester.isPlatformTeam)
      throw new NotAllowedError(
        `Only members of ${this.deps.platformTeam} may deploy inside the freeze window "${window}"`,
      );
  }

  private runInBackground(id: string) {
    this.runner.runInBackground(id);
  }

  /** The service from the catalog, or a 404 naming it (asked before any permission decision). */
  knownService(value: string): Promise<ServiceInfo> {
    return this.service(value);
  }

  private async service(value: string): Promise<ServiceInfo> {
    const ref = serviceRefOf(value);
    const found = (await this.deps.services.resolve([ref])).get(ref);
    if (!found)
      throw new NotFoundError(`Unknown service: ${ref} is not in the catalog`);
    return found;
  }

  private environment(name: string, service: ServiceInfo): EnvironmentSettings {
    const environment = this.deps.settings.environments.find(
      e => e.name === name,
    );
    if (!environment)
      throw new NotFoundError(
        `Unknown environment: "${name}" is not one of ${this.deps.settings.environments
          .map(e => e.name)
          .join(', ')}`,
      );
    if (service.deployPath && !service.deployPath.includes(name))
      throw new InputError(
        `Invalid environment: "${name}" is not on the deploy path of ${
          service.ref
        } (${service.deployPath.join(' -> ')})`,
      );
    return environment;
  }
}
