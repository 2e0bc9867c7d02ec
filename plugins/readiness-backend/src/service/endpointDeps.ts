import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { AuthorizedReadinessService } from '../services/AuthorizedReadinessService';

/** What every endpoint file gets. */
export type EndpointDeps = {
  service: AuthorizedReadinessService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
};

export { audited } from '@internal/backend-common';
