import { ConflictError } from '@backstage/errors';
import { ACTIVE_ENVIRONMENT_STATUSES } from '@internal/plugin-environments-common';
import { Knex } from 'knex';
import { CreateOptions, NewEnvironment } from './EnvironmentStore';
import { environmentFromRows, EnvironmentRow, ResourceRow } from './rows';

/** The environment an earlier request with the same idempotency key created, if any. */
async function replayOf(
  tx: Knex.Transaction,
  input: NewEnvironment,
  idempotency: CreateOptions['idempotency'],
) {
  if (!idempotency) return undefined;
  const previous = await tx('environment_idempotency_keys')
    .where({ created_by: input.createdBy, key: idempotency.key })
    .first();
  if (!previous) return undefined;
  if (previous.request_hash !== idempotency.requestHash) {
    throw new ConflictError(
      `Idempotency-Key "${idempotency.key}" was already used for a different request (environment ${previous.environment_id})`,
    );
  }
  const environment = await readEnvironment(tx, previous.environment_id);
  return environment ? { environment, created: false } : undefined;
}

/**
 * The create transaction: the team-and-class lock, the idempotency key, the quota and the
 * name, then the environment, its resources, its first event and the key, all or nothing.
 */
export async function insertEnvironment(
  tx: Knex.Transaction,
  input: NewEnvironment,
  { idempotency, quota, now }: CreateOptions,
) {
  if (quota !== undefined) {
    // Serialises creates of one team and class, so two of them never both see room left.
    await tx('environment_quota_locks')
      .insert({ owner: input.owner, class_name: input.className })
      .onConflict(['owner', 'class_name'])
      .ignore();
    const lock = tx('environment_quota_locks').where({
      owner: input.owner,
      class_name: input.className,
    });
    if (tx.client.config.client === 'pg') lock.forUpdate();
    await lock.first();
  }
  const replay = await replayOf(tx, input, idempotency);
  if (replay) return replay;
  if (quota !== undefined) {
    const active = await countActive(tx, input.owner, input.className);
    if (active >= quota) {
      throw new ConflictError(
        `Quota reached: ${input.owner} has ${active} active "${input.className}" environments and the class quota (quota.activePerTeam) is ${quota}`,
      );
    }
  }
  const holder = await tx<EnvironmentRow>('environments')
    .where('active_name', input.name)
    .first();
  if (holder) {
    // Without a quota lock, a concurrent retry of the same request may have committed the
    // name after the key was looked up: that is a replay, not a conflict.
    const late = await replayOf(tx, input, idempotency);
    if (late) return late;
    throw new ConflictError(
      `name "${input.name}" is in use by environment ${holder.id} (${holder.status})`,
    );
  }

  const row: EnvironmentRow = {
    id: input.id,
    name: input.name,
    active_name: input.name,
    class_name: input.className,
    owner: input.owner,
    component: input.component ?? null,
    template: input.template ?? null,
    status: input.status,
    status_message: null,
    failure: null,
    created_by: input.createdBy,
    created_at: now,
    updated_at: now,
    expires_at: input.expiresAt,
    expiry_notified_at: null,
    approval_decision: null,
    approval_by: null,
    approval_at: null,
    approval_reason: null,
    lease_owner: null,
    lease_until: null,
  };
  await tx('environments').insert(row);
  const resources: ResourceRow[] = input.resources.map((r, position) => ({
    environment_id: input.id,
    name: r.name,
    position,
    type: r.type,
    status: 'pending',
    parameters: JSON.stringify(r.parameters),
    outputs: '{}',
    secrets_encrypted: null,
    state_encrypted: null,
    error: null,
    updated_at: now,
  }));
  await tx('environment_resources').insert(resources);
  await tx('environment_events').insert({
    environment_id: input.id,
    at: now,
    kind: 'status',
    status: input.status,
    resource: null,
    message:
      input.status === 'awaiting-approval'
        ? `Requested by ${input.createdBy}; waiting for the platform team's approval`
        : `Requested by ${input.createdBy}`,
  });
  if (idempotency) {
    await tx('environment_idempotency_keys').insert({
      created_by: input.createdBy,
      key: idempotency.key,
      request_hash: idempotency.requestHash,
      environment_id: input.id,
      created_at: now,
    });
  }
  return { environment: environmentFromRows(row, resources), created: true };
}

export async function readEnvironment(db: Knex, id: string) {
  const row = await db<EnvironmentRow>('environments').where({ id }).first();
  if (!row) return undefined;
  const resources = await db<ResourceRow>('environment_resources').where({
    environment_id: id,
  });
  return environmentFromRows(row, resources);
}

export async function countActive(db: Knex, owner: string, className: string) {
  const [{ count }] = await db('environments')
    .where({ owner, class_name: className })
    .whereIn('status', ACTIVE_ENVIRONMENT_STATUSES)
    .count({ count: '*' });
  return Number(count);
}
