/**
 * The lifecycle of an environment:
 *
 * ```
 * requested ──> awaiting-approval ──> provisioning ──> ready ──> tearing-down ──> torn-down
 *     │               │    └─> rejected      │                        ^
 *     └───────────────┼──────────────────────┤ (a resource fails:     │
 *                     │                      └─ rolled back) ─> failed ┘ (tear down leftovers)
 * ```
 *
 * `rejected` is the end of a request the platform team turned down (nothing was created).
 */
export const ENVIRONMENT_STATUSES = [
  'requested',
  'awaiting-approval',
  'provisioning',
  'ready',
  'failed',
  'tearing-down',
  'torn-down',
  'rejected',
] as const;

export type EnvironmentStatus = (typeof ENVIRONMENT_STATUSES)[number];

/** Statuses that count against a team's quota: the environment exists or is about to. */
export const ACTIVE_ENVIRONMENT_STATUSES: readonly EnvironmentStatus[] = [
  'requested',
  'awaiting-approval',
  'provisioning',
  'ready',
  'tearing-down',
];

/** Statuses in which the environment's record is final and nothing of it exists. */
export const ENDED_ENVIRONMENT_STATUSES: readonly EnvironmentStatus[] = [
  'torn-down',
  'rejected',
];

export const RESOURCE_STATUSES = [
  'pending',
  'provisioning',
  'ready',
  'failed',
  'tearing-down',
  'torn-down',
] as const;

export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** One resource of an environment (a database, a GitOps namespace, config values). */
export type EnvironmentResource = {
  /** Unique in its environment, from the class, e.g. `db`. */
  name: string;
  /** Resource type, realised by the driver of the same type, e.g. `postgres`. */
  type: string;
  status: ResourceStatus;
  /** Effective parameters: the class's defaults with what the requester set. */
  parameters: Record<string, unknown>;
  /** What the resource exposes to everyone who may read the environment (host, URLs). */
  outputs: Record<string, string>;
  /**
   * Credentials (passwords): only in responses to the environment's owners and the
   * platform team, never in lists.
   */
  secrets?: Record<string, string>;
  /** The driver's message when provisioning or teardown of this resource failed. */
  error?: string;
};

export type ApprovalDecision = {
  decision: 'approved' | 'rejected';
  decidedBy: string;
  decidedAt: string;
  reason?: string;
};

export type Environment = {
  id: string;
  /** DNS label (lowercase letters, digits, '-'), at most 40 characters; drivers derive names from it. */
  name: string;
  /** Environment class id, e.g. `preview`. */
  className: string;
  /** Entity ref of the owning group (or user), e.g. `group:default/payments-team`. */
  owner: string;
  /** Entity ref of the component the environment serves, when it serves one. */
  component?: string;
  /** Scaffolder template the environment was created from, when it was. */
  template?: string;
  status: EnvironmentStatus;
  /** Why the environment is in its status, e.g. the driver's error when `failed`. */
  statusMessage?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  approval?: ApprovalDecision;
  resources: EnvironmentResource[];
};

/** Environment without per-resource detail, as list responses carry it. */
export type EnvironmentSummary = Omit<Environment, 'resources'> & {
  resources: Array<Pick<EnvironmentResource, 'name' | 'type' | 'status'>>;
};

export type EnvironmentEventKind = 'status' | 'log' | 'error';

/** One line of an environment's live log; ids increase, so `?after=<id>` follows the log. */
export type EnvironmentEvent = {
  id: number;
  environmentId: string;
  at: string;
  kind: EnvironmentEventKind;
  /** The resource the line is about, when it is about one. */
  resource?: string;
  /** The environment's status after this event, for `status` events. */
  status?: EnvironmentStatus;
  message: string;
};

export const AUDIT_ACTIONS = [
  'create',
  'approve',
  'reject',
  'extend',
  'teardown',
  'provisioned',
  'provisioning-failed',
  'torn-down',
  'teardown-failed',
  'expired',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did what, when, to which environment, with the outcome. */
export type AuditRecord = {
  id: number;
  at: string;
  environmentId: string;
  environmentName: string;
  owner: string;
  /** User entity ref, or `runway:environments` for the engine's own steps (reaper, rollback). */
  actor: string;
  action: AuditAction;
  outcome: 'succeeded' | 'failed';
  message?: string;
};
