import { HttpAuthService } from '@backstage/backend-plugin-api';
import { AuthorizedOwnershipService } from '../services/AuthorizedOwnershipService';

/** What every endpoint file gets. */
export type EndpointDeps = {
  service: AuthorizedOwnershipService;
  httpAuth: HttpAuthService;
};
