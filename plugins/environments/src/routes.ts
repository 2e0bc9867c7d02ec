import {
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

/** The environments page (`/environments` unless configured otherwise). */
export const rootRouteRef = createRouteRef();

/** The platform team's fleet view. */
export const fleetRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/fleet',
});

/** One environment's page, by id (the API addresses environments by id; names are reused). */
export const environmentRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/:id',
});
