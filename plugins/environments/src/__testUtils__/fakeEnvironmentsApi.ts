import { ResponseError } from '@backstage/errors';
import {
  AuditRecord,
  Environment,
  EnvironmentClass,
  EnvironmentEvent,
  EnvironmentResponse,
  EnvironmentSummary,
  EnvironmentViewer,
  ListClassesResponse,
  ListEnvironmentsQuery,
  UsageResponse,
} from '@internal/plugin-environments-common';
import { EnvironmentsApi } from '../api/environmentsApiRef';

const HOUR = 3600_000;

export const PREVIEW_CLASS: EnvironmentClass = {
  id: 'preview',
  title: 'Preview environment',
  description: 'A short-lived place to run one change.',
  ttl: { defaultHours: 48, maxHours: 168 },
  quota: { activePerTeam: 5 },
  approval: { required: false },
  resources: [
    { name: 'config', type: 'config', parameters: {}, settable: {} },
    { name: 'db', type: 'postgres', parameters: {}, settable: {} },
  ],
};

export const SANDBOX_CLASS: EnvironmentClass = {
  id: 'sandbox',
  title: 'Sandbox',
  description: 'Longer-lived; the platform team approves each request.',
  ttl: { defaultHours: 168, maxHours: 720 },
  quota: { activePerTeam: 2 },
  approval: { required: true },
  resources: [{ name: 'db', type: 'postgres', parameters: {}, settable: {} }],
};

/** An environment created `ageHours` ago that expires in `expiresInHours`. */
export function makeEnvironment(
  overrides: Partial<EnvironmentResponse> & {
    ageHours?: number;
    expiresInHours?: number;
  } = {},
): EnvironmentResponse {
  const { ageHours = 2, expiresInHours = 46, ...rest } = overrides;
  const now = Date.now();
  return {
    id: 'env-1',
    name: 'pay-preview',
    className: 'preview',
    owner: 'group:default/payments-team',
    component: 'component:default/payments-api',
    template: 'template:default/environment',
    status: 'ready',
    createdBy: 'user:default/maria.silva',
    createdAt: new Date(now - ageHours * HOUR).toISOString(),
    updatedAt: new Date(now - HOUR).toISOString(),
    expiresAt: new Date(now + expiresInHours * HOUR).toISOString(),
    resources: [
      {
        name: 'config',
        type: 'config',
        status: 'ready',
        parameters: { values: { LOG_LEVEL: 'info' } },
        outputs: { LOG_LEVEL: 'info' },
      },
      {
        name: 'db',
        type: 'postgres',
        status: 'ready',
        parameters: { connectionLimit: 10 },
        outputs: { host: '127.0.0.1', port: '5432', database: 'env_pay' },
      },
    ],
    viewer: { isOwner: false, isPlatformTeam: false },
    ...rest,
  };
}

export function summarize(environment: Environment): EnvironmentSummary {
  const { viewer: _viewer, ...rest } = environment as EnvironmentResponse;
  return {
    ...rest,
    resources: environment.resources.map(({ name, type, status }) => ({
      name,
      type,
      status,
    })),
  };
}

