import {
  ACTIVE_ENVIRONMENT_STATUSES,
  EnvironmentStatus,
  UsageRow,
} from '@internal/plugin-environments-common';
import { whereVisible } from '@internal/backend-common';
import { Knex } from 'knex';
import {
  countActive,
  insertEnvironment,
  readEnvironment,
} from './insertEnvironment';
import {
  CreateOptions,
  EnvironmentFilter,
  EnvironmentStore,
  NewEnvironment,
  ResourcePatch,
  Transition,
} from './EnvironmentStore';
import { environmentFromRows, EnvironmentRow, ResourceRow } from './rows';

/** Statuses from which the reaper still has something to remove when expired. */
const EXPIRABLE: EnvironmentStatus[] = ['awaiting-approval', 'ready', 'failed'];
const UNFINISHED: EnvironmentStatus[] = [
  'requested',
  'provisioning',
  'tearing-down',
];

export class DatabaseEnvironmentStore implements EnvironmentStore {
  constructor(private readonly db: Knex) {}

  async create(input: NewEnvironment, options: CreateOptions) {
    try {
      return await this.db.transaction(tx =>
        insertEnvironment(tx, input, options),
      );
    } catch (error) {
      // A concurrent create won a unique key (idempotency key or name) between our checks
      // and our insert: run again, which now sees its committed row and answers accordingly.
      if (!isUniqueViolation(error)) throw error;
      return this.db.transaction(tx => insertEnvironment(tx, input, options));
    }
  }

  get(id: string) {
    return readEnvironment(this.db, id);
  }

  async list(
    filter: EnvironmentFilter,
    page: { limit: number; offset: number },
  ) {
    const where = (q: Knex.QueryBuilder) => {
      if (filter.ids) q.whereIn('id', filter.ids);
      if (filter.owners) q.whereIn('owner', filter.owners);
      if (filter.createdBy) q.where('created_by', filter.createdBy);
      if (filter.classNames) q.whereIn('class_name', filter.classNames);
      if (filter.statuses) q.whereIn('status', filter.statuses);
      if (filter.component) q.where('component', filter.component);
      if (filter.expiringBefore) {
        q.where('expires_at', '<', filter.expiringBefore);
      }
      return whereVisible(q, filter.visibility);
    };
    const [{ count }] = await where(
      this.db('environments').count({
        count: '*',
      }),
    );
    const rows: EnvironmentRow[] = await where(this.db('environments').select())
      .orderBy('created_at', 'desc')
      .orderBy('id', 'asc')
      .limit(page.limit)
      .offset(page.offset);
    return {
      items: await this.withResources(rows),
      totalCount: Number(count),
    };
  }

  private async withResources(rows: EnvironmentRow[]) {
    if (rows.length === 0) return [];
    const resources = await this.db<ResourceRow>(
      'environment_resources',
    ).whereIn(
      'environment_id',
      rows.map(r => r.id),
    );
    return rows.map(row =>
      environmentFromRows(
        row,
        resources.filter(r => r.environment_id === row.id),
      ),
    );
  }

  async transition(id: string, change: Transition, now: Date) {
    const updated = await this.db.transaction(async tx => {
      const count = await tx('environments')
        .where({ id })
        .whereIn('status', change.from)
        .modify(q => {
          if (change.leaseOwner) q.where('lease_owner', change.leaseOwner);
        })
        .update({
          status: change.to,
          updated_at: now,
          ...(change.statusMessage !== undefined && {
            status_message: change.statusMessage,
          }),
          ...(change.failure !== undefined && { failure: change.failure }),
          ...(change.approval && {
            approval_decision: change.approval.decision,
            approval_by: change.approval.decidedBy,
            approval_at: new Date(change.approval.decidedAt),
            approval_reason: change.approval.reason ?? null,
          }),
          ...(change.releaseName && { active_name: null }),
        });
      if (count === 0) return false;
      await tx('environment_events').insert({
        environment_id: id,
        at: now,
        kind: 'status',
        status: change.to,
        resource: null,
        message: change.event,
      });
      return true;
    });
    return updated ? this.get(id) : undefined;
  }

  async setExpiry(
    id: string,
    expiresAt: Date,
    from: readonly EnvironmentStatus[],
    now: Date,
  ) {
    const count = await this.db('environments')
      .where({ id })
      .whereIn('status', from)
      .update({
        expires_at: expiresAt,
        expiry_notified_at: null,
        updated_at: now,
      });
    return count > 0;
  }

