import fs from 'node:fs';
import path from 'node:path';
import {
  Role,
  SERVICE,
} from '../../authorization/__testUtils__/authorizationCases';

/** What the setup made for requests to act on. */
export type Fixtures = {
  /** The class requests use: with a PostgreSQL database when the driver is installed. */
  className: string;
  environment: string;
  deploy: string;
  exemption: string;
  checkId: string;
};

/** How a webhook proves its sender: signed like GitHub, like PagerDuty, or a bearer token. */
export type Proof = 'hub' | 'pagerduty' | 'opsgenie' | 'alertmanager';

export type Target = {
  name: string;
  method: 'get' | 'post' | 'delete';
  path: (fx: Fixtures) => string;
  /** A valid request, which the fuzzer changes: a JSON body, a query or a text (XML) body. */
  body?: (fx: Fixtures) => unknown;
  query?: (fx: Fixtures) => Record<string, unknown>;
  text?: string;
  /** Path segments the fuzzer replaces too (the ids in the path). */
  pathParams?: boolean;
  proof?: Proof;
  as?: Role | 'none';
};

const fixtureDir = path.resolve(
  __dirname,
  '../../../../../plugins/delivery-backend/src/__fixtures__',
);
/** Payloads the real tools sent (plugins/delivery-backend/src/__fixtures__ says where from). */
const real = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(fixtureDir, file), 'utf8'));
const realText = (file: string) =>
  fs.readFileSync(path.join(fixtureDir, file), 'utf8');

const SERVICE_PATH = 'component/default/payments-api';
const env = (fx: Fixtures) =>
  `/api/environments/environments/${fx.environment}`;
const action = (plugin: string, name: string) =>
  `/api/${plugin}/.backstage/actions/v1/actions/${plugin}:${name}/invoke`;

