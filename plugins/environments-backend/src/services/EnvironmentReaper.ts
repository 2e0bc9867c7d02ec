import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { EnvironmentStore } from '../database/EnvironmentStore';
import { EventStore } from '../database/EventStore';
import { ENGINE_ACTOR, ProvisioningEngine } from './ProvisioningEngine';

const HOUR = 3600_000;

export type EnvironmentReaperOptions = {
  store: EnvironmentStore;
  events: EventStore;
  engine: ProvisioningEngine;
  notifications: NotificationService;
  logger: LoggerService;
  /** How long before expiry the owners are told. Default 24 hours. */
  noticeHours?: number;
  onChange?: (environmentId: string) => void;
  now?: () => Date;
};

/**
 * Expiry: tells owners a day before an environment expires (once), and tears expired
 * environments down. Runs from scheduler tasks, so once across replicas.
 */
export class EnvironmentReaper {
  private readonly now: () => Date;

  constructor(private readonly options: EnvironmentReaperOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Sends the expiry notice to the owners of environments expiring soon; returns how many. */
  async notifyExpiring(limit = 200): Promise<number> {
    const { store, events, notifications, logger } = this.options;
    const now = this.now();
    const before = new Date(
      now.getTime() + (this.options.noticeHours ?? 24) * HOUR,
    );
    let sent = 0;
    for (const environment of await store.findExpiringUnnotified(
      now,
      before,
      limit,
    )) {
      // Claimed before sending, so a notice goes out once even if two runs overlap.
      if (!(await store.markExpiryNotified(environment.id, now))) continue;
      const hoursLeft = Math.max(
        1,
        Math.round((Date.parse(environment.expiresAt) - now.getTime()) / HOUR),
      );
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: environment.owner },
          payload: {
            title: `Environment ${environment.name} expires in about ${hoursLeft} hours`,
            description: `The ${environment.className} environment ${environment.name} will be torn down at ${environment.expiresAt}. Extend it from its page if you still need it.`,
            link: `/environments/${environment.id}`,
            severity: 'normal',
            topic: 'environment-expiry',
            scope: `environment-expiry:${environment.id}`,
          },
        });
        await events.append(
          environment.id,
          {
            kind: 'log',
            message: `Expiry notice sent to ${environment.owner} (expires ${environment.expiresAt})`,
          },
          now,
        );
        sent++;
      } catch (error) {
        logger.warn(
          `Could not send the expiry notice for environment ${environment.name}: ${error}`,
        );
      }
    }
    return sent;
  }

  /** Tears down expired environments (and drops expired pending requests); returns how many. */
  async reap(limit = 50): Promise<number> {
    const { store, events, engine, logger } = this.options;
    const expired = await store.findExpired(this.now(), limit);
    for (const environment of expired) {
      const now = this.now();
      const pending = environment.status === 'awaiting-approval';
      const message = pending
        ? `Expired at ${environment.expiresAt} before it was approved`
        : `Expired at ${environment.expiresAt}`;
      const moved = await store.transition(
        environment.id,
        pending
          ? {
              from: ['awaiting-approval'],
              to: 'torn-down',
              releaseName: true,
              statusMessage: message,
              event: `${message}; nothing was provisioned`,
            }
          : {
              from: ['ready', 'failed'],
              to: 'tearing-down',
              failure: null,
              statusMessage: message,
              event: `${message}; tearing down`,
            },
        now,
      );
      if (!moved) continue;
      this.options.onChange?.(environment.id);
      await events.audit(
        {
          environmentId: environment.id,
          environmentName: environment.name,
          owner: environment.owner,
          actor: ENGINE_ACTOR,
          action: 'expired',
          outcome: 'succeeded',
          message,
        },
        now,
      );
      logger.info(`Environment ${environment.name}: ${message}`);
      if (!pending) await engine.run(environment.id);
    }
    return expired.length;
  }
}
