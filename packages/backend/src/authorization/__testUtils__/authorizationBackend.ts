import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import { postgresConnectionForTests } from '@internal/testing';
import auditPlugin, {
  auditorServiceFactory,
} from '@internal/plugin-audit-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import runwayPolicy from '@internal/plugin-permission-backend-module-runway';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import signalsPlugin from '@backstage/plugin-signals-backend';
import readinessPlugin from '@internal/plugin-readiness-backend';
import environmentsPlugin from '@internal/plugin-environments-backend';
import deliveryPlugin from '@internal/plugin-delivery-backend';
import deliveryGitops from '@internal/plugin-delivery-backend-module-gitops';

import { JsonObject } from '@backstage/types';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { catalogMembershipUserInfo } from './catalogMembershipUserInfo';
import { oboAwareMockAuth } from './oboAwareMockAuth';

const root = path.resolve(__dirname, '../../../../..');
const example = (file: string) => path.join(root, 'examples', file);

/** Where the plugins' databases are, so a test can read rows the way the plugins wrote them. */
type Databases = {
  forPlugin(pluginId: string): Knex;
  destroy(): Promise<void>;
};

/** One connection per plugin database, opened on first use and kept in `opened`. */
function cached(opened: Knex[], open: (pluginId: string) => Knex) {
  const byPlugin = new Map<string, Knex>();
  return (pluginId: string) => {
    let db = byPlugin.get(pluginId);
    if (!db) {
      db = open(pluginId);
      byPlugin.set(pluginId, db);
      opened.push(db);
    }
    return db;
  };
}

function databases(kind?: 'postgres' | 'sqlite'): {
  config: object;
  open: () => Promise<Databases>;
} {
  const pg = kind === 'sqlite' ? undefined : postgresConnectionForTests();
  if (kind === 'postgres' && !pg)
    throw new Error('PostgreSQL was asked for, and no test connection is set');
  if (pg) {
    // One database per plugin under a prefix of this run, dropped afterwards.
    const prefix = `runway_authz_${process.pid}_${Date.now()}_`;
    const opened: Knex[] = [];
    const admin = () =>
      knexFactory({
        client: 'pg',
        connection: `${pg.replace(/\/$/, '')}/postgres`,
      });
    return {
      // Small pools: ten plugins share the server's connections with other test files.
      config: {
        client: 'pg',
        connection: pg,
        prefix,
        knexConfig: { pool: { min: 0, max: 3 } },
      },
      open: async () => ({
        forPlugin: cached(opened, pluginId => {
          const db = knexFactory({
            client: 'pg',
            connection: `${pg.replace(/\/$/, '')}/${prefix}${pluginId}`,
            pool: { min: 0, max: 1 },
          });
          return db;
        }),
        async destroy() {
          await Promise.all(opened.map(db => db.destroy()));
          const db = admin();
          const { rows } = await db.raw(
            'select datname from pg_database where datname like ?',
            [`${prefix}%`],
          );
          for (const { datname } of rows) {
            await db.raw('drop database if exists ?? with (force)', [datname]);
          }
          await db.destroy();
        },
      }),
    };
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'runway-authz-'));
  const opened: Knex[] = [];
  return {
    config: { client: 'better-sqlite3', connection: { directory } },
    open: async () => ({
      forPlugin: cached(opened, pluginId =>
        knexFactory({
          client: 'better-sqlite3',
          connection: { filename: path.join(directory, `${pluginId}.sqlite`) },
          useNullAsDefault: true,
        }),
      ),
      async destroy() {
        await Promise.all(opened.map(db => db.destroy()));
        fs.rmSync(directory, { recursive: true, force: true });
      },
    }),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function merged(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const was = out[key];
    out[key] = isObject(was) && isObject(value) ? merged(was, value) : value;
  }
  return out;
}

/**
 * The backend with every Runway plugin and Backstage's permission backend running Runway's
 * policy, on real databases, the example organisation's catalog and a GitOps repository on disk.
 * Identities are test tokens (`mockCredentials`); what the policy knows about them (the user's
 * groups) comes from the real catalog.
 */
