import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The delivery page (`/delivery` unless configured otherwise); a nav item needs a route ref. */
export const rootRouteRef = createRouteRef();
