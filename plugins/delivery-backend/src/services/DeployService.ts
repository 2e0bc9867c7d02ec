import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  ChangeType,
  DeployCallback,
  Deployment,
} from '@internal/plugin-delivery-common';
import {
  CallbackRequest,
  DeployDriver,
  DeployGate,
} from '@internal/plugin-delivery-node';
import { randomUUID } from 'node:crypto';
import { DeploymentStore } from '../database/DeploymentStore';
import { serviceRefOf } from '../lib/refs';
import { FreezeCalendar } from './FreezeCalendar';
import { ServiceCatalog, ServiceInfo } from './ServiceCatalog';
import { DeliverySettings, EnvironmentSettings } from './settings';

/** Who asks, as the deploy service needs to know. */
export type Requester = {
  /** `user:default/ana`, or a service subject for automation. */
  ref: string;
  /** Whether the requester is a user (self-service share, group membership, four eyes). */
  isUser: boolean;
};

export type DeployOptions = {
  idempotencyKey?: string;
  freezeOverride?: { reason: string };
};

/**
 * Runway's deploys: guards (environment, deploy path, freeze windows, gates, one at a time per
 * service and environment), then the environment's driver, in the background; a driver that
 * finishes later reports through the signed status callback.
 */
export class DeployService {
  private readonly freeze: FreezeCalendar;

  constructor(
    private readonly deps: {
      store: DeploymentStore;
      services: ServiceCatalog;
      settings: DeliverySettings;
      drivers: ReadonlyMap<string, DeployDriver>;
      gates: readonly DeployGate[];
      callbackBaseUrl: () => Promise<string>;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.freeze = new FreezeCalendar(deps.settings.freezeWindows);
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

  /** A driver's status report, verified by the driver that ran the deploy. */
  async callback(id: string, request: CallbackRequest) {
    const deployment = await this.deps.store.get(id);
    // Unknown ids get the same answer as a bad signature: nothing to learn from probing.
    const driver = deployment?.driver
      ? this.deps.drivers.get(deployment.driver)
      : undefined;
    if (!deployment || !driver?.verifyCallback)
      throw new AuthenticationError(`No deploy ${id} accepts status callbacks`);
    const report: DeployCallback = await driver.verifyCallback(request);
    const now = this.now();
    for (const line of report.log ?? [])
      await this.deps.store.appendEvent(id, line, now);
    if (report.status === 'running') {
      if (report.message)
        await this.deps.store.appendEvent(id, report.message, now);
      return this.get(id);
    }
    if (deployment.status === report.status) return deployment;
    const moved = await this.deps.store.transition(
      id,
      ['running'],
      report.status,
      now,
      { message: report.message },
    );
    if (!moved)
      throw new ConflictError(
        `Deploy ${id} is ${deployment.status}; it cannot become ${report.status}`,
      );
    await this.deps.store.appendEvent(
      id,
      report.message ?? `Deploy ${report.status}`,
      now,
      report.status,
    );
    return this.get(id);
  }

  /** Runs a queued deploy through its driver; a no-op when another worker already started it. */
  async execute(id: string): Promise<void> {
    const { store } = this.deps;
    const started = this.now();
    if (!(await store.transition(id, ['queued'], 'running', started))) return;
    const deployment = (await store.get(id))!;
    await store.appendEvent(
      id,
      `Deploying with ${deployment.driver}`,
      started,
      'running',
    );
    const driver = this.deps.drivers.get(deployment.driver!);
    let outcome: {
      status: 'succeeded' | 'failed' | 'pending';
      message?: string;
    };
    try {
      if (!driver)
        throw new Error(`no deploy driver "${deployment.driver}" is installed`);
      const previous = await store.current(
        deployment.service,
        deployment.environment,
      );
      outcome = await driver.deploy({
        deployment: {
          id,
          service: deployment.service,
          environment: deployment.environment,
          production: deployment.production,
          version: deployment.version,
          previousVersion: previous?.version,
          changeType: deployment.changeType,
          commitSha: deployment.commitSha,
        },
        callbackUrl: `${await this.deps.callbackBaseUrl()}/deploys/${encodeURIComponent(
          id,
        )}/callback`,
        log: message => store.appendEvent(id, message, this.now()),
        logger: this.deps.logger,
      });
    } catch (error) {
      outcome = {
        status: 'failed',
        message: `Driver error: ${(error as Error).message}`,
      };
    }
    const now = this.now();
    if (outcome.status === 'pending') {
      await store.appendEvent(
        id,
        outcome.message ?? 'Waiting for the driver to report',
        now,
      );
      return;
    }
    if (
      await store.transition(id, ['running'], outcome.status, now, {
        message: outcome.message,
      })
    )
      await store.appendEvent(
        id,
        outcome.message ?? `Deploy ${outcome.status}`,
        now,
        outcome.status,
      );
  }

  /** Starts queued deploys a stopped backend left behind (scheduled, once across replicas). */
  async resumeQueued(): Promise<number> {
    const ids = await this.deps.store.queued(
      new Date(this.now().getTime() - 30_000),
      50,
    );
    for (const id of ids) await this.execute(id);
    return ids.length;
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
    if (frozen) await this.requirePlatformTeam(requester, frozen.name);

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
      !requester.isUser ||
      (service.owner !== undefined &&
        (await this.deps.services.groupsOf(requester.ref)).includes(
          service.owner,
        ));
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
        approvalReason: held.length ? held.join('; ') : undefined,
        freezeWindow: frozen?.name,
        overrideReason: frozen ? options.freezeOverride!.reason : undefined,
      },
      now,
    );
    if (deployment.status === 'queued') this.runInBackground(deployment.id);
    return deployment;
  }

  private async requirePlatformTeam(requester: Requester, window: string) {
    const team = this.deps.settings.platformTeam;
    const groups = requester.isUser
      ? await this.deps.services.groupsOf(requester.ref)
      : [];
    if (!team || !groups.includes(team))
      throw new NotAllowedError(
        `Only members of ${
          team ?? 'the platform team (delivery.platformTeam is not set)'
        } may deploy inside the freeze window "${window}"`,
      );
  }

  private runInBackground(id: string) {
    this.execute(id).catch(error =>
      this.deps.logger.error(`Deploy ${id} could not run: ${error}`),
    );
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
