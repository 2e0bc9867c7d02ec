import { LoggerService } from '@backstage/backend-plugin-api';
import { ChangeType, DeployCallback } from '@internal/plugin-delivery-common';

/** One deploy as a driver sees it. */
export type DriverDeployment = {
  /** Stable id of the deploy: the idempotency key for the driver's side effects. */
  id: string;
  /** Entity ref of the service, e.g. `component:default/payments-api`. */
  service: string;
  environment: string;
  production: boolean;
  version: string;
  /** The version running in the environment before this deploy, when known. */
  previousVersion?: string;
  changeType: ChangeType;
  commitSha?: string;
  /** Entity ref of the user (or service) who requested the deploy, when known. */
  requestedBy?: string;
};

export type DeployContext = {
  deployment: DriverDeployment;
  /**
   * Where the driver's external system reports status, signed (see `signBody`):
   * `POST <callbackUrl>` with a `DeployCallback` body.
   */
  callbackUrl: string;
  /** A line in the deploy's live log (shown to users; never put a secret here). */
  log(message: string): Promise<void>;
  logger: LoggerService;
};

/**
 * What a deploy call gives back: a final outcome, or `pending` when the external system
 * finishes later and reports through the signed status callback.
 */
export type DeployResult =
  | { status: 'succeeded' | 'failed'; message?: string }
  | { status: 'pending'; message?: string };

/** A status callback request, as the delivery backend received it. */
export type CallbackRequest = {
  headers: Record<string, string | string[] | undefined>;
  /** The exact bytes received: signatures are computed over them. */
  rawBody: Buffer;
};

/**
 * Carries a deploy out (GitOps commit, CI/CD pipeline call, ...). `deploy` MUST be idempotent:
 * after a crash or a retry the delivery backend calls it again with the same deployment id, and
 * the driver must not start a second rollout of it (send the id as the idempotency key).
 */
export interface DeployDriver {
  /** Driver id, referenced from `delivery.environments[].driver`, e.g. `webhook`, `gitops`. */
  readonly id: string;
  deploy(context: DeployContext): Promise<DeployResult>;
  /**
   * Verifies a status callback for one of this driver's deploys and returns the reported status;
   * throws AuthenticationError when the signature is missing or wrong. Drivers that always
   * finish inside `deploy` may leave it out (their callbacks are refused).
   */
  verifyCallback?(request: CallbackRequest): Promise<DeployCallback>;
}
