// Generated from the backend's src/schema/openapi.yaml by scripts/openapi-router.mjs; do not edit.
/* eslint-disable */

import { ResponseError } from '@backstage/errors';
import type { operations } from './types';

/** A fetch Response whose json() is the operation's documented body. */
export type TypedResponse<T> = Omit<Response, 'json'> & { json(): Promise<T> };

/** The response when it is a success; otherwise the server's error, thrown as a ResponseError. */
export async function okOrThrow<T extends { ok: boolean }>(
  response: T | Promise<T>,
): Promise<T> {
  const settled = await response;
  if (!settled.ok)
    throw await ResponseError.fromResponse(settled as unknown as Response);
  return settled;
}

/** What the client needs from Backstage's discovery and fetch APIs (frontend or backend). */
export type ClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
};

/** Per call: a token to send (a backend calling with a user's or its own token). */
export type RequestOptions = { token?: string };

type CallRequest = {
  path?: object;
  query?: object;
  headers?: object;
  body?: unknown;
};

/** delivery (/api/delivery): one method per operation of its OpenAPI spec. */
export class DefaultApiClient {
  constructor(private readonly options: ClientOptions) {}

  /** A service's deploys, newest first. (GET /deploys) */
  async listDeploys(
    request: { query: operations['ListDeploys']['parameters']['query'] },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ListDeploys']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/deploys', request, options);
  }

  /** Deploys a version of a service to an environment through its deploy driver, after the gates (and an approval where the environment needs one). Audited. (POST /deploys) */
  async deploy(
    request: {
      body: NonNullable<
        operations['Deploy']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['Deploy']['responses'][202]['content']['application/json']
    >
  > {
    return this.call('POST', '/deploys', request, options);
  }

  /** Deploys the environment's previous successful version again. Audited. (POST /deploys/rollback) */
  async rollback(
    request: {
      body: NonNullable<
        operations['Rollback']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['Rollback']['responses'][202]['content']['application/json']
    >
  > {
    return this.call('POST', '/deploys/rollback', request, options);
  }

  /** Deploys the version live in `from` to the next environment on the service's deploy path. Audited. (POST /deploys/promote) */
  async promote(
    request: {
      body: NonNullable<
        operations['Promote']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['Promote']['responses'][202]['content']['application/json']
    >
  > {
    return this.call('POST', '/deploys/promote', request, options);
  }

  /** One deploy. (GET /deploys/{id}) */
  async getDeploy(
    request: { path: operations['GetDeploy']['parameters']['path'] },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetDeploy']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/deploys/{id}', request, options);
  }

  /** The deploy's live log, from after the line `after` on (poll with the last id). (GET /deploys/{id}/events) */
  async getDeployEvents(
    request: {
      path: operations['GetDeployEvents']['parameters']['path'];
      query?: operations['GetDeployEvents']['parameters']['query'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetDeployEvents']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/deploys/{id}/events', request, options);
  }

  /** Approves a deploy awaiting approval (a signed-in user, not a service; not the requester). No body is read. Audited. (POST /deploys/{id}/approve) */
  async approveDeploy(
    request: { path: operations['ApproveDeploy']['parameters']['path'] },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['ApproveDeploy']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('POST', '/deploys/{id}/approve', request, options);
  }

  /** A deploy driver's status report for a deploy it runs. No Backstage token: the driver checks the signature over the raw body (the webhook driver: X-Hub-Signature-256 with its secret) before the body is parsed; at most 1 MB, of any content type. Audited once the signature holds. (POST /deploys/{id}/callback) */
  async deployCallback(
    request: {
      path: operations['DeployCallback']['parameters']['path'];
      headers?: operations['DeployCallback']['parameters']['header'];
      body: NonNullable<
        operations['DeployCallback']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['DeployCallback']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('POST', '/deploys/{id}/callback', request, options);
  }

  /** A batch of delivery events from CI/CD and incident tools: deployments, pull requests, reviews, test runs, incidents. Every service must be in the catalog. Events whose delivery id was stored before are counted as duplicates. Audited. (POST /events) */
  async ingestEvents(
    request: {
      body: NonNullable<
        operations['IngestEvents']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['IngestEvents']['responses'][202]['content']['application/json']
    >
  > {
    return this.call('POST', '/events', request, options);
  }

  /** A JUnit XML report as one test run, read from the request stream as it arrives (up to delivery.junit.maxMegabytes), after the caller and the service are known. Any content type but JSON is read as XML. Audited. (POST /test-runs/junit) */
  async ingestJunit(
    request: {
      query: operations['IngestJunit']['parameters']['query'];
      headers?: operations['IngestJunit']['parameters']['header'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['IngestJunit']['responses'][202]['content']['application/json']
    >
  > {
    return this.call('POST', '/test-runs/junit', request, options);
  }

  /** DORA and flow metrics of a service, a team or the organisation over a window (default: the last 30 days). `service` and `team` together are a 400. (GET /metrics) */
  async getMetrics(
    request: { query?: operations['GetMetrics']['parameters']['query'] } = {},
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetMetrics']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/metrics', request, options);
  }

  /** The DORA metrics alone, with the same parameters as GET /metrics (default: the last 30 days). (GET /metrics/dora) */
  async getDoraMetrics(
    request: {
      query?: operations['GetDoraMetrics']['parameters']['query'];
    } = {},
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetDoraMetrics']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/metrics/dora', request, options);
  }

  /** A read with a body (a thousand service refs do not fit a URL): per service, the delivery figures readiness turns into facts, over the last `days`. (POST /metrics/services) */
  async getServiceFacts(
    request: {
      body: NonNullable<
        operations['GetServiceFacts']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetServiceFacts']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('POST', '/metrics/services', request, options);
  }

  /** DORA metrics per day or week (default: weeks over the last 90 days) of a service, a team or the organisation. `service` and `team` together are a 400. (GET /metrics/timeseries) */
  async getTimeseries(
    request: {
      query?: operations['GetTimeseries']['parameters']['query'];
    } = {},
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetTimeseries']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/metrics/timeseries', request, options);
  }

  /** The environments on a service's deploy path: what is live and active in each, and any freeze window in force. (GET /environments) */
  async getServiceEnvironments(
    request: {
      query: operations['GetServiceEnvironments']['parameters']['query'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetServiceEnvironments']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/environments', request, options);
  }

  /** The versions seen in a service's deployments, newest first. (GET /versions) */
  async getKnownVersions(
    request: { query: operations['GetKnownVersions']['parameters']['query'] },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GetKnownVersions']['responses'][200]['content']['application/json']
    >
  > {
    return this.call('GET', '/versions', request, options);
  }

  /** GitHub's webhook deliveries (pull requests, reviews, pushes, check runs and suites, workflow runs and jobs, deployments), mapped to delivery records of the repository's components. No Backstage token: X-Hub-Signature-256 is checked over the raw body (up to 25 MB, of any content type; it must be JSON) before it is parsed. An event it does not read is acknowledged with the reason. Audited. (POST /webhooks/github) */
  async githubWebhook(
    request: {
      headers?: operations['GithubWebhook']['parameters']['header'];
      body: NonNullable<
        operations['GithubWebhook']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['GithubWebhook']['responses'][202]['content']['application/json']
    >
  > {
    return this.call('POST', '/webhooks/github', request, options);
  }

  /** A JUnit XML report from CI that holds no Backstage token: X-Hub-Signature-256 is checked over the raw body as sent (compressed or not, up to delivery.junit.maxMegabytes) before any of it is parsed. Any content type but JSON is read as XML. (POST /webhooks/junit) */
  async junitWebhook(
    request: {
      query: operations['JunitWebhook']['parameters']['query'];
      headers?: operations['JunitWebhook']['parameters']['header'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['JunitWebhook']['responses'][202]['content']['application/json']
    >
  > {
    return this.call('POST', '/webhooks/junit', request, options);
  }

  /** An incident in Runway's own shape (an incident event; `type` may be left out), signed like GitHub's webhooks: X-Hub-Signature-256 with delivery.webhooks.incidents.secret, checked over the raw body (up to 25 MB, of any content type; it must be JSON) before it is parsed. Audited. (POST /webhooks/incidents) */
  async incidentWebhook(
    request: {
      headers?: operations['IncidentWebhook']['parameters']['header'];
      body: NonNullable<
        operations['IncidentWebhook']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['IncidentWebhook']['responses'][202]['content']['application/json']
    >
  > {
    return this.call('POST', '/webhooks/incidents', request, options);
  }

  /** PagerDuty Webhooks v3 incident events, mapped to incidents (docs/delivery.md). X-PagerDuty-Signature is checked over the raw body (up to 25 MB, of any content type; it must be JSON) before it is parsed. An event it does not read is acknowledged with the reason. Audited. (POST /webhooks/pagerduty) */
  async pagerdutyWebhook(
    request: {
      headers?: operations['PagerdutyWebhook']['parameters']['header'];
      body: NonNullable<
        operations['PagerdutyWebhook']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['PagerdutyWebhook']['responses'][202]['content']['application/json']
    >
  > {
    return this.call('POST', '/webhooks/pagerduty', request, options);
  }

  /** Opsgenie's Webhook integration, mapped to incidents (docs/delivery.md). Opsgenie cannot sign: `Authorization: Bearer <delivery.webhooks.opsgenie.token>`, checked before the raw body (up to 25 MB, of any content type; it must be JSON) is parsed. An action it does not read is acknowledged with the reason. Audited. (POST /webhooks/opsgenie) */
  async opsgenieWebhook(
    request: {
      body: NonNullable<
        operations['OpsgenieWebhook']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['OpsgenieWebhook']['responses'][202]['content']['application/json']
    >
  > {
    return this.call('POST', '/webhooks/opsgenie', request, options);
  }

  /** Prometheus Alertmanager's webhook_config, mapped to incidents (docs/delivery.md). Alertmanager cannot sign: `Authorization: Bearer <delivery.webhooks.alertmanager.token>`, checked before the raw body (up to 25 MB, of any content type; it must be JSON) is parsed. Audited. (POST /webhooks/alertmanager) */
  async alertmanagerWebhook(
    request: {
      body: NonNullable<
        operations['AlertmanagerWebhook']['requestBody']
      >['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    TypedResponse<
      operations['AlertmanagerWebhook']['responses'][202]['content']['application/json']
    >
  > {
    return this.call('POST', '/webhooks/alertmanager', request, options);
  }

  private async call(
    method: string,
    route: string,
    request: CallRequest,
    options?: RequestOptions,
  ): Promise<any> {
    const base = await this.options.discoveryApi.getBaseUrl('delivery');
    const pathParams = (request.path ?? {}) as Record<string, unknown>;
    const url = route.replace(/\{([^}]+)\}/g, (_, name) =>
      encodeURIComponent(String(pathParams[name])),
    );
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null && item !== '')
          query.append(key, String(item));
      }
    }
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.headers ?? {})) {
      if (value !== undefined && value !== null) headers[key] = String(value);
    }
    if (options?.token) headers.Authorization = `Bearer ${options.token}`;
    if (request.body !== undefined)
      headers['Content-Type'] = 'application/json';
    const text = query.toString();
    const fetchFn = this.options.fetchApi?.fetch ?? fetch;
    return fetchFn(`${base}${url}${text ? `?${text}` : ''}`, {
      method,
      headers,
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
    });
  }
}
