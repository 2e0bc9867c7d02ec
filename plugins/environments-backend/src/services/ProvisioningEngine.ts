import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DriverContext,
  ResourceDriver,
} from '@internal/plugin-environments-node';
import { randomUUID } from 'node:crypto';
import {
  EnvironmentStore,
  StoredEnvironment,
  StoredResource,
  Transition,
} from '../database/EnvironmentStore';
import { EventStore, NewEvent } from '../database/EventStore';
import { SecretBox } from '../lib/SecretBox';
import { createDriverContext } from './driverContext';

/** The actor of steps the engine takes by itself (rollback, reaper). */
export const ENGINE_ACTOR = 'runway:environments';

export type ProvisioningEngineOptions = {
  store: EnvironmentStore;
  events: EventStore;
  drivers: ReadonlyMap<string, ResourceDriver>;
  box: SecretBox;
  logger: LoggerService;
  /** Called after every change to an environment (e.g. to send a signal to followers). */
  onChange?: (environmentId: string) => void;
  /** How long a worker's claim on an environment lasts without renewal. Default 30 s. */
  leaseMs?: number;
  now?: () => Date;
  workerId?: string;
};

type Job = { lost: boolean };

/**
 * Drives environments through their lifecycle with the registered drivers: provisions
 * resources in class order, rolls back what was made when one fails, tears down in reverse.
 * Every step is recorded before the next, and drivers are idempotent, so an environment whose
 * worker died is finished by another (`resumeUnfinished`) from where it stopped. A lease on the
 * environment row keeps two workers (replicas) off the same environment.
 */
export class ProvisioningEngine {
  private readonly leaseMs: number;
  private readonly now: () => Date;
  readonly workerId: string;
  private readonly running = new Set<Promise<void>>();
  private readonly heartbeats = new Set<ReturnType<typeof setInterval>>();
  private stopped = false;

