import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { Request } from 'express';
import { AuthorizedDeliveryService } from '../services/AuthorizedDeliveryService';
import { TokenSource, WebhookSource } from '../services/settings';

/** What every endpoint file gets. */
export type EndpointDeps = {
  service: AuthorizedDeliveryService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  webhookSecrets: Partial<Record<WebhookSource, string>>;
  webhookTokens: Partial<Record<TokenSource, string>>;
  /** delivery.junit.maxMegabytes, in bytes. */
  junitMaxBytes: number;
};

/**
 * The caller's credentials: a signed-in user or a service; anything else is a 401. Any request:
 * the OpenAPI router types a query by its spec (numbers, not only strings).
 */
export function callerOf(
  httpAuth: HttpAuthService,
  request: Request<any, any, any, any>,
): Promise<BackstageCredentials> {
  return httpAuth.credentials(request, { allow: ['user', 'service'] });
}

export { audited } from '@internal/backend-common';
