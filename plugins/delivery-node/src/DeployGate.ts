import { BackstageCredentials } from '@backstage/backend-plugin-api';

export type GateContext = {
  service: string;
  environment: string;
  production: boolean;
  version: string;
  /** Who asked for the deploy. */
  credentials: BackstageCredentials;
};

/** A gate either lets a deploy go, or holds it until someone with the approve permission approves. */
export type GateDecision =
  | { result: 'allow'; reason?: string }
  | { result: 'approval-required'; reason: string };

/**
 * Decides whether a deploy needs an approval before it runs (the default: production deploys of
 * services whose readiness is below a configured level). All registered gates are asked; any
 * `approval-required` holds the deploy.
 */
export interface DeployGate {
  readonly id: string;
  evaluate(context: GateContext): Promise<GateDecision>;
}
