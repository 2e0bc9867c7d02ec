import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AuditRecord,
  CreateEnvironmentRequest,
  createEnvironmentRequestSchema,
  EnvironmentStatus,
} from '@internal/plugin-environments-common';
import { ResourceDriver } from '@internal/plugin-environments-node';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ClassRegistry } from '../classes/ClassRegistry';
import {
  EnvironmentFilter,
  EnvironmentStore,
  StoredEnvironment,
  Transition,
} from '../database/EnvironmentStore';
import { EventStore } from '../database/EventStore';
import { ProvisioningEngine } from './ProvisioningEngine';
import { resolveParameters } from './resolveParameters';

const HOUR = 3600_000;
/** Statuses whose expiry may still be pushed out. */
const EXTENDABLE: EnvironmentStatus[] = [
  'requested',
  'awaiting-approval',
  'provisioning',
  'ready',
];

export type CreateInput = z.infer<typeof createEnvironmentRequestSchema>;

export type EnvironmentsServiceOptions = {
  classes: ClassRegistry;
  drivers: ReadonlyMap<string, ResourceDriver>;
  store: EnvironmentStore;
  events: EventStore;
  engine: ProvisioningEngine;
  onChange?: (environmentId: string) => void;
  now?: () => Date;
};

/**
 * The environments domain: requests checked against their class, the lifecycle steps people
 * take (extend, tear down, approve, reject), and what they read. No authorization here; see
 * AuthorizedEnvironmentsService.
 */
export class EnvironmentsService {
  private readonly now: () => Date;