  async updateResource(
    environmentId: string,
    name: string,
    patch: ResourcePatch,
    now: Date,
    leaseOwner?: string,
  ) {
    const count = await this.db('environment_resources')
      .where({ environment_id: environmentId, name })
      .modify(q => {
        if (leaseOwner)
          q.whereExists(held =>
            held
              .select(this.db.raw('1'))
              .from('environments')
              .where({ id: environmentId, lease_owner: leaseOwner }),
          );
      })
      .update({
        updated_at: now,
        ...(patch.status && { status: patch.status }),
        ...(patch.outputs && { outputs: JSON.stringify(patch.outputs) }),
        ...(patch.secretsEncrypted !== undefined && {
          secrets_encrypted: patch.secretsEncrypted,
        }),
        ...(patch.stateEncrypted !== undefined && {
          state_encrypted: patch.stateEncrypted,
        }),
        ...(patch.error !== undefined && { error: patch.error }),
      });
    return count > 0;
  }

  async claimLease(id: string, owner: string, until: Date, now: Date) {
    const count = await this.db('environments')
      .where({ id })
      .andWhere(q =>
        q.whereNull('lease_until').orWhere('lease_until', '<', now),
      )
      .update({ lease_owner: owner, lease_until: until });
    return count > 0;
  }

  async renewLease(id: string, owner: string, until: Date) {
    const count = await this.db('environments')
      .where({ id, lease_owner: owner })
      .update({ lease_until: until });
    return count > 0;
  }

  async releaseLease(id: string, owner: string) {
    await this.db('environments')
      .where({ id, lease_owner: owner })
      .update({ lease_owner: null, lease_until: null });
  }

  async findUnfinished(now: Date, limit: number) {
    const rows = await this.db<EnvironmentRow>('environments')
      .select('id')
      .whereIn('status', UNFINISHED)
      .andWhere(q =>
        q.whereNull('lease_until').orWhere('lease_until', '<', now),
      )
      .orderBy('updated_at', 'asc')
      .limit(limit);
    return rows.map(r => r.id);
  }

  async findExpired(now: Date, limit: number) {
    const rows = await this.db<EnvironmentRow>('environments')
      .whereIn('status', EXPIRABLE)
      .andWhere('expires_at', '<=', now)
      .whereNotNull('active_name')
      .orderBy('expires_at', 'asc')
      .limit(limit);
    return this.withResources(rows);
  }

  async findExpiringUnnotified(now: Date, before: Date, limit: number) {
    const rows = await this.db<EnvironmentRow>('environments')
      .where('status', 'ready')
      .whereNull('expiry_notified_at')
      .andWhere('expires_at', '>', now)
      .andWhere('expires_at', '<=', before)
      .orderBy('expires_at', 'asc')
      .limit(limit);
    return this.withResources(rows);
  }

  async markExpiryNotified(id: string, now: Date) {
    const count = await this.db('environments')
      .where({ id })
      .whereNull('expiry_notified_at')
      .update({ expiry_notified_at: now });
    return count > 0;
  }

  countActive(owner: string, className: string) {
    return countActive(this.db, owner, className);
  }

  async usage() {
    const byClass = await this.db('environments')
      .select('class_name as key', 'status')
      .count({ count: '*' })
      .groupBy('class_name', 'status');
    const byTemplate = await this.db('environments')
      .select('template as key', 'status')
      .whereNotNull('template')
      .count({ count: '*' })
      .groupBy('template', 'status');
    return {
      classes: usageRows(byClass as UsageCount[]),
      templates: usageRows(byTemplate as UsageCount[]),
    };
  }
}

type UsageCount = { key: string; status: string; count: string | number };

function usageRows(rows: UsageCount[]): UsageRow[] {
  const byKey = new Map<string, UsageRow>();
  for (const { key, status, count } of rows) {
    const row = byKey.get(key) ?? {
      key,
      total: 0,
      active: 0,
      failed: 0,
      byStatus: {},
    };
    const n = Number(count);
    row.total += n;
    row.byStatus[status as EnvironmentStatus] = n;
    if (ACTIVE_ENVIRONMENT_STATUSES.includes(status as EnvironmentStatus)) {
      row.active += n;
    }
    if (status === 'failed') row.failed += n;
    byKey.set(key, row);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

function isUniqueViolation(error: unknown) {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    /UNIQUE constraint failed|SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)/.test(
      `${e?.code} ${e?.message}`,
    )
  );
}
