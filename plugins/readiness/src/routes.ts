import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The plugin's page; the sidebar lists a page only when it has a route ref. */
export const rootRouteRef = createRouteRef();