  constructor(private readonly options: EnvironmentsServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  listClasses() {
    return {
      ...this.options.classes.list(),
      drivers: [...this.options.drivers.values()]
        .map(d => ({ type: d.type, description: d.description }))
        .sort((a, b) => a.type.localeCompare(b.type)),
    };
  }

  getClass(id: string) {
    const found = this.options.classes.get(id);
    if (!found) {
      throw new NotFoundError(`environment class "${id}" not found`);
    }
    return found;
  }

  reloadClasses() {
    this.options.classes.reload();
    return this.listClasses();
  }

  /**
   * Records the request (202 with the record) and provisions in the background, or waits for
   * approval. With an idempotency key a repeated request returns the first environment.
   */
  async create(
    request: CreateInput,
    createdBy: string,
    idempotencyKey?: string,
  ): Promise<{ environment: StoredEnvironment; created: boolean }> {
    const { classes, drivers, store, engine } = this.options;
    const environmentClass = classes.get(request.className);
    if (!environmentClass) {
      throw new InputError(
        `className: unknown environment class "${request.className}" (known: ${
          classes
            .list()
            .classes.map(c => c.id)
            .join(', ') || 'none'
        })`,
      );
    }
    const { ttl } = environmentClass;
    const ttlHours = request.ttlHours ?? ttl.defaultHours;
    if (ttlHours > ttl.maxHours) {
      throw new InputError(
        `ttlHours: class "${environmentClass.id}" allows at most ${ttl.maxHours} hours (ttl.maxHours), got ${ttlHours}`,
      );
    }
    const resources = resolveParameters(
      environmentClass,
      request.parameters,
      drivers,
    );
    const now = this.now();
    const outcome = await store.create(
      {
        id: randomUUID(),
        name:
          request.name ??
          `${environmentClass.id}-${randomBytes(3).toString('hex')}`,
        className: environmentClass.id,
        owner: request.owner.toLocaleLowerCase(),
        ...(request.component && {
          component: request.component.toLocaleLowerCase(),
        }),
        ...(request.template && { template: request.template }),
        status: environmentClass.approval.required
          ? 'awaiting-approval'
          : 'requested',
        createdBy,
        expiresAt: new Date(now.getTime() + ttlHours * HOUR),
        resources,
      },
      {
        now,
        quota: environmentClass.quota?.activePerTeam,
        ...(idempotencyKey && {
          idempotency: { key: idempotencyKey, requestHash: hashOf(request) },
        }),
      },
    );
    if (outcome.created) {
      await this.audit(outcome.environment, createdBy, 'create');
      this.options.onChange?.(outcome.environment.id);
      if (outcome.environment.status === 'requested') {
        engine.start(outcome.environment.id);
      }
    }
    return outcome;
  }

  async get(id: string): Promise<StoredEnvironment> {
    const environment = await this.options.store.get(id);
    if (!environment) {
      throw new NotFoundError(`environment "${id}" not found`);
    }
    return environment;
  }

  list(filter: EnvironmentFilter, page: { limit: number; offset: number }) {
    return this.options.store.list(filter, page);
  }

  /** Pushes the expiry out by `hours`, up to the class's maximum lifetime from creation. */
  async extend(id: string, hours: number, actor: string) {
    const environment = await this.get(id);
    if (!EXTENDABLE.includes(environment.status)) {
      throw new ConflictError(
        `environment "${environment.name}" is ${
          environment.status
        }; only environments that are ${EXTENDABLE.join(', ')} can be extended`,
      );
    }
    const environmentClass = this.options.classes.get(environment.className);
    if (!environmentClass) {
      throw new ConflictError(
        `environment "${environment.name}" cannot be extended: its class "${environment.className}" is no longer defined`,
      );
    }
    const { maxHours } = environmentClass.ttl;
    const latest = new Date(
      new Date(environment.createdAt).getTime() + maxHours * HOUR,
    );
    const expiresAt = new Date(
      new Date(environment.expiresAt).getTime() + hours * HOUR,
    );
    if (expiresAt > latest) {
      throw new ConflictError(
        `hours: extending "${
          environment.name
        }" by ${hours} hours would end it at ${expiresAt.toISOString()}, past the class "${
          environmentClass.id
        }" maximum of ${maxHours} hours from creation (ttl.maxHours), ${latest.toISOString()}`,
      );
    }
    const now = this.now();
    if (!(await this.options.store.setExpiry(id, expiresAt, EXTENDABLE, now))) {
      throw new ConflictError(
        `environment "${environment.name}" changed status while extending; try again`,
      );
    }
    const message = `Extended by ${hours} hours to ${expiresAt.toISOString()} by ${actor}`;
    await this.options.events.append(id, { kind: 'log', message }, now);
    await this.audit(environment, actor, 'extend', message);
    this.options.onChange?.(id);
    return this.get(id);
  }

  /** Tears down what the environment holds (in the background), or cancels a pending request. */
  async teardown(id: string, actor: string, reason?: string) {
    const environment = await this.get(id);
    const because = reason ? `: ${reason}` : '';
    switch (environment.status) {
      case 'tearing-down':
        return environment;
      case 'awaiting-approval':
        return this.step(
          environment,
          actor,
          'teardown',
          {
            from: ['awaiting-approval'],
            to: 'torn-down',
            releaseName: true,
            statusMessage: `Request withdrawn by ${actor}${because}`,
            event: `Request withdrawn by ${actor}${because}; nothing was provisioned`,
          },
          reason,
        );
      case 'ready':
      case 'failed': {
        // The reason goes to the audit trail too, as approve and reject do.
        const updated = await this.step(
          environment,
          actor,
          'teardown',
          {
            from: ['ready', 'failed'],
            to: 'tearing-down',
            failure: null,
            statusMessage: `Torn down by ${actor}${because}`,
            event: `Teardown requested by ${actor}${because}`,
          },
          reason,
        );
        this.options.engine.start(id);
        return updated;
      }
      case 'requested':
      case 'provisioning':
        throw new ConflictError(
          `environment "${environment.name}" is ${environment.status}; tear it down once it is ready or failed`,
        );
      default:
        throw new ConflictError(
          `environment "${environment.name}" is already ${environment.status}`,
        );
    }
  }

  async approve(id: string, actor: string, reason?: string) {
    const environment = await this.awaitingApproval(id, 'approved');
    // Four eyes, as for production deploys: the requester may withdraw, not approve.
    if (environment.createdBy === actor)
      throw new NotAllowedError(
        `environment "${environment.name}" was requested by ${actor}: someone else on the platform team must approve it`,
      );
    const updated = await this.step(
      environment,
      actor,
      'approve',
      {
        from: ['awaiting-approval'],
        to: 'provisioning',
        approval: {
          decision: 'approved',
          decidedBy: actor,
          decidedAt: this.now().toISOString(),
          ...(reason && { reason }),
        },
        event: `Approved by ${actor}${reason ? `: ${reason}` : ''}`,
      },
      reason,
    );
    this.options.engine.start(id);
    return updated;
  }

  async reject(id: string, actor: string, reason: string) {
    const environment = await this.awaitingApproval(id, 'rejected');
    return this.step(
      environment,
      actor,
      'reject',
      {
        from: ['awaiting-approval'],
        to: 'rejected',
        releaseName: true,
        statusMessage: `Rejected by ${actor}: ${reason}`,
        approval: {
          decision: 'rejected',
          decidedBy: actor,
          decidedAt: this.now().toISOString(),
          reason,
        },
        event: `Rejected by ${actor}: ${reason}`,
      },
      reason,
    );
  }

  async listEvents(id: string, after: number, limit: number) {
    const environment = await this.get(id);
    return {
      events: await this.options.events.list(id, after, limit),
      status: environment.status,
    };
  }

  async environmentAudit(id: string) {
    await this.get(id);
    return this.options.events.listAudit({ environmentId: id }, 1000);
  }

  teamAudit(owner: string, limit: number) {
    return this.options.events.listAudit(
      { owner: owner.toLocaleLowerCase() },
      limit,
    );
  }

  usage() {
    return this.options.store.usage();
  }

  private async awaitingApproval(id: string, decision: string) {
    const environment = await this.get(id);
    if (environment.status !== 'awaiting-approval') {
      throw new ConflictError(
        `environment "${environment.name}" is ${environment.status}; only environments awaiting approval can be ${decision}`,
      );
    }
    return environment;
  }

  private async step(
    environment: StoredEnvironment,
    actor: string,
    action: AuditRecord['action'],
    change: Transition,
    message?: string,
  ) {
    const updated = await this.options.store.transition(
      environment.id,
      change,
      this.now(),
    );
    if (!updated) {
      throw new ConflictError(
        `environment "${environment.name}" changed status meanwhile; reload and try again`,
      );
    }
    await this.audit(environment, actor, action, message);
    this.options.onChange?.(environment.id);
    return updated;
  }

  private audit(
    environment: StoredEnvironment,
    actor: string,
    action: AuditRecord['action'],
    message?: string,
  ) {
    return this.options.events.audit(
      {
        environmentId: environment.id,
        environmentName: environment.name,
        owner: environment.owner,
        actor,
        action,
        outcome: 'succeeded',
        ...(message && { message }),
      },
      this.now(),
    );
  }
}

/** The same request (in any key order) gives the same hash, for idempotency keys. */
function hashOf(request: CreateEnvironmentRequest) {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map(k => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(request)))
    .digest('hex');
}
