import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Ownership } from '@internal/backend-common';
import { DeployGate } from '@internal/plugin-delivery-node';
import { claimsUserInfo } from '@internal/testing';
import { DatabaseDeploymentStore } from '../database/DatabaseDeploymentStore';
import { DatabaseIngestStore } from '../database/DatabaseIngestStore';
import { GroupCommitIngestStore } from '../database/GroupCommitIngestStore';
import { DatabaseMetricsStore } from '../database/DatabaseMetricsStore';
import { DatabaseServiceStateStore } from '../database/DatabaseServiceStateStore';
import { DatabaseTimelineStore } from '../database/DatabaseTimelineStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { DeployService } from '../services/DeployService';
import { IngestService } from '../services/IngestService';
import { MetricsService } from '../services/MetricsService';
import { MetricsTimeline } from '../services/MetricsTimeline';
import { ServiceEnvironments } from '../services/ServiceEnvironments';
import { ServiceCatalog } from '../services/ServiceCatalog';
import { readSettings } from '../services/settings';
import { RecordingDriver } from './RecordingDriver';

export const team = (name: string, members: string[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: members.map(m => ({
    type: 'hasMember',
    targetRef: `user:default/${m}`,
  })),
});

export const user = (name: string, groups: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf: groups },
  relations: groups.map(g => ({
    type: 'memberOf',
    targetRef: `group:default/${g}`,
  })),
});

export const component = (
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
});

/** The example organisation of the delivery tests. */
export const ENTITIES: Entity[] = [
  team('payments-team', ['ana']),
  team('platform-team', ['pat']),
  user('ana', ['payments-team']),
  user('pat', ['platform-team']),
  user('ben', []),
  component('payments-api', 'payments-team', {
    'github.com/project-slug': 'skyline/payments-api',
    'runway.dev/deploy-path': 'dev,staging,prod',
  }),
  component('search-api', 'platform-team'),
];

export const SECRET = 'test-webhook-secret-0123456789';

export const PLATFORM_TEAM = 'group:default/platform-team';

/** Each user's groups, as sign-in issues them from the catalog as ownership claims. */
export function claimsOf(entities: Entity[]): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const e of entities.filter(x => x.kind === 'User'))
    groups[`user:default/${e.metadata.name}`] = (e.relations ?? [])
      .filter(r => r.type === 'memberOf')
      .map(r => r.targetRef);
  return groups;
}

export const CONFIG = {
  runway: { platformTeam: PLATFORM_TEAM },
  delivery: {
    webhooks: { secret: SECRET },
    environments: [
      { name: 'dev', tier: 'development', driver: 'recording' },
      { name: 'staging', tier: 'staging', driver: 'recording' },
      { name: 'prod', tier: 'production', driver: 'recording' },
    ],
    freezeWindows: [
      {
        name: 'friday-afternoon',
        tiers: ['production'],
        timeZone: 'Europe/Berlin',
        days: ['fri'],
        start: '15:00',
        end: '23:59',
      },
    ],
  },
};

/** A clock from a Tuesday morning (outside the Friday freeze), a second further each call. */
function tick() {
  let at = Date.parse('2026-12-01T10:00:00Z');
  return () => new Date((at += 1000));
}

/** Stores and services over a real database, with the catalog from ENTITIES. */
export async function createHarness(
  databases: TestDatabases,
  id: string,
  options: {
    now?: () => Date;
    gates?: DeployGate[];
    /** delivery.* settings over CONFIG's. */
    delivery?: Record<string, unknown>;
    /** Catalog entities besides ENTITIES. */
    entities?: Entity[];
  } = {},
) {
  const knex = await databases.init(id as any);
  await applyDatabaseMigrations(knex);
  const config = mockServices.rootConfig({
    data: { delivery: { ...CONFIG.delivery, ...options.delivery } },
  });
  const settings = readSettings(config);
  const catalog = new ServiceCatalog(
    catalogServiceMock({
      entities: [...ENTITIES, ...(options.entities ?? [])],
    }),
    mockServices.auth(),
  );
  const ingest = new IngestService(
    new GroupCommitIngestStore(
      new DatabaseIngestStore(knex, {
        attributionHours: settings.incidentAttributionHours,
      }),
    ),
    catalog,
    settings,
    options.now ?? tick(),
  );
  const metrics = new MetricsService(
    new DatabaseMetricsStore(knex),
    catalog,
    settings.tiers,
    settings.stageMinimumSample,
  );
  const driver = new RecordingDriver();
  const store = new DatabaseDeploymentStore(knex);
  const deploys = new DeployService({
    store,
    services: catalog,
    settings,
    platformTeam: PLATFORM_TEAM,
    drivers: new Map([[driver.id, driver]]),
    gates: options.gates ?? [],
    callbackBaseUrl: async () => 'http://localhost:7007/api/delivery',
    logger: mockServices.logger.mock(),
    now: options.now ?? tick(),
  });
  const views = {
    timeline: new MetricsTimeline(new DatabaseTimelineStore(knex), metrics),
    environments: new ServiceEnvironments({
      store: new DatabaseServiceStateStore(knex),
      services: catalog,
      settings,
      platformTeam: PLATFORM_TEAM,
      now: options.now ?? tick(),
    }),
  };
  /** Waits until `test` holds (deploys run in the background); fails with `failure()`. */
  const eventually = async (
    test: () => Promise<boolean>,
    failure: () => Promise<string>,
  ) => {
    for (let i = 0; i < 200; i++) {
      if (await test()) return;
      await new Promise(r => setTimeout(r, 20));
    }
    throw new Error(await failure());
  };
  /** Waits until a deploy reaches a status. */
  const settled = async (deploymentId: string, status: string) => {
    await eventually(
      async () => (await store.get(deploymentId))?.status === status,
      async () =>
        `deploy ${deploymentId} is ${
          (
            await store.get(deploymentId)
          )?.status
        }, not ${status}`,
    );
    return (await store.get(deploymentId))!;
  };
  return {
    knex,
    settings,
    ownership: new Ownership(
      PLATFORM_TEAM,
      claimsUserInfo(claimsOf([...ENTITIES, ...(options.entities ?? [])])),
    ),
    catalog,
    ingest,
    metrics,
    deploys,
    views,
    driver,
    store,
    settled,
    eventually,
  };
}
