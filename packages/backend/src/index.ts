import { createBackend } from '@backstage/backend-defaults';
import { auditorServiceFactory } from '@internal/plugin-audit-backend';
import { databaseServiceFactory } from './database/databaseServiceFactory';
import { rootHttpRouterFactory } from './http/rootHttpRouter';
import { startAfterSettingsCheck } from './settings/startAfterSettingsCheck';

const backend = createBackend();

// Backstage's HTTP defaults, with a request id on every response and error bodies that never
// carry a stack trace or a server error's own message (SQL, paths): that goes to the log.
backend.add(rootHttpRouterFactory);

// Backstage's database service, with SQLite in write-ahead-log mode (see the factory).
backend.add(databaseServiceFactory);

// Every plugin's audit events (Runway's and Backstage's) are logged as before and also kept in
// the audit trail the platform team queries at /api/audit (docs/audit.md).
backend.add(auditorServiceFactory);
backend.add(import('@internal/plugin-audit-backend'));

backend.add(import('@backstage/plugin-app-backend'));
// Carries events between plugins and, through the shared database, between replicas.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in. In production OIDC with Runway's resolver (a catalog User by email, else refused);
// it replaces @backstage/plugin-auth-backend-module-oidc-provider, which registers the same
// provider id. For `make start`, devUser: one chooses which example user to be (the backend
// refuses to start with it outside local development).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@internal/plugin-auth-backend-module-runway-sign-in'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
// Reports catalog processing errors (e.g. a malformed file in a location): in the log, and
// through /api/catalog/entities/unprocessed/failed for the "Unprocessed entities" page.
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));
// Ownership problems (unresolvable owner, group without members, malformed on-call or escalation)
// as runway.dev/ownership status items on each entity (docs/ownership.md).
backend.add(import('@internal/plugin-catalog-backend-module-ownership'));

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
// Runway: the ownership report (teams, orphaned services, teams of one, on-call gaps, CSV).
backend.add(import('@internal/plugin-ownership-backend'));

// Exposes registered actions to AI agents over MCP.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Refuses to start, naming the key, when a required setting is missing or invalid. A plugin
// that fails to start (say, the development sign-in configured in production) stops the
// process: Backstage only logs the failure and would keep running, serving nothing.
startAfterSettingsCheck(backend).catch(error => {
  process.stderr.write(`Runway cannot start: ${error?.message ?? error}\n`);
  process.exit(1);
});
