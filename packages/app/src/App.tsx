import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';
import readinessPlugin from '@internal/plugin-readiness';
import environmentsPlugin from '@internal/plugin-environments';
import deliveryPlugin from '@internal/plugin-delivery';
import ownershipPlugin from '@internal/plugin-ownership';
import auditPlugin from '@internal/plugin-audit';

// Other plugins are discovered from this package's dependencies (app.packages: all).
export default createApp({
  features: [
    catalogPlugin,
    navModule,
    homeModule,
    signInModule,
    readinessPlugin,
    environmentsPlugin,
    deliveryPlugin,
    ownershipPlugin,
    auditPlugin,
  ],
});
