// Generated from the backend's src/schema/openapi.yaml by scripts/openapi-router.mjs; do not edit.
/* eslint-disable */

export interface paths {
  '/deploys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A service's deploys, newest first. */
    get: operations['ListDeploys'];
    put?: never;
    /** @description Deploys a version of a service to an environment through its deploy driver, after the gates (and an approval where the environment needs one). Audited. */
    post: operations['Deploy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deploys/rollback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Deploys the environment's previous successful version again. Audited. */
    post: operations['Rollback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deploys/promote': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Deploys the version live in `from` to the next environment on the service's deploy path. Audited. */
    post: operations['Promote'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deploys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description One deploy. */
    get: operations['GetDeploy'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deploys/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The deploy's live log, from after the line `after` on (poll with the last id). */
    get: operations['GetDeployEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deploys/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Approves a deploy awaiting approval (a signed-in user, not a service; not the requester). No body is read. Audited. */
    post: operations['ApproveDeploy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deploys/{id}/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description A deploy driver's status report for a deploy it runs. No Backstage token: the driver checks the signature over the raw body (the webhook driver: X-Hub-Signature-256 with its secret) before the body is parsed; at most 1 MB, of any content type. Audited once the signature holds. */
    post: operations['DeployCallback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description A batch of delivery events from CI/CD and incident tools: deployments, pull requests, reviews, test runs, incidents. Every service must be in the catalog. Events whose delivery id was stored before are counted as duplicates. Audited. */
    post: operations['IngestEvents'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/test-runs/junit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description A JUnit XML report as one test run, read from the request stream as it arrives (up to delivery.junit.maxMegabytes), after the caller and the service are known. Any content type but JSON is read as XML. Audited. */
    post: operations['IngestJunit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description DORA and flow metrics of a service, a team or the organisation over a window (default: the last 30 days). `service` and `team` together are a 400. */
    get: operations['GetMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics/dora': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The DORA metrics alone, with the same parameters as GET /metrics (default: the last 30 days). */
    get: operations['GetDoraMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics/services': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description A read with a body (a thousand service refs do not fit a URL): per service, the delivery figures readiness turns into facts, over the last `days`. */
    post: operations['GetServiceFacts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics/timeseries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description DORA metrics per day or week (default: weeks over the last 90 days) of a service, a team or the organisation. `service` and `team` together are a 400. */
    get: operations['GetTimeseries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/environments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The environments on a service's deploy path: what is live and active in each, and any freeze window in force. */
    get: operations['GetServiceEnvironments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The versions seen in a service's deployments, newest first. */
    get: operations['GetKnownVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/github': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description GitHub's webhook deliveries (pull requests, reviews, pushes, check runs and suites, workflow runs and jobs, deployments), mapped to delivery records of the repository's components. No Backstage token: X-Hub-Signature-256 is checked over the raw body (up to 25 MB, of any content type; it must be JSON) before it is parsed. An event it does not read is acknowledged with the reason. Audited. */
    post: operations['GithubWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/junit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description A JUnit XML report from CI that holds no Backstage token: X-Hub-Signature-256 is checked over the raw body as sent (compressed or not, up to delivery.junit.maxMegabytes) before any of it is parsed. Any content type but JSON is read as XML. */
    post: operations['JunitWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/incidents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description An incident in Runway's own shape (an incident event; `type` may be left out), signed like GitHub's webhooks: X-Hub-Signature-256 with delivery.webhooks.incidents.secret, checked over the raw body (up to 25 MB, of any content type; it must be JSON) before it is parsed. Audited. */
    post: operations['IncidentWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/pagerduty': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description PagerDuty Webhooks v3 incident events, mapped to incidents (docs/delivery.md). X-PagerDuty-Signature is checked over the raw body (up to 25 MB, of any content type; it must be JSON) before it is parsed. An event it does not read is acknowledged with the reason. Audited. */
    post: operations['PagerdutyWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/opsgenie': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Opsgenie's Webhook integration, mapped to incidents (docs/delivery.md). Opsgenie cannot sign: `Authorization: Bearer <delivery.webhooks.opsgenie.token>`, checked before the raw body (up to 25 MB, of any content type; it must be JSON) is parsed. An action it does not read is acknowledged with the reason. Audited. */
    post: operations['OpsgenieWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/alertmanager': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Prometheus Alertmanager's webhook_config, mapped to incidents (docs/delivery.md). Alertmanager cannot sign: `Authorization: Bearer <delivery.webhooks.alertmanager.token>`, checked before the raw body (up to 25 MB, of any content type; it must be JSON) is parsed. Audited. */
    post: operations['AlertmanagerWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ServiceRef: string;
    EnvironmentName: string;
    /** @description A retry with the same key returns the first deploy instead of starting another. */
    IdempotencyKey: string;
    /** @description To deploy inside a freeze window (needs `delivery.freeze.override`). */
    FreezeOverride: {
      /** @description Why, kept in the deploy and the audit log; counted after trimming. */
      reason: string;
    };
    /** @description 7 to 64 hexadecimal digits (abbreviated, SHA-1 or SHA-256). */
    CommitSha: string;
    /** Format: date-time */
    DateTime: string;
    /** @description The sender's id of this event: an event whose delivery id was stored before is skipped. */
    DeliveryId: string;
    EventId: string;
    PositiveInteger: number;
    LineCount: number;
    TestCount: number;
    DeployRequest: {
      service: components['schemas']['ServiceRef'];
      environment: components['schemas']['EnvironmentName'];
      /** @description 1-128 letters, digits, `.`, `_`, `+` or `-`, starting with a letter or digit. */
      version: string;
      commitSha?: components['schemas']['CommitSha'];
      idempotencyKey?: components['schemas']['IdempotencyKey'];
      freezeOverride?: components['schemas']['FreezeOverride'];
    };
    RollbackRequest: {
      service: components['schemas']['ServiceRef'];
      environment: components['schemas']['EnvironmentName'];
      idempotencyKey?: components['schemas']['IdempotencyKey'];
      freezeOverride?: components['schemas']['FreezeOverride'];
    };
    PromoteRequest: {
      service: components['schemas']['ServiceRef'];
      from: components['schemas']['EnvironmentName'];
      idempotencyKey?: components['schemas']['IdempotencyKey'];
      freezeOverride?: components['schemas']['FreezeOverride'];
    };
    /** @description A deploy driver's status report. */
    DeployCallback: {
      /** @enum {string} */
      status: 'running' | 'succeeded' | 'failed';
      message?: string;
      /** @description Lines for the live log. */
      log?: string[];
    };
    /** @description A deployment done by external CI/CD (or a status change of one). */
    DeploymentEvent: {
      /** @constant */
      type: 'deployment';
      deliveryId?: components['schemas']['DeliveryId'];
      id: components['schemas']['EventId'];
      service: components['schemas']['ServiceRef'];
      environment: components['schemas']['EnvironmentName'];
      production?: boolean;
      version: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'succeeded' | 'failed' | 'rolled-back';
      changeType?: components['schemas']['ChangeType'];
      queuedAt?: components['schemas']['DateTime'];
      startedAt?: components['schemas']['DateTime'];
      finishedAt?: components['schemas']['DateTime'];
      commitSha?: components['schemas']['CommitSha'];
      firstCommitAt?: components['schemas']['DateTime'];
      pullRequests?: {
        repository: string;
        number: components['schemas']['PositiveInteger'];
      }[];
      triggeredBy?: string;
      selfService?: boolean;
    };
    PullRequestEvent: {
      /** @constant */
      type: 'pull_request';
      deliveryId?: components['schemas']['DeliveryId'];
      service: components['schemas']['ServiceRef'];
      repository: string;
      number: components['schemas']['PositiveInteger'];
      /** @enum {string} */
      action: 'opened' | 'closed' | 'merged' | 'updated';
      title?: string;
      author?: string;
      openedAt: components['schemas']['DateTime'];
      firstCommitAt?: components['schemas']['DateTime'];
      mergedAt?: components['schemas']['DateTime'];
      closedAt?: components['schemas']['DateTime'];
      additions?: components['schemas']['LineCount'];
      deletions?: components['schemas']['LineCount'];
      changedFiles?: components['schemas']['LineCount'];
      mergeCommitSha?: string;
    };
    ReviewEvent: {
      /** @constant */
      type: 'review';
      deliveryId?: components['schemas']['DeliveryId'];
      service: components['schemas']['ServiceRef'];
      repository: string;
      number: components['schemas']['PositiveInteger'];
      reviewId: components['schemas']['EventId'];
      reviewer?: string;
      /** @enum {string} */
      state: 'approved' | 'changes_requested' | 'commented' | 'dismissed';
      submittedAt: components['schemas']['DateTime'];
    };
    /** @description A CI test run's summary (JUnit XML goes to POST /test-runs/junit instead). */
    TestRunEvent: {
      /** @constant */
      type: 'test_run';
      deliveryId?: components['schemas']['DeliveryId'];
      id: components['schemas']['EventId'];
      service: components['schemas']['ServiceRef'];
      startedAt?: components['schemas']['DateTime'];
      finishedAt: components['schemas']['DateTime'];
      /** @description At most 7 days. */
      durationSeconds: number;
      tests: components['schemas']['TestCount'];
      failures: components['schemas']['TestCount'];
      skipped?: components['schemas']['TestCount'];
      flakyTests?: components['schemas']['TestCount'];
    };
    IncidentEvent: {
      /** @constant */
      type: 'incident';
      deliveryId?: components['schemas']['DeliveryId'];
      id: components['schemas']['EventId'];
      service: components['schemas']['ServiceRef'];
      /** @enum {string} */
      status: 'opened' | 'resolved';
      title?: string;
      openedAt: components['schemas']['DateTime'];
      resolvedAt?: components['schemas']['DateTime'];
      causedByDeploymentId?: components['schemas']['EventId'];
    };
    /** @description An incident event as POST /webhooks/incidents takes it (`type` may be left out). */
    SignedIncident: {
      /** @constant */
      type?: 'incident';
      deliveryId?: components['schemas']['DeliveryId'];
      id: components['schemas']['EventId'];
      service: components['schemas']['ServiceRef'];
      /** @enum {string} */
      status: 'opened' | 'resolved';
      title?: string;
      openedAt: components['schemas']['DateTime'];
      resolvedAt?: components['schemas']['DateTime'];
      causedByDeploymentId?: components['schemas']['EventId'];
    };
    IngestRequest: {
      events: (
        | components['schemas']['DeploymentEvent']
        | components['schemas']['PullRequestEvent']
        | components['schemas']['ReviewEvent']
        | components['schemas']['TestRunEvent']
        | components['schemas']['IncidentEvent']
      )[];
    };
    ServiceFactsRequest: {
      services: string[];
      /**
       * @description The window, ending now.
       * @default 30
       */
      days?: number;
    };
    /** @description How many events were new and how many were replays. */
    IngestResponse: {
      accepted: number;
      duplicates: number;
    };
    WebhookResponse: {
      accepted: number;
      duplicates: number;
      /** @description Why nothing was stored, when the delivery is acknowledged but not read. */
      ignored?: string;
    };
    JunitResponse: {
      accepted: number;
      duplicates: number;
      run: {
        service: string;
        runId: string;
        durationSeconds: number;
        tests: number;
        failures: number;
        skipped?: number;
        flakyTests?: number;
      };
    };
    /** @enum {string} */
    DeploymentStatus:
      | 'awaiting-approval'
      | 'queued'
      | 'running'
      | 'succeeded'
      | 'failed'
      | 'rolled-back';
    /** @enum {string} */
    ChangeType: 'planned' | 'fix' | 'rollback';
    /** @enum {string} */
    TierId: 'elite' | 'high' | 'medium' | 'low';
    /** @description A deployment: one started through Runway (`source: runway`) or reported by external CI/CD. */
    Deployment: {
      id: string;
      service: string;
      environment: string;
      production: boolean;
      version: string;
      status: components['schemas']['DeploymentStatus'];
      changeType: components['schemas']['ChangeType'];
      /** @enum {string} */
      source: 'runway' | 'external';
      driver?: string;
      triggeredBy?: string;
      selfService: boolean;
      commitSha?: string;
      /** @description For a rollback, the deployment it rolled back. */
      rollbackOf?: string;
      /** @description For a promotion, the deployment whose version it promotes. */
      promotedFrom?: string;
      requestedAt: string;
      queuedAt?: string;
      startedAt?: string;
      finishedAt?: string;
      approval?: {
        reason: string;
        approvedBy?: string;
        approvedAt?: string;
      };
      freezeOverride?: {
        window: string;
        reason: string;
      };
      leadTimeSeconds?: number;
      causedIncident: boolean;
      /** @description Why a finished production deployment counts as a failed change. */
      failedChange?: {
        reasons: ('failed' | 'rolled-back' | 'incident')[];
        incidents: {
          id: string;
          title?: string;
          url?: string;
          source?: string;
          openedAt: string;
          /** @enum {string} */
          link: 'reported' | 'live-at-open';
        }[];
      };
      message?: string;
    };
    DeploymentListResponse: {
      deployments: components['schemas']['Deployment'][];
    };
    DeploymentEventsResponse: {
      events: {
        id: number;
        deploymentId: string;
        at: string;
        status?: components['schemas']['DeploymentStatus'];
        message: string;
      }[];
    };
    /** @description `service` (with `ref`), `team` (with `ref` and `services`) or `organisation`. */
    MetricsScope: {
      /** @enum {string} */
      type: 'service' | 'team' | 'organisation';
      ref?: string;
      services?: number;
    };
    /** @description The four DORA metrics and rework rate over the window, with tiers. */
    DoraResponse: {
      scope: components['schemas']['MetricsScope'];
      window: {
        from: string;
        to: string;
        days: number;
      };
      tiers: {
        reportYear: number;
      };
      /** @description deploymentFrequency, leadTime, changeFailureRate, timeToRestore, reworkRate, each with its `tier`, and selfServiceShare. */
      dora: {
        [key: string]: unknown;
      };
    };
    /** @description The DORA metrics, flow metrics, and the median wait per stage of a change's way to production, with the binding constraint. */
    MetricsResponse: {
      scope: components['schemas']['MetricsScope'];
      window: {
        from: string;
        to: string;
        days: number;
      };
      tiers: {
        reportYear: number;
      };
      dora: {
        [key: string]: unknown;
      };
      flow: {
        [key: string]: unknown;
      };
      stages: {
        stage: string;
        count: number;
        p50Hours?: number;
        enoughData: boolean;
        measuredFrom: string;
        howToFeed: string;
      }[];
      minimumSample: number;
      constraint?: {
        stage: string;
        p50Hours: number;
        comparedStages: number;
      };
      noConstraint?: string;
    };
    ServiceFactsResponse: {
      window: {
        from: string;
        to: string;
      };
      /** @description Per service ref, the figures readiness turns into facts (absent = no data). */
      services: {
        [key: string]: {
          deploysPerWeek?: number;
          selfServiceShare?: number;
          leadTimeHoursP50?: number;
          timeToRestoreHoursP50?: number;
          rollbackAvailable?: boolean;
          testDurationP50Seconds?: number;
          testDurationP90Seconds?: number;
          testFlakyRate?: number;
          reviewWaitHoursP50?: number;
        };
      };
    };
    TimeseriesResponse: {
      scope: components['schemas']['MetricsScope'];
      /** @enum {string} */
      bucket: 'day' | 'week';
      /** @description The window snapped outwards to whole buckets. */
      window: {
        from: string;
        to: string;
      };
      points: {
        start: string;
        end: string;
        deployments: number;
        finished: number;
        failedDeployments: number;
        changeFailureRate?: number;
        reworkRate?: number;
        leadTimeP50Hours?: number;
        leadTimes: number;
        timeToRestoreP50Hours?: number;
        incidentsResolved: number;
      }[];
    };
    ServiceEnvironmentsResponse: {
      service: string;
      owner?: string;
      /** @description The service's `runway.dev/deploy-path`, or every configured environment. */
      deployPath: string[];
      pathFromAnnotation: boolean;
      environments: {
        name: string;
        /** @enum {string} */
        tier?: 'production' | 'staging' | 'development';
        configured: boolean;
        current?: components['schemas']['Deployment'];
        active?: components['schemas']['Deployment'];
        freeze?: {
          window: string;
          description: string;
        };
      }[];
      /** @description Members of this group may override freeze windows (with a reason). */
      platformTeam?: string;
    };
    KnownVersionsResponse: {
      versions: {
        version: string;
        commitSha?: string;
        lastSeenAt: string;
        liveIn: string[];
      }[];
    };
    Error: {
      error: {
        /** @description e.g. `InputError`, `AuthenticationError`, `NotAllowedError`. */
        name: string;
        message: string;
        stack?: string;
      };
      request: {
        method: string;
        url: string;
      };
      response: {
        statusCode: number;
      };
    };
  };
  responses: {
    /** @description An error response from the backend, in Backstage's error body shape. */
    ErrorResponse: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description A parameter or the body is unknown, missing or out of its limits, or not JSON (`InputError`; the message names the field and, where there is one, the value). */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description No valid Backstage token (`AuthenticationError`). */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The signature or token is missing or wrong, or none is configured for this webhook (`AuthenticationError`). */
    WebhookUnauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The caller lacks the delivery permission this needs (`NotAllowedError`). */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The service, team or environment is not known, or there is no such deploy (`NotFoundError`). */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The deploy cannot go ahead as asked: a freeze window without an override, another deploy active in the environment, an idempotency key reused for a different request, or a deploy no longer in the state this needs (`ConflictError`). */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The body is larger than this route accepts. */
    PayloadTooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    /** @description The deploy's id, as POST /deploys answered it. */
    deployId: string;
    /** @description A Component's entity ref (`component:default/payments-api`), or its name for one in the default namespace. */
    service: components['schemas']['ServiceRef'];
    /** @description The window's start: RFC 3339 with seconds and a zone (`Z` or `+hh:mm`), e.g. `2026-12-01T10:00:00Z`. Defaults to the window's length before `to`. */
    metricsFrom: string;
    /** @description The window's end, in the same format as `from`; defaults to now. */
    metricsTo: string;
    /** @description One service (Component entity ref, or a name in the default namespace); not with `team`. Neither: the organisation. */
    metricsService: string;
    /** @description A team's services (Group entity ref, or a name in the default namespace); not with `service`. */
    metricsTeam: string;
    /** @description The Component the test run belongs to; it must be in the catalog. */
    junitService: components['schemas']['ServiceRef'];
    /** @description The CI run's id; a report sent again for the same run is stored once. */
    junitRunId: string;
    /** @description When the run finished (RFC 3339 with seconds and a zone); defaults to the report's earliest testsuite timestamp plus its time, else now. */
    junitFinishedAt: string;
    /** @description `gzip` for a compressed report; absent or `identity` for plain XML. */
    contentEncoding: 'identity' | 'gzip';
    /** @description `sha256=<hex>`: the HMAC-SHA256 of the body exactly as sent, keyed with the configured secret. Missing or wrong: 401. */
    hubSignature: string;
    /** @description The sender's id of this delivery (at most 200 characters): a delivery sent again with the same id is stored once. */
    runwayDelivery: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  ListDeploys: {
    parameters: {
      query: {
        /** @description The service (Component entity ref, or a name in the default namespace). */
        service: string;
        environment?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The deploys. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeploymentListResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  Deploy: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot). */
    requestBody: {
      content: {
        'application/json': components['schemas']['DeployRequest'];
        'application/*': components['schemas']['DeployRequest'];
      };
    };
    responses: {
      /** @description The deploy, started (or awaiting approval). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Deployment'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      default: components['responses']['ErrorResponse'];
    };
  };
  Rollback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot). */
    requestBody: {
      content: {
        'application/json': components['schemas']['RollbackRequest'];
        'application/*': components['schemas']['RollbackRequest'];
      };
    };
    responses: {
      /** @description The rollback deploy, started (or awaiting approval). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Deployment'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      default: components['responses']['ErrorResponse'];
    };
  };
  Promote: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot). */
    requestBody: {
      content: {
        'application/json': components['schemas']['PromoteRequest'];
        'application/*': components['schemas']['PromoteRequest'];
      };
    };
    responses: {
      /** @description The promotion deploy, started (or awaiting approval). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Deployment'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetDeploy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The deploy's id, as POST /deploys answered it. */
        id: components['parameters']['deployId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The deploy. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Deployment'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetDeployEvents: {
    parameters: {
      query?: {
        /** @description Lines with a greater id only (the last id seen). Empty means 0. */
        after?: number | '';
      };
      header?: never;
      path: {
        /** @description The deploy's id, as POST /deploys answered it. */
        id: components['parameters']['deployId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The log lines after `after`. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeploymentEventsResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  ApproveDeploy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The deploy's id, as POST /deploys answered it. */
        id: components['parameters']['deployId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The deploy, approved and queued. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Deployment'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      default: components['responses']['ErrorResponse'];
    };
  };
  DeployCallback: {
    parameters: {
      query?: never;
      header?: {
        /** @description The webhook driver's signature, `sha256=<hex>` of the raw body with its secret (other drivers may check other headers). */
        'X-Hub-Signature-256'?: string;
      };
      path: {
        /** @description The deploy's id, as POST /deploys answered it. */
        id: components['parameters']['deployId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeployCallback'];
      };
    };
    responses: {
      /** @description The deploy, updated. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Deployment'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['WebhookUnauthorized'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['ErrorResponse'];
    };
  };
  IngestEvents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot). */
    requestBody: {
      content: {
        'application/json': components['schemas']['IngestRequest'];
        'application/*': components['schemas']['IngestRequest'];
      };
    };
    responses: {
      /** @description Stored. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IngestResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['ErrorResponse'];
    };
  };
  IngestJunit: {
    parameters: {
      query: {
        /** @description The Component the test run belongs to; it must be in the catalog. */
        service: components['parameters']['junitService'];
        /** @description The CI run's id; a report sent again for the same run is stored once. */
        runId: components['parameters']['junitRunId'];
        /** @description When the run finished (RFC 3339 with seconds and a zone); defaults to the report's earliest testsuite timestamp plus its time, else now. */
        finishedAt?: components['parameters']['junitFinishedAt'];
      };
      header?: {
        /** @description `gzip` for a compressed report; absent or `identity` for plain XML. */
        'Content-Encoding'?: components['parameters']['contentEncoding'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/xml': string;
        'text/xml': string;
      };
    };
    responses: {
      /** @description Stored, with the run's summary. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JunitResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetMetrics: {
    parameters: {
      query?: {
        /** @description The window's start: RFC 3339 with seconds and a zone (`Z` or `+hh:mm`), e.g. `2026-12-01T10:00:00Z`. Defaults to the window's length before `to`. */
        from?: components['parameters']['metricsFrom'];
        /** @description The window's end, in the same format as `from`; defaults to now. */
        to?: components['parameters']['metricsTo'];
        /** @description One service (Component entity ref, or a name in the default namespace); not with `team`. Neither: the organisation. */
        service?: components['parameters']['metricsService'];
        /** @description A team's services (Group entity ref, or a name in the default namespace); not with `service`. */
        team?: components['parameters']['metricsTeam'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The metrics. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MetricsResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetDoraMetrics: {
    parameters: {
      query?: {
        /** @description The window's start: RFC 3339 with seconds and a zone (`Z` or `+hh:mm`), e.g. `2026-12-01T10:00:00Z`. Defaults to the window's length before `to`. */
        from?: components['parameters']['metricsFrom'];
        /** @description The window's end, in the same format as `from`; defaults to now. */
        to?: components['parameters']['metricsTo'];
        /** @description One service (Component entity ref, or a name in the default namespace); not with `team`. Neither: the organisation. */
        service?: components['parameters']['metricsService'];
        /** @description A team's services (Group entity ref, or a name in the default namespace); not with `service`. */
        team?: components['parameters']['metricsTeam'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The DORA metrics. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DoraResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetServiceFacts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot). */
    requestBody: {
      content: {
        'application/json': components['schemas']['ServiceFactsRequest'];
        'application/*': components['schemas']['ServiceFactsRequest'];
      };
    };
    responses: {
      /** @description The figures per service. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceFactsResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetTimeseries: {
    parameters: {
      query?: {
        /** @description The window's start: RFC 3339 with seconds and a zone (`Z` or `+hh:mm`), e.g. `2026-12-01T10:00:00Z`. Defaults to the window's length before `to`. */
        from?: components['parameters']['metricsFrom'];
        /** @description The window's end, in the same format as `from`; defaults to now. */
        to?: components['parameters']['metricsTo'];
        /** @description One service (Component entity ref, or a name in the default namespace); not with `team`. Neither: the organisation. */
        service?: components['parameters']['metricsService'];
        /** @description A team's services (Group entity ref, or a name in the default namespace); not with `service`. */
        team?: components['parameters']['metricsTeam'];
        bucket?: 'day' | 'week';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The points. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TimeseriesResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetServiceEnvironments: {
    parameters: {
      query: {
        /** @description A Component's entity ref (`component:default/payments-api`), or its name for one in the default namespace. */
        service: components['parameters']['service'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The service's environments. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceEnvironmentsResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetKnownVersions: {
    parameters: {
      query: {
        /** @description A Component's entity ref (`component:default/payments-api`), or its name for one in the default namespace. */
        service: components['parameters']['service'];
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The versions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['KnownVersionsResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GithubWebhook: {
    parameters: {
      query?: never;
      header: {
        /** @description `sha256=<hex>`: the HMAC-SHA256 of the body exactly as sent, keyed with the configured secret. Missing or wrong: 401. */
        'X-Hub-Signature-256': components['parameters']['hubSignature'];
        /** @description The event's name, e.g. `pull_request` (the first 100 characters are read). */
        'X-GitHub-Event'?: string;
        /** @description GitHub's delivery id (at most 200 characters): a delivery sent again is stored once. */
        'X-GitHub-Delivery'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description Stored, or acknowledged with why it was not read. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['WebhookUnauthorized'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['ErrorResponse'];
    };
  };
  JunitWebhook: {
    parameters: {
      query: {
        /** @description The Component the test run belongs to; it must be in the catalog. */
        service: components['parameters']['junitService'];
        /** @description The CI run's id; a report sent again for the same run is stored once. */
        runId: components['parameters']['junitRunId'];
        /** @description When the run finished (RFC 3339 with seconds and a zone); defaults to the report's earliest testsuite timestamp plus its time, else now. */
        finishedAt?: components['parameters']['junitFinishedAt'];
      };
      header: {
        /** @description `gzip` for a compressed report; absent or `identity` for plain XML. */
        'Content-Encoding'?: components['parameters']['contentEncoding'];
        /** @description `sha256=<hex>`: the HMAC-SHA256 of the body exactly as sent, keyed with the configured secret. Missing or wrong: 401. */
        'X-Hub-Signature-256': components['parameters']['hubSignature'];
        /** @description The sender's id of this delivery (at most 200 characters): a delivery sent again with the same id is stored once. */
        'X-Runway-Delivery'?: components['parameters']['runwayDelivery'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/xml': string;
        'text/xml': string;
      };
    };
    responses: {
      /** @description Stored, with the run's summary. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JunitResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['WebhookUnauthorized'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['ErrorResponse'];
    };
  };
  IncidentWebhook: {
    parameters: {
      query?: never;
      header: {
        /** @description `sha256=<hex>`: the HMAC-SHA256 of the body exactly as sent, keyed with the configured secret. Missing or wrong: 401. */
        'X-Hub-Signature-256': components['parameters']['hubSignature'];
        /** @description The sender's id of this delivery (at most 200 characters): a delivery sent again with the same id is stored once. */
        'X-Runway-Delivery'?: components['parameters']['runwayDelivery'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignedIncident'];
      };
    };
    responses: {
      /** @description Stored. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IngestResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['WebhookUnauthorized'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['ErrorResponse'];
    };
  };
  PagerdutyWebhook: {
    parameters: {
      query?: never;
      header: {
        /** @description `v1=<hex>`, several comma-separated while a secret is rotated. */
        'X-PagerDuty-Signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description Stored, or acknowledged with why it was not read. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['WebhookUnauthorized'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['ErrorResponse'];
    };
  };
  OpsgenieWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description Stored, or acknowledged with why it was not read. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['WebhookUnauthorized'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['ErrorResponse'];
    };
  };
  AlertmanagerWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description Stored, or acknowledged with why it was not read. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['WebhookUnauthorized'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['ErrorResponse'];
    };
  };
}
