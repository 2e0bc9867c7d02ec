import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { EnvironmentClassInput } from '@internal/plugin-environments-common';
import { ResourceDriver } from '@internal/plugin-environments-node';
import { ClassRegistry } from '../classes/ClassRegistry';
import { DatabaseEnvironmentStore } from '../database/DatabaseEnvironmentStore';
import { DatabaseEventStore } from '../database/DatabaseEventStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { ConfigDriver } from '../drivers/ConfigDriver';
import { SecretBox } from '../lib/SecretBox';
import { EnvironmentReaper } from '../services/EnvironmentReaper';
import { EnvironmentsService } from '../services/EnvironmentsService';
import { ProvisioningEngine } from '../services/ProvisioningEngine';
import { RecordingDriver } from './RecordingDriver';

export const TEST_KEY = 'test-encryption-key-0123456789abcdef';

/** A class with config, two test resources, and room for 3 environments per team. */
export const previewClass: EnvironmentClassInput = {
  id: 'preview',
  title: 'Preview',
  ttl: { defaultHours: 24, maxHours: 72 },
  quota: { activePerTeam: 3 },
  resources: [
    {
      name: 'config',
      type: 'config',
      parameters: { values: { LOG_LEVEL: 'info' }, secrets: ['API_TOKEN'] },
      settable: { values: { type: 'string-map', maxEntries: 10 } },
    },
    {
      name: 'db',
      type: 'test',
      parameters: { size: 10 },
      settable: { size: { type: 'integer', min: 1, max: 500 } },
    },
    { name: 'app', type: 'test' },
  ],
};

export const sandboxClass: EnvironmentClassInput = {
  id: 'sandbox',
  title: 'Sandbox',
  ttl: { defaultHours: 48, maxHours: 96 },
  approval: { required: true },
  resources: [{ name: 'db', type: 'test' }],
};

/** A controllable clock. */
export class TestClock {
  constructor(public time = new Date(Date.UTC(2026, 10, 24, 12))) {}
  now = () => new Date(this.time);
  advance(ms: number) {
    this.time = new Date(this.time.getTime() + ms);
  }
}

/** Everything the engine and services need, on a real database (SQLite unless told). */
export async function createHarness(
  databases: TestDatabases,
  options: {
    databaseId?: Parameters<TestDatabases['init']>[0];
    classes?: EnvironmentClassInput[];
    driver?: RecordingDriver;
    clock?: TestClock;
  } = {},
) {
  const knex = await databases.init(options.databaseId ?? 'SQLITE_3');
  await applyDatabaseMigrations(knex);
  const clock = options.clock ?? new TestClock();
  const driver = options.driver ?? new RecordingDriver();
  const drivers = new Map<string, ResourceDriver>([
    ['config', new ConfigDriver()],
    [driver.type, driver],
  ]);
  const logger = mockServices.logger.mock();
  const store = new DatabaseEnvironmentStore(knex);
  const events = new DatabaseEventStore(knex);
  const box = new SecretBox(TEST_KEY);
  const classes = new ClassRegistry({
    configured: () => options.classes ?? [previewClass, sandboxClass],
    files: () => [],
    drivers,
    logger,
  });
  classes.reload();
  const engineFor = (workerId: string) =>
    new ProvisioningEngine({
      store,
      events,
      drivers,
      box,
      logger,
      now: clock.now,
      workerId,
      leaseMs: 60_000,
    });
  const engine = engineFor('worker-1');
  const service = new EnvironmentsService({
    classes,
    drivers,
    store,
    events,
    engine,
    now: clock.now,
  });
  const sent: Array<{ recipients: unknown; payload: { title: string } }> = [];
  const reaper = new EnvironmentReaper({
    store,
    events,
    engine,
    notifications: { send: async n => void sent.push(n as any) },
    logger,
    now: clock.now,
  });
  return {
    knex,
    clock,
    driver,
    drivers,
    store,
    events,
    box,
    classes,
    engine,
    engineFor,
    service,
    reaper,
    notificationsSent: sent,
    logger,
  };
}

export const request = (patch: Record<string, unknown> = {}) => ({
  className: 'preview',
  owner: 'group:default/payments-team',
  parameters: {},
  ...patch,
});
