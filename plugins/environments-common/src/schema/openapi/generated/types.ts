// Generated from the backend's src/schema/openapi.yaml by scripts/openapi-router.mjs; do not edit.
/* eslint-disable */

export interface paths {
  '/classes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The environment classes that loaded, the problems of those that did not, and the registered drivers. */
    get: operations['ListClasses'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/classes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description One environment class, as loaded. */
    get: operations['GetClass'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/classes/reload': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Reloads the classes from config and class files (platform team or a service, with `environments.class.manage`). Takes no body; one sent is ignored. */
    post: operations['ReloadClasses'];
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
    /** @description The environments the caller may read, newest first, filtered, a page at a time (no secrets, no resource detail). */
    get: operations['ListEnvironments'];
    put?: never;
    /** @description Requests an environment of a class for an owning group the caller belongs to (or any, for the platform team). Recorded at once and provisioned in the background, or held for the platform team's approval when the class requires it. */
    post: operations['CreateEnvironment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/environments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description One environment with its resources; secrets only for its owners. */
    get: operations['GetEnvironment'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/environments/{id}/extend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Adds hours to the expiry, up to the class's maximum from creation (owners and the platform team). */
    post: operations['ExtendEnvironment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/environments/{id}/teardown': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Tears a ready or failed environment down in the background, or withdraws a request awaiting approval (owners and the platform team). */
    post: operations['TeardownEnvironment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/environments/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Approves an environment awaiting approval; it is provisioned in the background (the platform team, not the person who requested it). */
    post: operations['ApproveEnvironment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/environments/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Rejects an environment awaiting approval, saying why (the platform team); nothing is created. */
    post: operations['RejectEnvironment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/environments/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The environment's live log, oldest first; poll with `after` set to the last id seen until the status is final. */
    get: operations['ListEnvironmentEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/environments/{id}/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Who did what to the environment, newest first. */
    get: operations['GetEnvironmentAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The audit trail of every environment of one owner, newest first (its members and the platform team; needs an unconditional `environments.environment.read`). */
    get: operations['GetTeamAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Environments counted by status per class and per scaffolder template (needs an unconditional `environments.environment.read`). */
    get: operations['GetUsage'];
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
    /** @description An entity ref, `kind:namespace/name` or `kind:name`, any case. */
    EntityRef: string;
    /** @description A component entity ref, `component:namespace/name` or `component:name`, any case. */
    ComponentRef: string;
    /** @enum {string} */
    EnvironmentStatus:
      | 'requested'
      | 'awaiting-approval'
      | 'provisioning'
      | 'ready'
      | 'failed'
      | 'tearing-down'
      | 'torn-down'
      | 'rejected';
    /** @enum {string} */
    ResourceStatus:
      | 'pending'
      | 'provisioning'
      | 'ready'
      | 'failed'
      | 'tearing-down'
      | 'torn-down';
    CreateEnvironmentRequest: {
      /** @description A DNS label (lowercase letters, digits and `-`, starting with a letter); generated from the class when absent. */
      name?: string;
      /** @description The environment class, e.g. `preview` (an unknown class is a 400). */
      className: string;
      /** @description The owning group (or user), e.g. `group:default/payments-team`. */
      owner: components['schemas']['EntityRef'];
      component?: components['schemas']['ComponentRef'];
      /** @description The scaffolder template that creates it, for usage per template. */
      template?: string;
      /** @description Defaults to the class's `ttl.defaultHours`; at most its `ttl.maxHours` (400). */
      ttlHours?: number;
      /**
       * @description Settable parameters by resource name, e.g. `{"db": {"sizeMb": 200}}`; each checked against the limits the class gives it (400 naming `parameters.<resource>.<name>`).
       * @default {}
       */
      parameters?: {
        [key: string]: Record<string, unknown>;
      };
    };
    ApprovalDecision: {
      /** @enum {string} */
      decision: 'approved' | 'rejected';
      decidedBy: string;
      /** Format: date-time */
      decidedAt: string;
      reason?: string;
    };
    EnvironmentResource: {
      name: string;
      /** @description The resource type, realised by the driver of that type, e.g. `postgres`. */
      type: string;
      status: components['schemas']['ResourceStatus'];
      /** @description The class's defaults with what the requester set. */
      parameters: Record<string, unknown>;
      /** @description What the resource exposes (host, URLs). */
      outputs: {
        [key: string]: string;
      };
      /** @description Credentials; only for the environment's owners (users) and never in lists. */
      secrets?: {
        [key: string]: string;
      };
      error?: string;
    };
    EnvironmentBase: {
      id: string;
      name: string;
      className: string;
      owner: string;
      component?: string;
      template?: string;
      status: components['schemas']['EnvironmentStatus'];
      statusMessage?: string;
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: date-time */
      expiresAt: string;
      approval?: components['schemas']['ApprovalDecision'];
    };
    /** @description An environment with its resources (secrets only for owners). */
    Environment: components['schemas']['EnvironmentBase'] & {
      resources: components['schemas']['EnvironmentResource'][];
    };
    /** @description An environment, with what the caller may do with it. */
    EnvironmentResponse: components['schemas']['Environment'] & {
      viewer: {
        /** @description Member of the owning group (sees secrets, may extend and tear down). */
        isOwner: boolean;
        /** @description Member of the platform team (may approve, and act on every environment). */
        isPlatformTeam: boolean;
      };
    };
    /** @description An environment without per-resource detail, as lists carry it. */
    EnvironmentSummary: components['schemas']['EnvironmentBase'] & {
      resources: {
        name: string;
        type: string;
        status: components['schemas']['ResourceStatus'];
      }[];
    };
    ListEnvironmentsResponse: {
      items: components['schemas']['EnvironmentSummary'][];
      totalCount: number;
    };
    EnvironmentEvent: {
      /** @description Increasing; pass the last one seen as `after`. */
      id: number;
      environmentId: string;
      /** Format: date-time */
      at: string;
      /** @enum {string} */
      kind: 'status' | 'log' | 'error';
      resource?: string;
      status?: components['schemas']['EnvironmentStatus'];
      message: string;
    };
    EnvironmentEventsResponse: {
      events: components['schemas']['EnvironmentEvent'][];
      status: components['schemas']['EnvironmentStatus'];
    };
    AuditRecord: {
      id: number;
      /** Format: date-time */
      at: string;
      environmentId: string;
      environmentName: string;
      owner: string;
      /** @description A user entity ref, or `runway:environments` for the engine's own steps. */
      actor: string;
      /** @enum {string} */
      action:
        | 'create'
        | 'approve'
        | 'reject'
        | 'extend'
        | 'teardown'
        | 'provisioned'
        | 'provisioning-failed'
        | 'torn-down'
        | 'teardown-failed'
        | 'expired';
      /** @enum {string} */
      outcome: 'succeeded' | 'failed';
      message?: string;
    };
    AuditResponse: {
      records: components['schemas']['AuditRecord'][];
    };
    /** @description An environment class as loaded (defaults applied). */
    EnvironmentClass: {
      id: string;
      title: string;
      description: string;
      ttl: {
        defaultHours: number;
        maxHours: number;
      };
      quota?: {
        /** @description Active environments of this class one team may have at once. */
        activePerTeam: number;
      };
      approval: {
        required: boolean;
      };
      /** @description Provisioned in this order, torn down in reverse. */
      resources: {
        name: string;
        type: string;
        description?: string;
        /** @description Defaults. */
        parameters: Record<string, unknown>;
        /** @description Parameters a requester may set, by name, with their limits (`type`: string, integer, number, boolean, string-list or string-map). */
        settable: {
          [key: string]: {
            type: string;
          };
        };
      }[];
    };
    ListClassesResponse: {
      classes: components['schemas']['EnvironmentClass'][];
      /** @description Classes and class files that could not be loaded, named by file and field. */
      problems: {
        /** @description The file, or `app-config`. */
        source: string;
        classId?: string;
        field: string;
        message: string;
      }[];
      drivers: {
        type: string;
        description: string;
      }[];
    };
    UsageRow: {
      key: string;
      total: number;
      active: number;
      failed: number;
      byStatus: {
        [key: string]: number;
      };
    };
    UsageResponse: {
      classes: components['schemas']['UsageRow'][];
      templates: components['schemas']['UsageRow'][];
    };
    Error: {
      error: {
        /** @description e.g. `InputError`, `AuthenticationError`, `NotAllowedError`, `NotFoundError`, `ConflictError`. */
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
    /** @description The body, a query parameter or a header is malformed, unknown or out of its limits, or the request breaks a class rule (unknown class, a ttl or parameter the class does not allow) (`InputError`; the message names the field, e.g. `Invalid request: name must be a DNS label ...`). */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description No valid Backstage user or service token (`AuthenticationError`). */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The permission policy denies the action, or the caller is not a member of the owning group or of the platform team as the action requires (`NotAllowedError`; the message says which). */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description No such environment or environment class (`NotFoundError`). */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The environment's status does not allow the action, a limit is reached (quota, `ttl.maxHours`), the name is in use, or the `Idempotency-Key` was used with another body (`ConflictError`; the message names the limit). */
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
    /** @description The environment's id (a UUID, as returned when it was requested). */
    id: string;
    /** @description The environment class's id, e.g. `preview`. */
    classId: string;
    /** @description 1-255 visible ASCII characters. A retried request with the same key and body returns the environment the first one created (200 with `Idempotent-Replayed: true`); the same key with another body is a 409. */
    idempotencyKey: string;
    /** @description `mine`: created by me; `team`: owned by my groups; `all`: everything I may read. */
    scope: 'mine' | 'team' | 'all';
    /** @description Owners (entity refs, any case), comma-separated, e.g. `group:default/payments-team,group:default/search-team`; at least one. */
    ownerList: string;
    /** @description Environment class ids, comma-separated; at least one. */
    className: string;
    /** @description Statuses, comma-separated, e.g. `ready,failed`; each one of requested, awaiting-approval, provisioning, ready, failed, tearing-down, torn-down, rejected. */
    status: string;
    /** @description The component the environments serve, a component entity ref (any case). */
    component: components['schemas']['ComponentRef'];
    /** @description Environments that expire before this time: RFC 3339 with seconds and a zone (`Z` or `+hh:mm`), e.g. `2026-12-01T10:00:00Z`. */
    expiringBefore: string;
    /** @description Environments per page. */
    listLimit: number;
    /** @description Environments to skip. Empty means 0. */
    offset: number | '';
    /** @description Only events with a greater id (the last id seen, to follow the log). Empty means 0. */
    after: number | '';
    /** @description Events per response. */
    eventsLimit: number;
    /** @description The owning group (or user) whose audit trail to read, an entity ref (any case). */
    auditOwner: components['schemas']['EntityRef'];
    /** @description Records per response, newest first. */
    auditLimit: number;
  };
  requestBodies: {
    CreateEnvironment: {
      content: {
        'application/json': components['schemas']['CreateEnvironmentRequest'];
      };
    };
    ExtendEnvironment: {
      content: {
        'application/json': {
          /** @description Hours added to the expiry; the result may not pass the class's `ttl.maxHours` from creation (409). */
          hours: number;
        };
      };
    };
    TeardownEnvironment: {
      content: {
        'application/json': {
          /** @description Kept in the audit trail. */
          reason?: string;
        };
      };
    };
    ApproveEnvironment: {
      content: {
        'application/json': {
          /** @description Kept with the approval. */
          reason?: string;
        };
      };
    };
    RejectEnvironment: {
      content: {
        'application/json': {
          /** @description Why; trimmed, then at least 3 and at most 1000 characters. */
          reason: string;
        };
      };
    };
  };
  headers: {
    /** @description `true` when the response replays the environment an earlier request with the same `Idempotency-Key` created. */
    IdempotentReplayed: 'true';
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  ListClasses: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Classes, problems and drivers. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListClassesResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetClass: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The environment class's id, e.g. `preview`. */
        id: components['parameters']['classId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The class. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentClass'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  ReloadClasses: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The classes, problems and drivers after the reload. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListClassesResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      default: components['responses']['ErrorResponse'];
    };
  };
  ListEnvironments: {
    parameters: {
      query?: {
        /** @description `mine`: created by me; `team`: owned by my groups; `all`: everything I may read. */
        scope?: components['parameters']['scope'];
        /** @description Owners (entity refs, any case), comma-separated, e.g. `group:default/payments-team,group:default/search-team`; at least one. */
        owner?: components['parameters']['ownerList'];
        /** @description Environment class ids, comma-separated; at least one. */
        className?: components['parameters']['className'];
        /** @description Statuses, comma-separated, e.g. `ready,failed`; each one of requested, awaiting-approval, provisioning, ready, failed, tearing-down, torn-down, rejected. */
        status?: components['parameters']['status'];
        /** @description The component the environments serve, a component entity ref (any case). */
        component?: components['parameters']['component'];
        /** @description Environments that expire before this time: RFC 3339 with seconds and a zone (`Z` or `+hh:mm`), e.g. `2026-12-01T10:00:00Z`. */
        expiringBefore?: components['parameters']['expiringBefore'];
        /** @description Environments per page. */
        limit?: components['parameters']['listLimit'];
        /** @description Environments to skip. Empty means 0. */
        offset?: components['parameters']['offset'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of environments and how many match. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListEnvironmentsResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      default: components['responses']['ErrorResponse'];
    };
  };
  CreateEnvironment: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1-255 visible ASCII characters. A retried request with the same key and body returns the environment the first one created (200 with `Idempotent-Replayed: true`); the same key with another body is a 409. */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: components['requestBodies']['CreateEnvironment'];
    responses: {
      /** @description A replay of an earlier request with the same `Idempotency-Key` and body. */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Environment'];
        };
      };
      /** @description Requested (`requested`, or `awaiting-approval`); follow it with the events route. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Environment'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetEnvironment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The environment's id (a UUID, as returned when it was requested). */
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The environment. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  ExtendEnvironment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The environment's id (a UUID, as returned when it was requested). */
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody: components['requestBodies']['ExtendEnvironment'];
    responses: {
      /** @description The environment with its new expiry. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Environment'];
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
  TeardownEnvironment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The environment's id (a UUID, as returned when it was requested). */
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody?: components['requestBodies']['TeardownEnvironment'];
    responses: {
      /** @description A request awaiting approval was withdrawn (`torn-down`; nothing was provisioned). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Environment'];
        };
      };
      /** @description `tearing-down` (now or already); follow it with the events route. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Environment'];
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
  ApproveEnvironment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The environment's id (a UUID, as returned when it was requested). */
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody?: components['requestBodies']['ApproveEnvironment'];
    responses: {
      /** @description Approved; provisioning. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Environment'];
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
  RejectEnvironment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The environment's id (a UUID, as returned when it was requested). */
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody: components['requestBodies']['RejectEnvironment'];
    responses: {
      /** @description The environment, `rejected`. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Environment'];
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
  ListEnvironmentEvents: {
    parameters: {
      query?: {
        /** @description Only events with a greater id (the last id seen, to follow the log). Empty means 0. */
        after?: components['parameters']['after'];
        /** @description Events per response. */
        limit?: components['parameters']['eventsLimit'];
      };
      header?: never;
      path: {
        /** @description The environment's id (a UUID, as returned when it was requested). */
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Events after `after`, and the current status. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentEventsResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetEnvironmentAudit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The environment's id (a UUID, as returned when it was requested). */
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The environment's audit records. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetTeamAudit: {
    parameters: {
      query: {
        /** @description The owning group (or user) whose audit trail to read, an entity ref (any case). */
        owner: components['parameters']['auditOwner'];
        /** @description Records per response, newest first. */
        limit?: components['parameters']['auditLimit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The owner's audit records. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetUsage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Usage per class and per template. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UsageResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      default: components['responses']['ErrorResponse'];
    };
  };
}
