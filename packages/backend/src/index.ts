import { createBackend } from '@backstage/backend-defaults';
import { startAfterSettingsCheck } from './settings/startAfterSettingsCheck';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
// Carries events between plugins and, through the shared database, between replicas.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: guest for local use, OIDC in production (see app-config.production.yaml).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
// Reports catalog processing errors (e.g. a malformed file in a location): in the log, and
// through /api/catalog/entities/unprocessed/failed for the "Unprocessed entities" page.
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// runway:environment:create / :extend / :teardown, calling /api/environments as the user.
backend.add(import('@internal/plugin-scaffolder-backend-module-environments'));
// runway:delivery:deploy / :rollback / :promote, calling /api/delivery as the user.
backend.add(import('@internal/plugin-scaffolder-backend-module-delivery'));

backend.add(import('@backstage/plugin-techdocs-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
// Runway's policy: owners act on what their team owns, the platform team (permission.runway)
// manages, approves and overrides, everyone else reads.
backend.add(import('@internal/plugin-permission-backend-module-runway'));

backend.add(import('@backstage/plugin-search-backend'));
// Postgres full-text search in production; falls back to in-memory Lunr on SQLite.
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Runway: readiness scorecards for the six platform capabilities.
backend.add(import('@internal/plugin-readiness-backend'));
// Runway: self-service environments (classes, provisioning lifecycle, expiry, quotas, approvals).
// Resource drivers beyond `config` come from environments-backend-module-<driver> packages.
backend.add(import('@internal/plugin-environments-backend'));
// A database and login role per environment on a configured PostgreSQL server.
backend.add(import('@internal/plugin-environments-backend-module-postgres'));
// The environment's Kubernetes manifests committed to a GitOps repository under envs/<name>/.
backend.add(import('@internal/plugin-environments-backend-module-gitops'));
// Runway: deploys, delivery events (batch API, signed webhooks, JUnit) and DORA metrics.
backend.add(import('@internal/plugin-delivery-backend'));
// The gitops deploy driver: a deploy is one commit under apps/<service>/<environment>/.
backend.add(import('@internal/plugin-delivery-backend-module-gitops'));
// Delivery facts (deploy frequency, lead time, time to restore, ...) for readiness scorecards.
backend.add(import('@internal/plugin-readiness-backend-module-delivery'));

// Exposes registered actions to AI agents over MCP.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Refuses to start, naming the key, when a required setting is missing or invalid.
startAfterSettingsCheck(backend);
