import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DriverContext,
  ResourceDriver,
} from '@internal/plugin-environments-node';
import { randomUUID } from 'node:crypto';
import {
  EnvironmentStore,
  ResourcePatch,
  StoredEnvironment,
  StoredResource,
  Transition,
} from '../database/EnvironmentStore';
import { EventStore, NewEvent } from '../database/EventStore';
import { SecretBox } from '../lib/SecretBox';
import { createDriverContext } from './driverContext';
import { LeaseLostError } from './LeaseLostError';

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

/** One run's hold on an environment. */
type Job = {
  environmentId: string;
  /** This run's own lease owner: no other run, not even of this worker, shares it. */
  token: string;
  /** Set once a renewal found the lease taken over; the run stops. */
  lost: boolean;
  /** Until when the last successful claim or renewal holds (engine clock, ms). */
  heldUntil: number;
};

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
  /** Environments this engine works on now, and whether a change asked for another pass. */
  private readonly active = new Map<
    string,
    { again: boolean; done?: Promise<void> }
  >();
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

  /**
   * Takes on environments whose worker stopped mid-way and works on them in the background
   * (each under its own lease); returns how many it took on. Quick on purpose: the scheduled
   * task that calls it is locked across replicas until it returns or times out, and a replica
   * killed inside a long call would stop every resumption until the timeout.
   */
  async resumeUnfinished(limit = 50): Promise<number> {
    const ids = await this.options.store.findUnfinished(this.now(), limit);
    for (const id of ids) {
      this.options.logger.info(`Resuming unfinished environment ${id}`);
      this.start(id);
    }
    return ids.length;
  }

  /**
   * Moves the environment on until it rests (ready, failed, torn down). Called again while
   * this engine already works on it (a teardown requested as the provisioning run ends), it
   * adds one pass after the current one instead of a second run beside it.
   */
  run(environmentId: string): Promise<void> {
    const current = this.active.get(environmentId);
    if (current) {
      current.again = true;
      return current.done!;
    }
    const entry: { again: boolean; done?: Promise<void> } = { again: false };
    this.active.set(environmentId, entry);
    entry.done = (async () => {
      do {
        entry.again = false;
        await this.runOnce(environmentId);
      } while (entry.again && !this.stopped);
    })().finally(() => this.active.delete(environmentId));
    return entry.done;
  }

  /** Takes the environment's lease and moves it on while the lease is still this run's. */
  private async runOnce(environmentId: string): Promise<void> {
    const { store, logger } = this.options;
    if (this.stopped) return;
    const start = this.now().getTime();
    const job: Job = {
      environmentId,
      // Unique per run (lease_owner holds 64 characters), so two runs never share a lease.
      token: `${this.workerId.slice(0, 27)}:${randomUUID()}`,
      lost: false,
      heldUntil: start + this.leaseMs,
    };
    const claimed = await store.claimLease(
      environmentId,
      job.token,
      new Date(job.heldUntil),
      new Date(start),
    );
    if (!claimed) return;
    const heartbeat = setInterval(() => {
      this.renew(job).catch(error => {
        // Unconfirmed: the lease may run out unnoticed, so stop once it has by our clock.
        if (this.now().getTime() >= job.heldUntil) job.lost = true;
        logger.warn(
          `Could not renew the lease on environment ${environmentId}: ${error}`,
        );
      });
    }, Math.max(100, Math.floor(this.leaseMs / 3)));
    heartbeat.unref?.();
    this.heartbeats.add(heartbeat);
    try {
      // requested -> provisioning -> ready | (tearing-down -> failed); tearing-down -> torn-down
      for (let step = 0; step < 4 && (await this.holds(job)); step++) {
        const environment = await store.get(environmentId);
        if (!environment) return;
        if (environment.status === 'requested') {
          await this.transition(job, environment, {
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
      if (error instanceof LeaseLostError) {
        job.lost = true;
      } else {
        // Typically the database: the work stays unfinished and is resumed later.
        logger.error(
          `Environment ${environmentId} interrupted, will be resumed: ${error}`,
        );
      }
    } finally {
      clearInterval(heartbeat);
      this.heartbeats.delete(heartbeat);
      if (job.lost) {
        logger.warn(
          `Environment ${environmentId}: this run lost its lease and stopped; the lease holder carries on`,
        );
      }
      if (!this.stopped) {
        // This run's own lease only: never one another run has taken since.
        await store
          .releaseLease(environmentId, job.token)
          .catch(() => undefined);
      }
    }
  }

  /** Extends the job's lease; marks the job lost when another run has taken it over. */
  private async renew(job: Job): Promise<boolean> {
    if (job.lost) return false;
    const until = this.now().getTime() + this.leaseMs;
    const held = await this.options.store.renewLease(
      job.environmentId,
      job.token,
      new Date(until),
    );
    if (held) {
      job.heldUntil = Math.max(job.heldUntil, until);
    } else {
      job.lost = true;
    }
    return held;
  }

  /**
   * Whether the job may take its next step (a driver call, or recording what one did). The
   * lease is renewed first, so a worker whose heartbeats lagged past its lease while another
   * took the environment over learns it here, before it acts, not from a heartbeat that comes
   * too late. A renewal that fails (the database) throws and ends the run: it is resumed
   * once the lease runs out.
   */
  private async holds(job: Job): Promise<boolean> {
    if (this.stopped || job.lost) return false;
    return this.renew(job);
  }

  private async provision(environment: StoredEnvironment, job: Job) {
    for (const resource of environment.resources) {
      if (resource.status === 'ready') continue;
      if (!(await this.holds(job))) return;
      try {
        const driver = this.driver(resource);
        await this.updateResource(job, environment.id, resource.name, {
          status: 'provisioning',
          error: null,
        });
        await this.log(environment.id, {
          kind: 'log',
          resource: resource.name,
          message: `Provisioning ${resource.name} (${resource.type})${
            resource.stateEncrypted ? ', resuming from saved state' : ''
          }`,
        });
        const result = await driver.provision(
          this.context(job, environment, resource),
        );
        // Another worker took over meanwhile: it records the outcome of its own attempt.
        if (!(await this.holds(job))) return;
        const secrets = result.secrets ?? {};
        await this.updateResource(job, environment.id, resource.name, {
          status: 'ready',
          outputs: result.outputs,
          secretsEncrypted:
            Object.keys(secrets).length > 0
              ? this.options.box.encrypt(secrets)
              : null,
        });
        await this.log(environment.id, {
          kind: 'log',
          resource: resource.name,
          message: `${resource.name} is ready`,
        });
      } catch (error) {
        // A failure seen after the lease was lost may be the new holder's work racing
        // ours: it is not this run's to record.
        if (!(await this.holds(job))) return;
        await this.failProvisioning(job, environment, resource, error);
        return;
      }
    }
    if (!(await this.holds(job))) return;
    await this.transition(job, environment, {
      from: ['provisioning'],
      to: 'ready',
      statusMessage: null,
      event: 'Ready',
    });
    await this.audit(environment, 'provisioned', 'succeeded');
  }

  private async failProvisioning(
    job: Job,
    environment: StoredEnvironment,
    resource: StoredResource,
    error: unknown,
  ) {
    const reason = messageOf(error);
    const failure = `${resource.name} (${resource.type}): ${reason}`;
    await this.updateResource(job, environment.id, resource.name, {
      status: 'failed',
      error: reason,
    });
    await this.log(environment.id, {
      kind: 'error',
      resource: resource.name,
      message: `${resource.name} failed: ${reason}`,
    });
    await this.transition(job, environment, {
      from: ['provisioning'],
      to: 'tearing-down',
      failure,
      statusMessage: `Provisioning failed: ${failure}; rolling back`,
      event: `Provisioning failed: ${failure}; rolling back what was made`,
    });
    await this.audit(environment, 'provisioning-failed', 'failed', failure);
  }

  private async teardown(environment: StoredEnvironment, job: Job) {
    for (const resource of [...environment.resources].reverse()) {
      if (resource.status === 'torn-down') continue;
      if (!(await this.holds(job))) return;
      if (resource.status === 'pending') {
        // Never started, so nothing of it exists.
        await this.updateResource(job, environment.id, resource.name, {
          status: 'torn-down',
        });
        continue;
      }
      try {
        const driver = this.driver(resource);
        await this.updateResource(job, environment.id, resource.name, {
          status: 'tearing-down',
        });
        await this.log(environment.id, {
          kind: 'log',
          resource: resource.name,
          message: `Tearing down ${resource.name} (${resource.type})`,
        });
        await driver.teardown(this.context(job, environment, resource));
        if (!(await this.holds(job))) return;
        await this.updateResource(job, environment.id, resource.name, {
          status: 'torn-down',
          secretsEncrypted: null,
          stateEncrypted: null,
        });
        await this.log(environment.id, {
          kind: 'log',
          resource: resource.name,
          message: `${resource.name} is torn down`,
        });
      } catch (error) {
        if (!(await this.holds(job))) return;
        const reason = messageOf(error);
        const message = `${resource.name} (${resource.type}): ${reason}`;
        await this.updateResource(job, environment.id, resource.name, {
          status: 'failed',
          error: reason,
        });
        await this.transition(job, environment, {
          from: ['tearing-down'],
          to: 'failed',
          statusMessage: `Teardown failed: ${message}; tear down again to retry`,
          event: `Teardown failed: ${message}; tear down again to retry`,
        });
        await this.audit(environment, 'teardown-failed', 'failed', message);
        return;
      }
    }
    if (!(await this.holds(job))) return;
    const { failure } = environment;
    await this.transition(job, environment, {
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
    job: Job,
    environment: StoredEnvironment,
    resource: StoredResource,
  ): DriverContext {
    return createDriverContext(environment, resource, {
      ...this.options,
      now: this.now,
      leaseOwner: job.token,
      log: message =>
        this.log(environment.id, {
          kind: 'log',
          resource: resource.name,
          message,
        }).then(() => undefined),
    });
  }

  /**
   * Moves the environment on, only while this run holds its lease (a transition refused for
   * that reason ends the run; one refused because the status moved meanwhile does not).
   */
  private async transition(
    job: Job,
    environment: StoredEnvironment,
    change: Transition,
  ) {
    const updated = await this.options.store.transition(
      environment.id,
      { ...change, leaseOwner: job.token },
      this.now(),
    );
    this.options.onChange?.(environment.id);
    if (!updated && !(await this.renew(job))) {
      throw new LeaseLostError(environment.id);
    }
    return updated;
  }

  /** Writes a resource's record while this run holds the lease; else ends the run. */
  private async updateResource(
    job: Job,
    environmentId: string,
    name: string,
    patch: ResourcePatch,
  ) {
    const written = await this.options.store.updateResource(
      environmentId,
      name,
      patch,
      this.now(),
      job.token,
    );
    if (!written) {
      job.lost = true;
      throw new LeaseLostError(environmentId);
    }
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