/** Every Runway endpoint, webhook and MCP action, each with a request that passes. */
export const TARGETS: Target[] = [
  // readiness
  {
    name: 'readiness: checks',
    method: 'get',
    path: () => '/api/readiness/checks',
  },
  {
    name: 'readiness: scorecard',
    method: 'get',
    path: () => `/api/readiness/scorecards/${SERVICE_PATH}`,
    pathParams: true,
  },
  {
    name: 'readiness: history',
    method: 'get',
    path: () => `/api/readiness/scorecards/${SERVICE_PATH}/history`,
    query: () => ({ days: 30 }),
  },
  {
    name: 'readiness: overview',
    method: 'get',
    path: () => '/api/readiness/overview',
    query: () => ({
      search: 'pay',
      owner: 'group:default/payments-team',
      level: 'bronze',
      sort: 'name',
      order: 'asc',
      limit: 10,
      offset: 0,
    }),
  },
  {
    name: 'readiness: rollups',
    method: 'get',
    path: () => '/api/readiness/rollups',
    query: () => ({ owner: 'group:default/payments-team' }),
  },
  {
    name: 'readiness: list exemptions',
    method: 'get',
    path: () => '/api/readiness/exemptions',
    query: () => ({ entityRef: SERVICE }),
  },
  {
    name: 'readiness: create an exemption',
    method: 'post',
    path: () => '/api/readiness/exemptions',
    body: fx => ({
      entityRef: SERVICE,
      checkId: fx.checkId,
      reason: 'Being rewritten this sprint',
      expiresAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
    }),
  },
  {
    name: 'readiness: revoke an exemption',
    method: 'delete',
    path: fx => `/api/readiness/exemptions/${fx.exemption}`,
    pathParams: true,
  },
  {
    name: 'readiness: push facts',
    method: 'post',
    path: () => '/api/readiness/facts',
    body: () => ({
      facts: [
        {
          entityRef: SERVICE,
          name: 'ci.test.coveragePercent',
          value: 91,
          observedAt: new Date().toISOString(),
        },
      ],
    }),
    as: 'service',
  },
  {
    name: 'readiness: evaluate',
    method: 'post',
    path: () => '/api/readiness/evaluate',
    body: () => ({ entityRef: SERVICE }),
  },
  // environments
  {
    name: 'environments: classes',
    method: 'get',
    path: () => '/api/environments/classes',
  },
  {
    name: 'environments: class',
    method: 'get',
    path: () => '/api/environments/classes/sandbox',
    pathParams: true,
  },
  {
    name: 'environments: reload classes',
    method: 'post',
    path: () => '/api/environments/classes/reload',
    body: () => ({}),
  },
  {
    name: 'environments: list',
    method: 'get',
    path: () => '/api/environments/environments',
    query: () => ({
      owner: 'group:default/payments-team',
      status: 'ready',
      limit: 10,
    }),
  },
  { name: 'environments: get', method: 'get', path: env, pathParams: true },
  {
    name: 'environments: events',
    method: 'get',
    path: fx => `${env(fx)}/events`,
    pathParams: true,
  },
  {
    name: 'environments: audit',
    method: 'get',
    path: fx => `${env(fx)}/audit`,
    pathParams: true,
  },
  {
    name: 'environments: usage',
    method: 'get',
    path: () => '/api/environments/usage',
  },
  {
    name: 'environments: request',
    method: 'post',
    path: () => '/api/environments/environments',
    body: fx => ({
      className: fx.className,
      owner: 'group:default/payments-team',
      name: 'fuzz-env',
      ttlHours: 12,
      parameters: { config: { A: 'x' } },
    }),
  },
  {
    name: 'environments: extend',
    method: 'post',
    path: fx => `${env(fx)}/extend`,
    body: () => ({ hours: 1 }),
    pathParams: true,
  },
  {
    name: 'environments: approve',
    method: 'post',
    path: fx => `${env(fx)}/approve`,
    body: () => ({}),
    pathParams: true,
  },
  {
    name: 'environments: reject',
    method: 'post',
    path: fx => `${env(fx)}/reject`,
    body: () => ({ reason: 'not this week' }),
    pathParams: true,
  },
  {
    name: 'environments: tear down',
    method: 'post',
    path: fx => `${env(fx)}/teardown`,
    body: () => ({ reason: 'done' }),
    pathParams: true,
  },
  // delivery
  {
    name: 'delivery: environments',
    method: 'get',
    path: () => '/api/delivery/environments',
    query: () => ({ service: SERVICE }),
  },
  {
    name: 'delivery: versions',
    method: 'get',
    path: () => '/api/delivery/versions',
    query: () => ({ service: SERVICE, environment: 'dev' }),
  },
  {
    name: 'delivery: deploys',
    method: 'get',
    path: () => '/api/delivery/deploys',
    query: () => ({ service: SERVICE, environment: 'dev', limit: 10 }),
  },
  {
    name: 'delivery: deploy',
    method: 'get',
    path: fx => `/api/delivery/deploys/${fx.deploy}`,
    pathParams: true,
  },
  {
    name: 'delivery: deploy events',
    method: 'get',
    path: fx => `/api/delivery/deploys/${fx.deploy}/events`,
    pathParams: true,
  },
  {
    name: 'delivery: request a deploy',
    method: 'post',
    path: () => '/api/delivery/deploys',
    body: () => ({
      service: SERVICE,
      environment: 'dev',
      version: '9.9.9',
      commitSha: 'abc1234',
      idempotencyKey: 'fuzz-1',
    }),
  },
  {
    name: 'delivery: promote',
    method: 'post',
    path: () => '/api/delivery/deploys/promote',
    body: () => ({ service: SERVICE, from: 'dev', to: 'staging' }),
  },
  {
    name: 'delivery: roll back',
    method: 'post',
    path: () => '/api/delivery/deploys/rollback',
    body: () => ({ service: SERVICE, environment: 'staging' }),
  },
  {
    name: 'delivery: approve',
    method: 'post',
    path: fx => `/api/delivery/deploys/${fx.deploy}/approve`,
    body: () => ({}),
    pathParams: true,
  },
  {
    name: 'delivery: deploy callback (unsigned)',
    method: 'post',
    path: fx => `/api/delivery/deploys/${fx.deploy}/callback`,
    body: () => ({ status: 'failed', message: 'x' }),
    pathParams: true,
    as: 'none',
  },
  {
    name: 'delivery: events',
    method: 'post',
    path: () => '/api/delivery/events',
    body: () => ({
      events: [
        {
          type: 'deployment',
          deliveryId: 'fuzz-d-1',
          id: 'fuzz-run-1',
          service: 'payments-api',
          environment: 'dev',
          version: '1.0.0',
          status: 'succeeded',
          finishedAt: new Date().toISOString(),
        },
      ],
    }),
    as: 'service',
  },
  {
    name: 'delivery: JUnit upload',
    method: 'post',
    path: () =>
      `/api/delivery/test-runs/junit?service=${encodeURIComponent(
        SERVICE,
      )}&runId=fuzz-junit`,
    text: realText('junit/go-junit-report-subtests.xml'),
    as: 'service',
  },
  {
    name: 'delivery: metrics',
    method: 'get',
    path: () => '/api/delivery/metrics',
    query: () => ({
      service: SERVICE,
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
    }),
  },
  {
    name: 'delivery: DORA',
    method: 'get',
    path: () => '/api/delivery/metrics/dora',
    query: () => ({ service: SERVICE }),
  },
  {
    name: 'delivery: timeseries',
    method: 'get',
    path: () => '/api/delivery/metrics/timeseries',
    query: () => ({ service: SERVICE, bucket: 'week' }),
  },
  {
    name: 'delivery: service facts',
    method: 'post',
    path: () => '/api/delivery/metrics/services',
    body: () => ({ services: [SERVICE], days: 30 }),
  },
  {
    name: 'webhook: GitHub pull_request',
    method: 'post',
    path: () => '/api/delivery/webhooks/github',
    body: () => real('github/pull_request.opened.json'),
    proof: 'hub',
    as: 'none',
  },
  {
    name: 'webhook: GitHub deployment_status',
    method: 'post',
    path: () => '/api/delivery/webhooks/github',
    body: () => real('github/deployment_status.created.success.json'),
    proof: 'hub',
    as: 'none',
  },
  {
    name: 'webhook: JUnit',
    method: 'post',
    path: () =>
      `/api/delivery/webhooks/junit?service=${encodeURIComponent(
        SERVICE,
      )}&runId=fuzz-hook`,
    text: realText('junit/go-junit-report-subtests.xml'),
    proof: 'hub',
    as: 'none',
  },
  {
    name: 'webhook: incidents',
    method: 'post',
    path: () => '/api/delivery/webhooks/incidents',
    body: () => ({
      id: 'INC-F',
      service: SERVICE,
      status: 'opened',
      openedAt: new Date().toISOString(),
    }),
    proof: 'hub',
    as: 'none',
  },
  {
    name: 'webhook: PagerDuty',
    method: 'post',
    path: () => '/api/delivery/webhooks/pagerduty',
    body: () => real('incidents/pagerduty.incident.triggered.json'),
    proof: 'pagerduty',
    as: 'none',
  },
  {
    name: 'webhook: Opsgenie',
    method: 'post',
    path: () => '/api/delivery/webhooks/opsgenie',
    body: () => real('incidents/opsgenie.Create.json'),
    proof: 'opsgenie',
    as: 'none',
  },
  {
    name: 'webhook: Alertmanager',
    method: 'post',
    path: () => '/api/delivery/webhooks/alertmanager',
    body: () => real('incidents/alertmanager.firing.json'),
    proof: 'alertmanager',
    as: 'none',
  },
  // ownership and audit
  {
    name: 'ownership: teams',
    method: 'get',
    path: () => '/api/ownership/teams',
    query: () => ({ format: 'json' }),
  },
  {
    name: 'ownership: entities',
    method: 'get',
    path: () => '/api/ownership/entities',
    query: () => ({ owner: 'group:default/payments-team' }),
  },
  {
    name: 'audit: events',
    method: 'get',
    path: () => '/api/audit/events',
    query: () => ({ limit: 5, search: 'deploy', plugin: 'delivery' }),
  },
  // MCP actions (the actions registry over HTTP, as the MCP server calls them)
  {
    name: 'MCP: deploy-service',
    method: 'post',
    path: () => action('delivery', 'deploy-service'),
    body: () => ({
      service: 'payments-api',
      environment: 'dev',
      version: '9.9.8',
      commitSha: 'abc1def',
    }),
  },
  {
    name: 'MCP: rollback-service',
    method: 'post',
    path: () => action('delivery', 'rollback-service'),
    body: () => ({ service: 'payments-api', environment: 'staging' }),
  },
  {
    name: 'MCP: get-delivery-metrics',
    method: 'post',
    path: () => action('delivery', 'get-delivery-metrics'),
    body: () => ({ service: 'payments-api', days: 30 }),
  },
  {
    name: 'MCP: list-environment-classes',
    method: 'post',
    path: () => action('environments', 'list-environment-classes'),
    body: () => ({}),
  },
  {
    name: 'MCP: list-environments',
    method: 'post',
    path: () => action('environments', 'list-environments'),
    body: () => ({ owner: 'group:default/payments-team' }),
  },
  {
    name: 'MCP: create-environment',
    method: 'post',
    path: () => action('environments', 'create-environment'),
    body: fx => ({
      className: fx.className,
      owner: 'group:default/payments-team',
      name: 'fuzz-mcp',
      ttlHours: 4,
      idempotencyKey: 'fuzz-mcp-1',
    }),
  },
  {
    name: 'MCP: teardown-environment',
    method: 'post',
    path: () => action('environments', 'teardown-environment'),
    body: fx => ({ id: fx.environment, reason: 'done' }),
  },
  {
    name: 'MCP: get-readiness-scorecard',
    method: 'post',
    path: () => action('readiness', 'get-readiness-scorecard'),
    body: () => ({ entityRef: SERVICE }),
  },
  {
    name: 'MCP: list-failing-readiness-checks',
    method: 'post',
    path: () => action('readiness', 'list-failing-readiness-checks'),
    body: () => ({ entityRef: SERVICE }),
  },
];
