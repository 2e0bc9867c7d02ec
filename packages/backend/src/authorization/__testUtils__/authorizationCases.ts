import { mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';

/** The matrix's roles: a service owner, a member of another team, a platform engineer, CI. */
export const users = {
  owner: 'user:default/maria.silva', // payments-team, which owns payments-api
  other: 'user:default/daniel.kim', // search-team
  platform: 'user:default/alex.moreno', // platform-team
};
export type Role = keyof typeof users | 'service';
export const ROLES: Role[] = ['owner', 'other', 'platform', 'service'];
export const SERVICE = 'component:default/payments-api';

export type Request = {
  method: 'post' | 'delete' | 'get';
  path: string;
  body?: object | string;
  type?: string;
};
export type Case = {
  action: string;
  allowed: Role[];
  request: (role: Role) => Request;
  /** The rows the action would change; a denied request must leave them equal. */
  state?: () => Promise<unknown>;
  /** Roles not tried (e.g. a service principal for a user-only flow). */
  skip?: Role[];
  /** Makes what the action acts on, before the roles try it. */
  setup?: () => Promise<void>;
};

export const header = (role: Role) =>
  role === 'service'
    ? mockCredentials.service.header()
    : mockCredentials.user.header(users[role]);

/** What the setup made for the cases to act on. */
export const fixtures = {
  environment: '',
  pendingApprove: '',
  pendingReject: '',
  exemption: '',
  checks: [] as string[],
  queuedDeploy: '',
  catalogUid: '',
};

/** Reached lazily: the cases are listed before the backend starts. */
type Context = {
  api: () => ReturnType<typeof request>;
  db: (pluginId: string) => Knex;
};

/**
 * Every mutating endpoint of Runway's plugins (and the catalog's unregister and the audit
 * trail), who may call it, and the rows it changes.
 */
export function authorizationCases({ api, db }: Context): Case[] {
  const count =
    (pluginId: string, table: string, where: object = {}) =>
    async () =>
      (await db(pluginId)(table).where(where).count({ n: '*' }))[0].n;
  const row =
    (pluginId: string, table: string, where: () => object) => async () =>
      db(pluginId)(table).where(where()).first();

  const junit = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites><testsuite name="matrix" tests="1" failures="0" time="1.5"><testcase classname="a" name="b" time="1.5"/></testsuite></testsuites>`;

  const cases: Case[] = [
    {
      action: 'readiness: push facts',
      allowed: ['platform', 'service'],
      request: () => ({
        method: 'post',
        path: '/api/readiness/facts',
        body: {
          facts: [
            { entityRef: SERVICE, name: 'ci.test.coveragePercent', value: 91 },
          ],
        },
      }),
      state: async () =>
        JSON.stringify(
          await db('readiness')('readiness_fact_sets').where({
            entity_ref: SERVICE,
          }),
        ),
    },
    {
      action: 'readiness: create an exemption',
      allowed: ['owner', 'platform'],
      skip: ['service'],
      request: role => ({
        method: 'post',
        path: '/api/readiness/exemptions',
        body: {
          entityRef: SERVICE,
          checkId: fixtures.checks[role === 'owner' ? 1 : 2],
          reason: `exempted by ${role} in the matrix`,
          expiresAt: new Date(Date.now() + 86400_000).toISOString(),
        },
      }),
      state: count('readiness', 'readiness_exemptions', {
        entity_ref: SERVICE,
      }),
    },
    {
      action: 'readiness: revoke an exemption',
      allowed: ['owner', 'platform'],
      skip: ['service'],
      request: () => ({
        method: 'delete',
        path: `/api/readiness/exemptions/${fixtures.exemption}`,
      }),
      state: row('readiness', 'readiness_exemptions', () => ({
        id: fixtures.exemption,
      })),
    },
    {
      action: 'readiness: re-evaluate a service',
      allowed: ['owner', 'other', 'platform', 'service'],
      request: () => ({
        method: 'post',
        path: '/api/readiness/evaluate',
        body: { entityRef: SERVICE },
      }),
    },
    {
      action: 'readiness: re-evaluate the whole catalog',
      allowed: ['platform', 'service'],
      request: () => ({
        method: 'post',
        path: '/api/readiness/evaluate',
        body: {},
      }),
    },
    {
      action: 'environments: request an environment for payments-team',
      allowed: ['owner', 'platform', 'service'],
      request: role => ({
        method: 'post',
        path: '/api/environments/environments',
        body: {
          className: 'sandbox',
          owner: 'group:default/payments-team',
          name: `matrix-${role}`,
        },
      }),
      state: count('environments', 'environments', {
        owner: 'group:default/payments-team',
      }),
    },
    {
      action: 'environments: extend',
      allowed: ['owner', 'platform', 'service'],
      request: () => ({
        method: 'post',
        path: `/api/environments/environments/${fixtures.environment}/extend`,
        body: { hours: 1 },
      }),
      state: row('environments', 'environments', () => ({
        id: fixtures.environment,
      })),
    },
    {
      action: 'environments: approve',
      allowed: ['platform', 'service'],
      request: () => ({
        method: 'post',
        path: `/api/environments/environments/${fixtures.pendingApprove}/approve`,
        body: {},
      }),
      state: row('environments', 'environments', () => ({
        id: fixtures.pendingApprove,
      })),
    },
    {
      action: 'environments: reject',
      allowed: ['platform', 'service'],
      request: () => ({
        method: 'post',
        path: `/api/environments/environments/${fixtures.pendingReject}/reject`,
        body: { reason: 'not this week' },
      }),
      state: row('environments', 'environments', () => ({
        id: fixtures.pendingReject,
      })),
    },
    {
      action: 'environments: reload classes',
      allowed: ['platform', 'service'],
      request: () => ({
        method: 'post',
        path: '/api/environments/classes/reload',
      }),
    },
    {
      action: 'environments: tear down',
      allowed: ['owner', 'platform', 'service'],
      request: () => ({
        method: 'post',
        path: `/api/environments/environments/${fixtures.environment}/teardown`,
        body: { reason: 'matrix' },
      }),
      state: row('environments', 'environments', () => ({
        id: fixtures.environment,
      })),
    },
    {
      action: 'delivery: deploy',
      allowed: ['owner', 'platform', 'service'],
      request: role => ({
        method: 'post',
        path: '/api/delivery/deploys',
        body: {
          service: SERVICE,
          environment: 'dev',
          version: `2.0.${ROLES.indexOf(role)}`,
        },
      }),
      state: count('delivery', 'delivery_deployments', {
        service_ref: SERVICE,
      }),
    },
    {
      action: 'delivery: promote dev -> staging',
      allowed: ['owner', 'platform', 'service'],
      request: () => ({
        method: 'post',
        path: '/api/delivery/deploys/promote',
        body: { service: SERVICE, from: 'dev' },
      }),
      state: count('delivery', 'delivery_deployments', {
        service_ref: SERVICE,
      }),
    },
    {
      action: 'delivery: roll back staging',
      allowed: ['owner', 'platform', 'service'],
      request: () => ({
        method: 'post',
        path: '/api/delivery/deploys/rollback',
        body: { service: SERVICE, environment: 'staging' },
      }),
      state: count('delivery', 'delivery_deployments', {
        service_ref: SERVICE,
      }),
    },
    {
      // Overriding a freeze and approving a held production deploy are a platform engineer's
      // judgement: delivery requires a member of the platform team, never a service token.
      action: 'delivery: deploy to production inside a freeze, overriding it',
      allowed: ['platform'],
      request: () => ({
        method: 'post',
        path: '/api/delivery/deploys',
        body: {
          service: SERVICE,
          environment: 'prod',
          version: '1.0.0',
          freezeOverride: { reason: 'matrix: hotfix during the freeze' },
        },
      }),
      state: count('delivery', 'delivery_deployments', {
        service_ref: SERVICE,
        environment: 'prod',
      }),
    },
    {
      action: 'delivery: approve a held deploy',
      allowed: ['platform'],
      setup: holdAProductionDeploy,
      request: () => ({
        method: 'post',
        path: `/api/delivery/deploys/${fixtures.queuedDeploy}/approve`,
      }),
      state: row('delivery', 'delivery_deployments', () => ({
        id: fixtures.queuedDeploy,
      })),
    },
    {
      action: 'delivery: send events',
      allowed: ['platform', 'service'],
      request: role => ({
        method: 'post',
        path: '/api/delivery/events',
        body: {
          events: [
            {
              type: 'pull_request',
              service: SERVICE,
              repository: 'skyline-travel/payments-api',
              number: 100 + ROLES.indexOf(role),
              action: 'opened',
              openedAt: new Date().toISOString(),
            },
          ],
        },
      }),
      state: count('delivery', 'delivery_pull_requests'),
    },
    {
      action: 'delivery: upload a JUnit report',
      allowed: ['platform', 'service'],
      request: role => ({
        method: 'post',
        path: `/api/delivery/test-runs/junit?service=${encodeURIComponent(
          SERVICE,
        )}&runId=matrix-${role}`,
        body: junit,
        type: 'application/xml',
      }),
      state: count('delivery', 'delivery_test_runs'),
    },
    {
      action: 'catalog: unregister an entity (payments-sdk)',
      allowed: ['owner', 'platform', 'service'],
      request: () => ({
        method: 'delete',
        path: `/api/catalog/entities/by-uid/${fixtures.catalogUid}`,
      }),
      state: count('catalog', 'refresh_state', {
        entity_ref: 'component:default/payments-sdk',
      }),
    },
    {
      action: 'audit: read the audit trail',
      allowed: ['platform', 'service'],
      request: () => ({ method: 'get', path: '/api/audit/events?limit=5' }),
    },
  ];

  /** A production deploy held by the readiness gate, for the approval case. */
  async function holdAProductionDeploy() {
    // Requested by another platform engineer (nobody approves their own deploy), for another
    // payments-team service (payments-api already has one waiting in prod, and there is one
    // deploy at a time per service and environment).
    const held = await api()
      .post('/api/delivery/deploys')
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/priya.nair'),
      )
      .send({
        service: 'component:default/payment-processor',
        environment: 'prod',
        version: '1.1.0',
        freezeOverride: { reason: 'matrix: held for approval' },
      });
    if (held.body.status !== 'awaiting-approval') {
      throw new Error(
        `expected a held deploy, got ${held.status} ${JSON.stringify(
          held.body,
        )}`,
      );
    }
    fixtures.queuedDeploy = held.body.id;
  }

  return cases;
}
