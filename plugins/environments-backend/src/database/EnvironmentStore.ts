import { RowVisibility } from '@internal/backend-common';
import {
  ApprovalDecision,
  Environment,
  EnvironmentResource,
  EnvironmentStatus,
  ResourceStatus,
  UsageRow,
} from '@internal/plugin-environments-common';
import { JsonObject } from '@backstage/types';

/** A resource as stored: secrets and driver state stay encrypted until the service opens them. */
export type StoredResource = Omit<EnvironmentResource, 'secrets'> & {
  position: number;
  secretsEncrypted?: string;
  stateEncrypted?: string;
};

export type StoredEnvironment = Omit<Environment, 'resources'> & {
  resources: StoredResource[];
  /** Why provisioning failed, while the rollback runs and after it. */
  failure?: string;
  expiryNotifiedAt?: string;
};

export type NewEnvironment = {
  id: string;
  name: string;
  className: string;
  owner: string;
  component?: string;
  template?: string;
  status: Extract<EnvironmentStatus, 'requested' | 'awaiting-approval'>;
  createdBy: string;
  expiresAt: Date;
  resources: Array<{ name: string; type: string; parameters: JsonObject }>;
};

export type CreateOptions = {
  /** A retry with the same key (per caller) returns the first environment. */
  idempotency?: { key: string; requestHash: string };
  /** Active environments of the class the owner may have (the class's quota). */
  quota?: number;
  now: Date;
};

export type EnvironmentFilter = {
  ids?: string[];
  owners?: string[];
  createdBy?: string;
  classNames?: string[];
  statuses?: EnvironmentStatus[];
  component?: string;
  expiringBefore?: Date;
  /** The rows the caller may read (a conditional permission decision), applied in the query. */
  visibility?: RowVisibility;
};

export type Transition = {
  from: readonly EnvironmentStatus[];
  to: EnvironmentStatus;
  /** null clears it; undefined keeps it. */
  statusMessage?: string | null;
  failure?: string | null;
  approval?: ApprovalDecision;
  /** Frees the name for reuse: nothing of the environment exists any more. */
  releaseName?: boolean;
  /** The status event's text. */
  event: string;
  /** Only while this run still holds the environment's work lease (the engine's writes). */
  leaseOwner?: string;
};

export type ResourcePatch = {
  status?: ResourceStatus;
  outputs?: Record<string, string>;
  secretsEncrypted?: string | null;
  stateEncrypted?: string | null;
  error?: string | null;
};

/** The environments' records: environments, resources, quota and idempotency, leases. */
export interface EnvironmentStore {
  /**
   * Creates the environment with its resources and first event in one transaction, after
   * the idempotency, quota and name checks (ConflictError naming what conflicts).
   */
  create(
    input: NewEnvironment,
    options: CreateOptions,
  ): Promise<{ environment: StoredEnvironment; created: boolean }>;
  get(id: string): Promise<StoredEnvironment | undefined>;
  list(
    filter: EnvironmentFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: StoredEnvironment[]; totalCount: number }>;
  /** Moves from one of `from` to `to` with a status event; undefined when not in `from`. */
  transition(
    id: string,
    change: Transition,
    now: Date,
  ): Promise<StoredEnvironment | undefined>;
  /** Sets a new expiry (and re-arms the expiry notice) when the status is one of `from`. */
  setExpiry(
    id: string,
    expiresAt: Date,
    from: readonly EnvironmentStatus[],
    now: Date,
  ): Promise<boolean>;
  /**
   * Changes a resource's record. With `leaseOwner`, only while that run still holds the
   * environment's work lease: false when another run has taken it over (nothing written).
   */
  updateResource(
    environmentId: string,
    name: string,
    patch: ResourcePatch,
    now: Date,
    leaseOwner?: string,
  ): Promise<boolean>;
  /**
   * Takes the work lease on an environment when it is free or has run out; false when
   * another holder's lease is current, even when that holder has the same owner name.
   */
  claimLease(
    id: string,
    owner: string,
    until: Date,
    now: Date,
  ): Promise<boolean>;
  /**
   * Extends a lease `owner` still holds; false when it was taken over or released since.
   * A lease that ran out but nobody took is still this owner's: nobody else worked meanwhile.
   */
  renewLease(id: string, owner: string, until: Date): Promise<boolean>;
  releaseLease(id: string, owner: string): Promise<void>;
  /** Environments with unfinished work (requested, provisioning, tearing down) and no live lease. */
  findUnfinished(now: Date, limit: number): Promise<string[]>;
  /** Environments past their expiry that still hold something (or still wait for approval). */
  findExpired(now: Date, limit: number): Promise<StoredEnvironment[]>;
  /** Ready environments expiring before `before` whose owners were not told yet. */
  findExpiringUnnotified(
    now: Date,
    before: Date,
    limit: number,
  ): Promise<StoredEnvironment[]>;
  /** Claims the one expiry notice of an environment; false when it was already sent. */
  markExpiryNotified(id: string, now: Date): Promise<boolean>;
  usage(): Promise<{ classes: UsageRow[]; templates: UsageRow[] }>;
  countActive(owner: string, className: string): Promise<number>;
}