/** A ResponseError as the client throws it for the backend's error body. */
export async function apiError(
  status: number,
  statusText: string,
  name: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'POST', url: '/api/environments' },
        response: { statusCode: status },
      }),
      { status, statusText, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

/**
 * An in-memory stand-in for the backend (which has its own tests): environments, events and
 * audit that the test sets, every call recorded. Mutations change the stored environments the
 * way the backend does, so a page that reloads sees the outcome.
 */
export class FakeEnvironmentsApi implements EnvironmentsApi {
  environments: EnvironmentResponse[] = [];
  events: EnvironmentEvent[] = [];
  audit: AuditRecord[] = [];
  classes: ListClassesResponse = {
    classes: [PREVIEW_CLASS, SANDBOX_CLASS],
    problems: [],
    drivers: [
      { type: 'config', description: 'Config values' },
      { type: 'postgres', description: 'PostgreSQL databases' },
    ],
  };
  usage: UsageResponse = { classes: [], templates: [] };
  viewer: EnvironmentViewer = { isOwner: false, isPlatformTeam: false };
  /** Thrown by the next call to the named method instead of answering. */
  failures: Partial<Record<keyof EnvironmentsApi, Error>> = {};
  calls: Array<{ method: keyof EnvironmentsApi; args: unknown[] }> = [];

  constructor(environments: EnvironmentResponse[] = []) {
    this.environments = environments;
  }

  callsOf(method: keyof EnvironmentsApi) {
    return this.calls.filter(c => c.method === method).map(c => c.args);
  }

  private record(method: keyof EnvironmentsApi, args: unknown[]) {
    this.calls.push({ method, args });
    const failure = this.failures[method];
    if (failure) {
      delete this.failures[method];
      throw failure;
    }
  }

  private find(id: string) {
    const found = this.environments.find(e => e.id === id);
    if (!found) throw new Error(`fake: no environment ${id}`);
    return found;
  }

  /** What the backend would send: a copy, so the page never holds the fake's own object. */
  private copy<T>(value: T): T {
    return JSON.parse(JSON.stringify(value));
  }

  async listEnvironments(query: ListEnvironmentsQuery = {}) {
    this.record('listEnvironments', [query]);
    const statuses = toList(query.status);
    const owners = toList(query.owner);
    const classes = toList(query.className);
    const matching = this.environments.filter(
      e =>
        (!statuses || statuses.includes(e.status)) &&
        (!owners || owners.includes(e.owner)) &&
        (!classes || classes.includes(e.className)) &&
        (!query.component || e.component === query.component) &&
        (!query.expiringBefore || e.expiresAt < query.expiringBefore),
    );
    const offset = query.offset ?? 0;
    return {
      items: matching
        .slice(offset, offset + (query.limit ?? 100))
        .map(summarize),
      totalCount: matching.length,
    };
  }

  async getEnvironment(id: string) {
    this.record('getEnvironment', [id]);
    return this.copy(this.find(id));
  }

  async extendEnvironment(id: string, hours: number) {
    this.record('extendEnvironment', [id, hours]);
    const environment = this.find(id);
    environment.expiresAt = new Date(
      new Date(environment.expiresAt).getTime() + hours * HOUR,
    ).toISOString();
    return this.copy(environment);
  }

  async teardownEnvironment(id: string, reason?: string) {
    this.record('teardownEnvironment', [id, reason]);
    const environment = this.find(id);
    environment.status = 'tearing-down';
    return this.copy(environment);
  }

  async approveEnvironment(id: string, reason?: string) {
    this.record('approveEnvironment', [id, reason]);
    const environment = this.find(id);
    environment.status = 'provisioning';
    return this.copy(environment);
  }

  async rejectEnvironment(id: string, reason: string) {
    this.record('rejectEnvironment', [id, reason]);
    const environment = this.find(id);
    environment.status = 'rejected';
    return this.copy(environment);
  }

  async getEvents(id: string, after = 0) {
    this.record('getEvents', [id, after]);
    return {
      events: this.events.filter(e => e.environmentId === id && e.id > after),
      status: this.find(id).status,
    };
  }

  async getEnvironmentAudit(id: string) {
    this.record('getEnvironmentAudit', [id]);
    return { records: this.audit.filter(r => r.environmentId === id) };
  }

  async getTeamAudit(owner: string) {
    this.record('getTeamAudit', [owner]);
    return { records: this.audit.filter(r => r.owner === owner) };
  }

  async listClasses() {
    this.record('listClasses', []);
    return this.classes;
  }

  async getUsage() {
    this.record('getUsage', []);
    return this.usage;
  }
}

function toList<T extends string>(value: T | T[] | undefined) {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

let nextEventId = 1;

/** A log line for the environment, with increasing ids. */
export function makeEvent(
  overrides: Partial<EnvironmentEvent> & { message: string },
): EnvironmentEvent {
  return {
    id: nextEventId++,
    environmentId: 'env-1',
    at: new Date().toISOString(),
    kind: 'log',
    ...overrides,
  };
}