export async function startAuthorizationBackend(
  options: {
    visibility?: 'organisation' | 'owners';
    /** The database to run on; by default PostgreSQL where tests have it, else SQLite. */
    database?: 'postgres' | 'sqlite';
    /** Settings merged over the matrix's (objects merged, other values replaced). */
    config?: Record<string, unknown>;
    /** More backend features (e.g. the HTTP actions registry). */
    features?: Parameters<typeof startTestBackend>[0]['features'];
  } = {},
) {
  const db = databases(options.database);
  const gitops = fs.mkdtempSync(path.join(os.tmpdir(), 'runway-authz-git-'));
  execFileSync('git', ['init', '-q', '-b', 'main', gitops]);
  const config = {
    app: { baseUrl: 'http://localhost:3000' },
    backend: { database: db.config },
    runway: { platformTeam: 'group:default/platform-team' },
    permission: {
      enabled: true,
      runway: { visibility: options.visibility ?? 'organisation' },
    },
    catalog: {
      rules: [
        { allow: ['Component', 'System', 'API', 'Resource', 'Location'] },
      ],
      locations: [
        {
          type: 'file',
          target: example('org/groups.yaml'),
          rules: [{ allow: ['Group'] }],
        },
        {
          type: 'file',
          target: example('org/users.yaml'),
          rules: [{ allow: ['User'] }],
        },
        { type: 'file', target: example('systems/payments.yaml') },
        { type: 'file', target: example('systems/search.yaml') },
      ],
    },
    environments: {
      encryptionKey: 'authorization-matrix-test-key-0123456789abcdef',
      classes: [
        {
          id: 'sandbox',
          title: 'Sandbox',
          ttl: { defaultHours: 24, maxHours: 96 },
          resources: [
            {
              name: 'config',
              type: 'config',
              parameters: { values: { A: '1' } },
            },
          ],
        },
        {
          id: 'reviewed',
          title: 'Reviewed',
          ttl: { defaultHours: 24, maxHours: 96 },
          approval: { required: true },
          resources: [{ name: 'config', type: 'config' }],
        },
      ],
    },
    delivery: {
      webhooks: { secret: 'authorization-matrix-webhook-secret-0123456789' },
      environments: [
        { name: 'dev', tier: 'development', driver: 'gitops' },
        { name: 'staging', tier: 'staging', driver: 'gitops' },
        { name: 'prod', tier: 'production', driver: 'gitops' },
      ],
      drivers: { gitops: { localPath: gitops } },
      // Below gold (every example service) a production deploy waits for an approval.
      gates: { readiness: { minimumLevel: 'gold' } },
      // Production is always frozen here, so overriding a freeze is exercised on every run.
      freezeWindows: [
        {
          name: 'always',
          tiers: ['production'],
          timeZone: 'UTC',
          days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
          start: '00:00',
          end: '23:59',
        },
      ],
    },
  };
  const backend = await startTestBackend({
    features: [
      ...(options.features ?? []),
      catalogPlugin,
      permissionPlugin,
      runwayPolicy,
      notificationsPlugin,
      signalsPlugin,
      auditPlugin,
      readinessPlugin,
      environmentsPlugin,
      deliveryPlugin,
      deliveryGitops,
      mockServices.rootConfig.factory({
        data: merged(config, options.config ?? {}) as JsonObject,
      }),
      databaseServiceFactory,
      permissionsServiceFactory,
      permissionsRegistryServiceFactory,
      auditorServiceFactory,
      catalogMembershipUserInfo,
      oboAwareMockAuth,
      // The real HTTP auth, so requests are authenticated by the auth service above.
      httpAuthServiceFactory,
    ],
  });
  const opened = await db.open();
  return {
    api: request(backend.server),
    db: opened,
    gitops,
    async stop() {
      await backend.stop();
      await opened.destroy();
      fs.rmSync(gitops, { recursive: true, force: true });
    },
  };
}
