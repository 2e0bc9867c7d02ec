import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The audit trail page (`/audit` unless configured otherwise); a nav item needs a route ref. */
export const rootRouteRef = createRouteRef();
