import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { CheckDefinition } from '@internal/plugin-readiness-common';
import { FactProvider } from './FactProvider';

export interface ReadinessFactProvidersExtensionPoint {
  addFactProvider(...providers: FactProvider[]): void;
}

/** Lets modules (environments, delivery, a team's own) feed facts into readiness. */
export const readinessFactProvidersExtensionPoint =
  createExtensionPoint<ReadinessFactProvidersExtensionPoint>({
    id: 'readiness.fact-providers',
  });

export interface ReadinessChecksExtensionPoint {
  /** Checks defined in code, validated like checks from YAML. */
  addChecks(...checks: CheckDefinition[]): void;
}

export const readinessChecksExtensionPoint =
  createExtensionPoint<ReadinessChecksExtensionPoint>({
    id: 'readiness.checks',
  });
