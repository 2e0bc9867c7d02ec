import { mockServices } from '@backstage/backend-test-utils';
import {
  DeployContext,
  DriverDeployment,
} from '@internal/plugin-delivery-node';

/** A deploy as the delivery backend hands it to a driver, with its live log recorded. */
export function deployContext(
  deployment: Partial<DriverDeployment> & { id: string; version: string },
): DeployContext & { lines: string[] } {
  const lines: string[] = [];
  return {
    deployment: {
      service: 'component:default/payments-api',
      environment: 'staging',
      production: false,
      changeType: 'planned',
      requestedBy: 'user:default/ana',
      ...deployment,
    },
    callbackUrl: 'http://localhost/api/delivery/deploys/x/callback',
    log: async line => {
      lines.push(line);
    },
    logger: mockServices.logger.mock(),
    lines,
  };
}
