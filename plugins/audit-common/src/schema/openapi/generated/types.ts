// Generated from the backend's src/schema/openapi.yaml by scripts/openapi-router.mjs; do not edit.
/* eslint-disable */

export interface paths {
  '/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Audit events, newest first, filtered; a page at a time as JSON, or every match from `cursor` on as CSV. */
    get: operations['ListEvents'];
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
    FilterText: string;
    /** @enum {string} */
    AuditEventStatus: 'initiated' | 'succeeded' | 'failed';
    /** @enum {string} */
    AuditSeverityLevel: 'low' | 'medium' | 'high' | 'critical';
    /** @description One audited action. An action that was started and then finished is one event: `status` moves from `initiated` to `succeeded` or `failed`. */
    AuditEvent: {
      /** @description Runway's id of this occurrence. */
      id: string;
      plugin: string;
      /** @description The kind of action, e.g. `entity-mutate`. */
      eventId: string;
      severityLevel: components['schemas']['AuditSeverityLevel'];
      status: components['schemas']['AuditEventStatus'];
      actor: {
        /** @description A user entity ref, or the subject of a service principal. */
        actorId?: string;
        ip?: string;
        hostname?: string;
        userAgent?: string;
      };
      request?: {
        method: string;
        url: string;
      };
      /** @description What the plugin said about the target (entity refs, ids, parameters). */
      meta?: {
        [key: string]: unknown;
      };
      /** @description The error message of a failed action. */
      error?: string;
      /**
       * Format: date-time
       * @description When the action started.
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description When it succeeded or failed.
       */
      completedAt?: string;
    };
    AuditEventsResponse: {
      events: components['schemas']['AuditEvent'][];
      /** @description Pass as `cursor` for the next (older) page; absent on the last page. */
      nextCursor?: string;
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
    /** @description A query parameter is unknown, empty or out of its limits, or the cursor is not one this API returned (`InputError`; the message names the parameter). */
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
    /** @description The caller is not allowed `audit.events.read` (`NotAllowedError`). */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    /** @description The plugin that audited the action, e.g. `catalog`. Trimmed. */
    plugin: components['schemas']['FilterText'];
    /** @description The kind of action, e.g. `entity-mutate`. Trimmed. */
    eventId: components['schemas']['FilterText'];
    /** @description Part of the actor (user entity ref or service subject), any case. Trimmed. */
    actor: components['schemas']['FilterText'];
    /** @description Part of the target: anything in the event's meta, e.g. an entity ref or an id. Trimmed. */
    target: components['schemas']['FilterText'];
    status: components['schemas']['AuditEventStatus'];
    /** @description Events started at or after this time: RFC 3339 with seconds and a zone (`Z` or `+hh:mm`), e.g. `2026-12-01T10:00:00Z`. */
    from: string;
    /** @description Events started before this time, in the same format as `from`. */
    to: string;
    /** @description Events per page (JSON only; a CSV export has every match). */
    limit: number;
    /** @description The `nextCursor` of the previous page, as returned; any other value is a 400. */
    cursor: string;
    /** @description `csv` downloads every match from `cursor` on as one CSV file. */
    format: 'json' | 'csv';
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  ListEvents: {
    parameters: {
      query?: {
        /** @description The plugin that audited the action, e.g. `catalog`. Trimmed. */
        plugin?: components['parameters']['plugin'];
        /** @description The kind of action, e.g. `entity-mutate`. Trimmed. */
        eventId?: components['parameters']['eventId'];
        /** @description Part of the actor (user entity ref or service subject), any case. Trimmed. */
        actor?: components['parameters']['actor'];
        /** @description Part of the target: anything in the event's meta, e.g. an entity ref or an id. Trimmed. */
        target?: components['parameters']['target'];
        status?: components['parameters']['status'];
        /** @description Events started at or after this time: RFC 3339 with seconds and a zone (`Z` or `+hh:mm`), e.g. `2026-12-01T10:00:00Z`. */
        from?: components['parameters']['from'];
        /** @description Events started before this time, in the same format as `from`. */
        to?: components['parameters']['to'];
        /** @description Events per page (JSON only; a CSV export has every match). */
        limit?: components['parameters']['limit'];
        /** @description The `nextCursor` of the previous page, as returned; any other value is a 400. */
        cursor?: components['parameters']['cursor'];
        /** @description `csv` downloads every match from `cursor` on as one CSV file. */
        format?: components['parameters']['format'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of events (`format=json`), or the CSV export (`format=csv`). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditEventsResponse'];
          'text/csv': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      default: components['responses']['ErrorResponse'];
    };
  };
}
