import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';
import { AuthorizedDeliveryService } from '../services/AuthorizedDeliveryService';
import { WebhookSource } from '../services/settings';

/** What every endpoint file gets. */
export type EndpointDeps = {
  service: AuthorizedDeliveryService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  webhookSecrets: Partial<Record<WebhookSource, string>>;
};

/** The caller's credentials: a signed-in user or a service; anything else is a 401. */
export function callerOf(
  httpAuth: HttpAuthService,
  request: Request,
): Promise<BackstageCredentials> {
  return httpAuth.credentials(request, { allow: ['user', 'service'] });
}

/** Runs a mutating action as an audit event: who, what, on which target, and the outcome. */
export async function audited<T>(
  auditor: AuditorService,
  request: Request,
  eventId: string,
  meta: JsonObject,
  run: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId,
    severityLevel: 'medium',
    request,
    meta,
  });
  try {
    const result = await run();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