  constructor(private readonly options: ProvisioningEngineOptions) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.now = options.now ?? (() => new Date());
    this.workerId = options.workerId ?? randomUUID();
  }

  /** Works on an environment in the background (after a request has been answered). */
  start(environmentId: string) {
    const work = this.run(environmentId).finally(() =>
      this.running.delete(work),
    );
    this.running.add(work);
  }

  /** Resolves when background work started here has finished (tests, shutdown). */
  async idle() {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** Stops renewing leases (shutdown); unfinished work is resumed by another worker. */
  stop() {
    this.stopped = true;
    for (const timer of this.heartbeats) clearInterval(timer);
    this.heartbeats.clear();
  }

  /** Finishes environments whose worker stopped mid-way; returns how many it took on. */
  async resumeUnfinished(limit = 50): Promise<number> {
    const ids = await this.options.store.findUnfinished(this.now(), limit);
    for (const id of ids) {
      this.options.logger.info(`Resuming unfinished environment ${id}`);
      await this.run(id);
    }
    return ids.length;
  }

  /** Takes the environment's lease and moves it on until it rests (ready, failed, torn down). */
  async run(environmentId: string): Promise<void> {
    const { store, logger } = this.options;
    if (this.stopped) return;
    if (!(await this.claim(environmentId))) return;
    const job: Job = { lost: false };
    const heartbeat = setInterval(() => {
      this.claim(environmentId).then(
        held => {
          if (!held) job.lost = true;
        },
        () => {},
      );
    }, Math.max(100, Math.floor(this.leaseMs / 3)));
    heartbeat.unref?.();
    this.heartbeats.add(heartbeat);
    try {
      // requested -> provisioning -> ready | (tearing-down -> failed); tearing-down -> torn-down
      for (let step = 0; step < 4 && !job.lost && !this.stopped; step++) {
        const environment = await store.get(environmentId);
        if (!environment) return;
        if (environment.status === 'requested') {
          await this.transition(environment, {
            from: ['requested'],
            to: 'provisioning',
            event: 'Provisioning started',
          });
        } else if (environment.status === 'provisioning') {
          await this.provision(environment, job);
        } else if (environment.status === 'tearing-down') {
          await this.teardown(environment, job);
        } else {
          return;
        }
      }
    } catch (error) {
      // Typically the database: the work stays unfinished and is resumed later.
      logger.error(
        `Environment ${environmentId} interrupted, will be resumed: ${error}`,
      );
    } finally {
      clearInterval(heartbeat);
      this.heartbeats.delete(heartbeat);
      if (!this.stopped) {
        await store
          .releaseLease(environmentId, this.workerId)
          .catch(() => undefined);
      }
    }
  }

  private claim(id: string) {
    const now = this.now();
    return this.options.store.claimLease(
      id,
      this.workerId,
      new Date(now.getTime() + this.leaseMs),
      now,
    );
  }

  private async provision(environment: StoredEnvironment, job: Job) {
    const { store } = this.options;
    for (const resource of environment.resources) {
      if (job.lost || this.stopped) return;
      if (resource.status === 'ready') continue;
      try {
        const driver = this.driver(resource);
        await store.updateResource(
          environment.id,
          resource.name,
          { status: 'provisioning', error: null },
          this.now(),
        );
        await this.log(environment.id, {
          kind: 'log',
          resource: resource.name,
          message: `Provisioning ${resource.name} (${resource.type})${
            resource.stateEncrypted ? ', resuming from saved state' : ''
          }`,
        });
        const result = await driver.provision(
          this.context(environment, resource),
        );
        const secrets = result.secrets ?? {};
        await store.updateResource(
          environment.id,
          resource.name,
          {
            status: 'ready',
            outputs: result.outputs,
            secretsEncrypted:
              Object.keys(secrets).length > 0
                ? this.options.box.encrypt(secrets)
                : null,
          },
          this.now(),
        );
        await this.log(environment.id, {
          kind: 'log',
          resource: resource.name,
          message: `${resource.name} is ready`,
        });
      } catch (error) {
        if (job.lost || this.stopped) return;
        await this.failProvisioning(environment, resource, error);
        return;
      }
    }
    await this.transition(environment, {
      from: ['provisioning'],
      to: 'ready',
      statusMessage: null,
      event: 'Ready',
    });
    await this.audit(environment, 'provisioned', 'succeeded');
  }

  private async failProvisioning(
    environment: StoredEnvironment,
    resource: StoredResource,
    error: unknown,
  ) {
    const reason = messageOf(error);
    const failure = `${resource.name} (${resource.type}): ${reason}`;
    await this.options.store.updateResource(
      environment.id,
      resource.name,
      { status: 'failed', error: reason },
      this.now(),
    );
    await this.log(environment.id, {
      kind: 'error',
      resource: resource.name,
      message: `${resource.name} failed: ${reason}`,
    });
    await this.transition(environment, {
      from: ['provisioning'],
      to: 'tearing-down',
      failure,
      statusMessage: `Provisioning failed: ${failure}; rolling back`,
      event: `Provisioning failed: ${failure}; rolling back what was made`,
    });
    await this.audit(environment, 'provisioning-failed', 'failed', failure);
  }

  private async teardown(environment: StoredEnvironment, job: Job) {
    const { store } = this.options;
    for (const resource of [...environment.resources].reverse()) {
      if (job.lost || this.stopped) return;
      if (resource.status === 'torn-down') continue;
      if (resource.status === 'pending') {
        // Never started, so nothing of it exists.
        await store.updateResource(
          environment.id,
          resource.name,
          { status: 'torn-down' },
          this.now(),
        );
        continue;
      }
      try {
        const driver = this.driver(resource);
        await store.updateResource(
          environment.id,
          resource.name,
          { status: 'tearing-down' },
          this.now(),
        );
        await this.log(environment.id, {
          kind: 'log',
          resource: resource.name,
          message: `Tearing down ${resource.name} (${resource.type})`,
        });
        await driver.teardown(this.context(environment, resource));
        await store.updateResource(
          environment.id,
          resource.name,
          {
            status: 'torn-down',
            secretsEncrypted: null,
            stateEncrypted: null,
          },
          this.now(),
        );
        await this.log(environment.id, {
          kind: 'log',
          resource: resource.name,
          message: `${resource.name} is torn down`,
        });
      } catch (error) {
        if (job.lost || this.stopped) return;
        const reason = messageOf(error);
        const message = `${resource.name} (${resource.type}): ${reason}`;
        await store.updateResource(
          environment.id,
          resource.name,
          { status: 'failed', error: reason },
          this.now(),
        );
        await this.transition(environment, {
          from: ['tearing-down'],
          to: 'failed',
          statusMessage: `Teardown failed: ${message}; tear down again to retry`,
          event: `Teardown failed: ${message}; tear down again to retry`,
        });
        await this.audit(environment, 'teardown-failed', 'failed', message);
        return;
      }
    }
    const { failure } = environment;
    await this.transition(environment, {
      from: ['tearing-down'],
      to: failure ? 'failed' : 'torn-down',
      releaseName: true,
      statusMessage: failure
        ? `Provisioning failed: ${failure}; what was made has been removed`
        : environment.statusMessage ?? null,
      event: failure ? 'Rolled back' : 'Torn down',
    });
    if (!failure) await this.audit(environment, 'torn-down', 'succeeded');
  }

  private driver(resource: StoredResource): ResourceDriver {
    const driver = this.options.drivers.get(resource.type);
    if (!driver) {
      throw new Error(
        `no driver registered for resource type "${resource.type}"`,
      );
    }
    return driver;
  }

  private context(
    environment: StoredEnvironment,
    resource: StoredResource,
  ): DriverContext {
    return createDriverContext(environment, resource, {
      ...this.options,
      now: this.now,
      log: message =>
        this.log(environment.id, {
          kind: 'log',
          resource: resource.name,
          message,
        }).then(() => undefined),
    });
  }

  private async transition(environment: StoredEnvironment, change: Transition) {
    const updated = await this.options.store.transition(
      environment.id,
      change,
      this.now(),
    );
    this.options.onChange?.(environment.id);
    return updated;
  }

  private async log(environmentId: string, event: NewEvent) {
    const appended = await this.options.events.append(
      environmentId,
      event,
      this.now(),
    );
    this.options.onChange?.(environmentId);
    return appended;
  }

  private audit(
    environment: StoredEnvironment,
    action:
      | 'provisioned'
      | 'provisioning-failed'
      | 'torn-down'
      | 'teardown-failed',
    outcome: 'succeeded' | 'failed',
    message?: string,
  ) {
    return this.options.events.audit(
      {
        environmentId: environment.id,
        environmentName: environment.name,
        owner: environment.owner,
        actor: ENGINE_ACTOR,
        action,
        outcome,
        ...(message && { message }),
      },
      this.now(),
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
