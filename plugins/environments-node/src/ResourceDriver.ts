import { LoggerService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

/** The environment a resource belongs to, as a driver sees it. */
export type DriverEnvironment = {
  /** Stable id of the environment record. */
  id: string;
  /**
   * Unique, DNS-1123 label safe (lowercase letters, digits and '-', at most 40 characters):
   * drivers derive their own names from it (database, role, namespace, envs/<name>/).
   */
  name: string;
  /** Environment class id, e.g. `preview`. */
  className: string;
  /** Entity ref of the owning group, e.g. `group:default/payments-team`. */
  owner: string;
  /** Entity ref of the component the environment serves, when it serves one. */
  component?: string;
  /** When the environment expires (ISO 8601). */
  expiresAt: string;
  /**
   * The environment's plain (non-secret) configuration values, from its `config` resources.
   * Secret values never appear here.
   */
  config: Record<string, string>;
};

/** What one call of provision or teardown gets. */
export type DriverContext = {
  environment: DriverEnvironment;
  /** The resource's name inside its environment (unique per environment), e.g. `db`. */
  resourceName: string;
  /** Parameters, already validated with the driver's validateParameters and the class. */
  parameters: JsonObject;
  /**
   * What this driver checkpointed for this resource on an earlier attempt (a backend killed
   * mid-way, a retry), or undefined on the first attempt. Stored encrypted at rest.
   */
  state: JsonObject | undefined;
  /**
   * Checkpoints driver state durably BEFORE the side effect it describes (e.g. a generated
   * password before CREATE ROLE), so a resumed attempt can finish or undo the same work.
   */
  saveState(state: JsonObject): Promise<void>;
  /** A line in the environment's live log (shown to users; never put a secret here). */
  log(message: string): Promise<void>;
  logger: LoggerService;
};

/** What a provisioned resource exposes. */
export type ProvisionResult = {
  /** Shown to everyone who may read the environment (host, port, database name, URLs). */
  outputs: Record<string, string>;
  /** Encrypted at rest, never logged, shown only to the environment's owners (passwords). */
  secrets?: Record<string, string>;
};

/**
 * Realises one resource type. Both operations MUST be idempotent: the environments backend
 * calls them again with the saved state after a crash or a retry, so provision finishes or
 * repeats work without duplicating it (no second database, no second identical commit) and
 * teardown treats an already-absent resource as done.
 */
export interface ResourceDriver {
  /** Resource type this driver realises, e.g. `postgres`, `gitops`, `config`. */
  readonly type: string;
  /** One line shown to the platform team next to the type. */
  readonly description: string;
  /**
   * Problems with a resource's parameters as `field: problem` strings (empty when valid), e.g.
   * `parameters.extensions[0]: "pg_crypto" is not an allowed extension`. Called when a class
   * is loaded (for its defaults) and for every create request.
   */
  validateParameters(parameters: JsonObject): string[];
  provision(context: DriverContext): Promise<ProvisionResult>;
  teardown(context: DriverContext): Promise<void>;
}
