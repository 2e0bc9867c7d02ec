import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { Request } from 'express';
import { AuthorizedEnvironmentsService } from '../services/AuthorizedEnvironmentsService';

/** What every endpoint file gets. */
export type EndpointDeps = {
  service: AuthorizedEnvironmentsService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
};

/** The caller's credentials: a signed-in user or a service; anything else is a 401. */
export function callerOf(
  httpAuth: HttpAuthService,
  request: Request<any, any, any, any>,
): Promise<BackstageCredentials> {
  return httpAuth.credentials(request, { allow: ['user', 'service'] });
}

export { audited } from '@internal/backend-common';
