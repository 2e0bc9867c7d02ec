// Generated from the backend's src/schema/openapi.yaml by scripts/openapi-router.mjs; do not edit.
/* eslint-disable */

export interface paths {
  '/checks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Every loaded check with its guidance, and the checks that failed to load. */
    get: operations['ListChecks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/evaluate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Evaluates one entity now (`readiness.evaluate` on it) or, without `entityRef`, every entity (`readiness.evaluate.all`). The body may be absent. */
    post: operations['Evaluate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scorecards/{kind}/{namespace}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The entity's scorecard (`readiness.read` on it); an entity in the catalog that was never evaluated is evaluated first. */
    get: operations['GetScorecard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scorecards/{kind}/{namespace}/{name}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The entity's score changes per capability since `since` (`readiness.read` on it). */
    get: operations['GetScoreHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/facts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description CI pushes a batch of facts (`readiness.facts.push`), all or nothing: a fact that is not declared, or a value outside its declared range, is a 400 naming it; an entity the catalog does not have is a 404. The entities are then evaluated again. */
    post: operations['PushFacts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/exemptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The entity's exemptions, active and past (`readiness.read` on it). */
    get: operations['ListExemptions'];
    put?: never;
    /** @description A user exempts an entity from a check, for a reason, until a date (`readiness.exemption.manage` on the entity). An expiry in the past or beyond readiness.exemptions.maxDays is a 400; an unknown entity or check a 404; an active exemption of the same entity from the same check a 409. */
    post: operations['CreateExemption'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/exemptions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** @description A user revokes an exemption (`readiness.exemption.manage` on its entity); the entity is evaluated again. */
    delete: operations['RevokeExemption'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The scorecards the caller may read, one row per entity, filtered and sorted; a page at a time as JSON, or every match as CSV. */
    get: operations['ListOverview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rollups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Per owning team (or for the whole organisation), over the scorecards the caller may read: the average score and level counts per capability, the weakest capability, and the check to fix first for the most entities. */
    get: operations['ListRollups'];
    put?: never;
    post?: never;
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
    FilterList: string | string[];
    /** @enum {string} */
    CapabilityId:
      | 'self-service-deployment'
      | 'test-feedback'
      | 'environment-provisioning'
      | 'code-review'
      | 'ownership'
      | 'observability';
    /** @enum {string} */
    LevelId: 'bronze' | 'silver' | 'gold';
    /** @enum {string} */
    AchievedLevel: 'none' | 'bronze' | 'silver' | 'gold';
    /** @enum {string} */
    OverviewLevel: 'none' | 'bronze' | 'silver' | 'gold';
    /** @enum {string} */
    CheckStatus:
      | 'pass'
      | 'warn'
      | 'fail'
      | 'not-applicable'
      | 'missing-data'
      | 'error';
    HowToFix: {
      markdown: string;
      link?: string;
    };
    /** @description A readiness check as loaded from a checks file or registered by a module. */
    CheckDefinition: {
      id: string;
      capability: components['schemas']['CapabilityId'];
      title: string;
      description: string;
      howToFix: components['schemas']['HowToFix'];
      weight: number;
      level: components['schemas']['LevelId'];
      appliesTo?: {
        kinds?: string[];
        types?: string[];
        lifecycles?: string[];
      };
      rule: components['schemas']['Rule'];
      warn?: components['schemas']['Rule'];
    };
    /** @description A rule over facts: a comparison of one fact (`fact` and one operator), or `all` / `any` of rules, or `not` a rule. */
    Rule: {
      [key: string]: unknown;
    };
    ChecksResponse: {
      checks: components['schemas']['CheckDefinition'][];
      /** @description Checks that were not loaded, and why. */
      problems: {
        file: string;
        field: string;
        message: string;
      }[];
    };
    /** @description What an evaluation changed. */
    EvaluationSummary: {
      entities?: number;
      factsChanged?: number;
      resultChanges?: number;
      scoreChanges?: number;
      entityChanges?: number;
      removed?: number;
    };
    EvaluateRequest: {
      /** @description The entity to evaluate (any case); absent, every entity. */
      entityRef?: string;
    };
    FactValue: string | number | boolean | string[];
    PushFactsRequest: {
      facts: {
        entityRef: string;
        /** @description A declared pushed fact, e.g. `ci.test.flakyRate` (else a 400 naming it). */
        name: string;
        value: components['schemas']['FactValue'];
        /**
         * Format: date-time
         * @description When the fact was observed; defaults to when it is received.
         */
        observedAt?: string;
      }[];
    };
    PushFactsResponse: {
      accepted: number;
      changed: number;
      /** @description The entities evaluated again. */
      evaluated: string[];
    };
    ScorecardCheck: {
      id: string;
      title: string;
      description: string;
      howToFix: components['schemas']['HowToFix'];
      level: components['schemas']['LevelId'];
      weight: number;
      status: components['schemas']['CheckStatus'];
      detail: string;
      /** Format: date-time */
      changedAt: string;
      exemption?: {
        id: string;
        reason: string;
        /** Format: date-time */
        expiresAt: string;
        createdBy: string;
      };
    };
    BlockingCheck: {
      id: string;
      capability: components['schemas']['CapabilityId'];
      level: components['schemas']['LevelId'];
      weight: number;
      status: components['schemas']['CheckStatus'];
      title: string;
      howToFix: components['schemas']['HowToFix'];
    };
    CheckSummary: {
      id: string;
      capability: components['schemas']['CapabilityId'];
      level: components['schemas']['LevelId'];
      title: string;
    };
    ScorecardResponse: {
      entityRef: string;
      title?: string;
      owner?: string;
      system?: string;
      overallLevel: components['schemas']['AchievedLevel'];
      /** @description How many of the six capabilities have an applicable check. */
      scoredCapabilities: number;
      /** @description The next overall level, and the open checks standing in its way, heaviest first. */
      fixFirst: {
        level?: components['schemas']['LevelId'];
        checks: components['schemas']['BlockingCheck'][];
      };
      /** Format: date-time */
      evaluatedAt: string;
      capabilities: {
        capability: components['schemas']['CapabilityId'];
        /** @description 0-100 over the applicable checks; null when none applies. */
        score: number | null;
        level: components['schemas']['AchievedLevel'];
        next?: {
          level: components['schemas']['LevelId'];
          failingChecks: string[];
        };
        title: string;
        checks: components['schemas']['ScorecardCheck'][];
      }[];
    };
    ScoreHistoryResponse: {
      entityRef: string;
      changes: {
        capability: string;
        score: number | null;
        level: components['schemas']['AchievedLevel'];
        /** Format: date-time */
        changedAt: string;
      }[];
    };
    OverviewRow: {
      entityRef: string;
      title?: string;
      kind: string;
      type?: string;
      owner?: string;
      system?: string;
      lifecycle?: string;
      overallLevel: components['schemas']['AchievedLevel'];
      scoredCapabilities: number;
      fixFirst: {
        level?: components['schemas']['LevelId'];
        blockingChecks: number;
        first?: components['schemas']['CheckSummary'];
      };
      /** Format: date-time */
      evaluatedAt: string;
      /** @description Per capability id, its score (null when no check applies) and level. */
      scores: {
        [key: string]: {
          score: number | null;
          level: components['schemas']['AchievedLevel'];
        };
      };
    };
    OverviewResponse: {
      total: number;
      rows: components['schemas']['OverviewRow'][];
    };
    RollupsResponse: {
      rollups: {
        /** @description The owner ref; absent for the whole organisation. */
        owner?: string;
        entities: number;
        capabilities: {
          capability: components['schemas']['CapabilityId'];
          averageScore: number | null;
          /** @description How many entities are at each level. */
          levels: {
            [key: string]: number;
          };
        }[];
        weakestCapability?: components['schemas']['CapabilityId'];
        fixFirst?: components['schemas']['CheckSummary'] & {
          /** @description For how many of these entities this check comes first. */
          entities: number;
        };
      }[];
    };
    CreateExemptionRequest: {
      entityRef: string;
      checkId: string;
      /** @description Why; trimmed, then at least 3 and at most 2000 characters. */
      reason: string;
      /**
       * Format: date-time
       * @description In the future, and at most readiness.exemptions.maxDays (default 180) days away.
       */
      expiresAt: string;
    };
    Exemption: {
      id: string;
      entityRef: string;
      checkId: string;
      reason: string;
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: date-time */
      revokedAt?: string;
      revokedBy?: string;
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
    /** @description The body is not JSON, or a parameter or field is unknown, missing or out of its limits (`InputError`; the message names the field and, where there is one, the value). */
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
    /** @description The permission policy does not allow the caller this (`NotAllowedError`), or the route needs a user and the caller is a service. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description No such entity, scorecard, check or exemption (`NotFoundError`; the message names it). */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The entity already has an active exemption from this check (`ConflictError`). */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    /** @description The entity's kind, e.g. `component` (any case). */
    kind: string;
    /** @description The entity's namespace, e.g. `default` (any case). */
    namespace: string;
    /** @description The entity's name (any case). */
    name: string;
    /** @description The exemption's id, as returned when it was created. */
    exemptionId: string;
    /** @description Changes at or after this time: RFC 3339 with seconds and a zone (`Z` or `+hh:mm`). Default: 90 days ago. */
    since: string;
    /** @description The entity whose exemptions to list, e.g. `component:default/payments-api` (any case). */
    exemptionEntityRef: string;
    /** @description Owner entity refs, comma-separated or repeated; blank items are ignored. */
    owner: components['schemas']['FilterList'];
    /** @description System entity refs, comma-separated or repeated. */
    system: components['schemas']['FilterList'];
    /** @description Entity kinds, comma-separated or repeated. */
    kind_filter: components['schemas']['FilterList'];
    /** @description Entity spec types, comma-separated or repeated. */
    type: components['schemas']['FilterList'];
    /** @description Entity lifecycles, comma-separated or repeated. */
    lifecycle: components['schemas']['FilterList'];
    /** @description Overall levels, comma-separated (`bronze,gold`) or repeated, each one of `none`, `bronze`, `silver`, `gold`. A repeated value is not split on commas. */
    level: string | components['schemas']['OverviewLevel'][];
    /** @description Part of the entity's ref or title. */
    search: string;
    /** @description Sort by name, overall level, or one capability's score. */
    sort:
      | 'name'
      | 'level'
      | 'self-service-deployment'
      | 'test-feedback'
      | 'environment-provisioning'
      | 'code-review'
      | 'ownership'
      | 'observability';
    order: 'asc' | 'desc';
    /** @description Rows per page (JSON only; a CSV export has every match). */
    limit: number;
    /** @description Rows to skip (JSON only). */
    offset: number;
    /** @description `csv` downloads every matching row as one CSV file. */
    format: 'json' | 'csv';
    /** @description `owner`: one rollup per owning team; `none`: one for the whole organisation. */
    groupBy: 'owner' | 'none';
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  ListChecks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The checks. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChecksResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
      default: components['responses']['ErrorResponse'];
    };
  };
  Evaluate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot). */
    requestBody?: {
      content: {
        'application/json': components['schemas']['EvaluateRequest'];
        'application/*': components['schemas']['EvaluateRequest'];
      };
    };
    responses: {
      /** @description What the evaluation changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationSummary'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetScorecard: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The entity's kind, e.g. `component` (any case). */
        kind: components['parameters']['kind'];
        /** @description The entity's namespace, e.g. `default` (any case). */
        namespace: components['parameters']['namespace'];
        /** @description The entity's name (any case). */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The scorecard. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScorecardResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetScoreHistory: {
    parameters: {
      query?: {
        /** @description Changes at or after this time: RFC 3339 with seconds and a zone (`Z` or `+hh:mm`). Default: 90 days ago. */
        since?: components['parameters']['since'];
      };
      header?: never;
      path: {
        /** @description The entity's kind, e.g. `component` (any case). */
        kind: components['parameters']['kind'];
        /** @description The entity's namespace, e.g. `default` (any case). */
        namespace: components['parameters']['namespace'];
        /** @description The entity's name (any case). */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The changes, oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScoreHistoryResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  PushFacts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot). */
    requestBody: {
      content: {
        'application/json': components['schemas']['PushFactsRequest'];
        'application/*': components['schemas']['PushFactsRequest'];
      };
    };
    responses: {
      /** @description The facts were recorded. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PushFactsResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  ListExemptions: {
    parameters: {
      query: {
        /** @description The entity whose exemptions to list, e.g. `component:default/payments-api` (any case). */
        entityRef: components['parameters']['exemptionEntityRef'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The exemptions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            exemptions: components['schemas']['Exemption'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      default: components['responses']['ErrorResponse'];
    };
  };
  CreateExemption: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot). */
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateExemptionRequest'];
        'application/*': components['schemas']['CreateExemptionRequest'];
      };
    };
    responses: {
      /** @description The exemption. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Exemption'];
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
  RevokeExemption: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The exemption's id, as returned when it was created. */
        id: components['parameters']['exemptionId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The revoked exemption. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Exemption'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  ListOverview: {
    parameters: {
      query?: {
        /** @description Owner entity refs, comma-separated or repeated; blank items are ignored. */
        owner?: components['parameters']['owner'];
        /** @description System entity refs, comma-separated or repeated. */
        system?: components['parameters']['system'];
        /** @description Entity kinds, comma-separated or repeated. */
        kind?: components['parameters']['kind_filter'];
        /** @description Entity spec types, comma-separated or repeated. */
        type?: components['parameters']['type'];
        /** @description Entity lifecycles, comma-separated or repeated. */
        lifecycle?: components['parameters']['lifecycle'];
        /** @description Overall levels, comma-separated (`bronze,gold`) or repeated, each one of `none`, `bronze`, `silver`, `gold`. A repeated value is not split on commas. */
        level?: components['parameters']['level'];
        /** @description Part of the entity's ref or title. */
        search?: components['parameters']['search'];
        /** @description Sort by name, overall level, or one capability's score. */
        sort?: components['parameters']['sort'];
        order?: components['parameters']['order'];
        /** @description Rows per page (JSON only; a CSV export has every match). */
        limit?: components['parameters']['limit'];
        /** @description Rows to skip (JSON only). */
        offset?: components['parameters']['offset'];
        /** @description `csv` downloads every matching row as one CSV file. */
        format?: components['parameters']['format'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of rows (`format=json`), or the CSV export (`format=csv`). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OverviewResponse'];
          'text/csv': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      default: components['responses']['ErrorResponse'];
    };
  };
  ListRollups: {
    parameters: {
      query?: {
        /** @description Owner entity refs, comma-separated or repeated; blank items are ignored. */
        owner?: components['parameters']['owner'];
        /** @description System entity refs, comma-separated or repeated. */
        system?: components['parameters']['system'];
        /** @description Entity kinds, comma-separated or repeated. */
        kind?: components['parameters']['kind_filter'];
        /** @description Entity spec types, comma-separated or repeated. */
        type?: components['parameters']['type'];
        /** @description Entity lifecycles, comma-separated or repeated. */
        lifecycle?: components['parameters']['lifecycle'];
        /** @description Overall levels, comma-separated (`bronze,gold`) or repeated, each one of `none`, `bronze`, `silver`, `gold`. A repeated value is not split on commas. */
        level?: components['parameters']['level'];
        /** @description Part of the entity's ref or title. */
        search?: components['parameters']['search'];
        /** @description `owner`: one rollup per owning team; `none`: one for the whole organisation. */
        groupBy?: components['parameters']['groupBy'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The rollups. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RollupsResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      default: components['responses']['ErrorResponse'];
    };
  };
}
