// Generated from the backend's src/schema/openapi.yaml by scripts/openapi-router.mjs; do not edit.
/* eslint-disable */

export interface paths {
  '/entities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Owned entities and their ownership problems, with a summary; every filter optional, combined with AND. As JSON, or as CSV with `format=csv`. */
    get: operations['ListEntities'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/teams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Teams with their members, what they own, their environments and latest deployments, and their problems; environments and delivery being down leaves the rest (`unavailable`). As JSON, or as CSV with `format=csv`. */
    get: operations['ListTeams'];
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
    /** @enum {string} */
    ProblemCode:
      | 'owner-missing'
      | 'owner-unresolved'
      | 'owner-without-members'
      | 'team-of-one'
      | 'oncall-missing'
      | 'oncall-malformed'
      | 'escalation-malformed';
    OwnershipProblem: {
      code: components['schemas']['ProblemCode'];
      /** @enum {string} */
      level: 'error' | 'warning';
      message: string;
      /** @description What to fix, e.g. `spec.owner`. */
      field: string;
    };
    /** @description One Component, API, Resource or System and its ownership findings. */
    OwnedEntity: {
      ref: string;
      kind: string;
      type?: string;
      title: string;
      lifecycle?: string;
      system?: string;
      /** @description `spec.owner` as written. */
      owner?: string;
      /** @description The owner as a full ref, when it parses. */
      ownerRef?: string;
      /** @description Whether a Group or User of that ref exists. */
      ownerResolved: boolean;
      onCall?: {
        /** @enum {string} */
        tool: 'pagerduty' | 'opsgenie';
        value: string;
      };
      escalation?: string[];
      problems: components['schemas']['OwnershipProblem'][];
    };
    OwnershipSummary: {
      entities: number;
      teams: number;
      orphaned: number;
      teamsOfOne: number;
      withoutOnCall: number;
      /** @description How many entities have each problem (codes with none are absent). */
      byProblem: {
        [key: string]: number;
      };
    };
    OwnedEntitiesResponse: {
      summary: components['schemas']['OwnershipSummary'];
      items: components['schemas']['OwnedEntity'][];
    };
    /** @description A Group with who is in it and everything it owns. */
    TeamOwnership: {
      ref: string;
      title: string;
      type?: string;
      members: string[];
      owned: {
        ref: string;
        kind: string;
        title: string;
      }[];
      environments: {
        id: string;
        name: string;
        className: string;
        status: string;
        component?: string;
        /** Format: date-time */
        expiresAt: string;
      }[];
      /** @description The deployment live in an environment, or the latest one there. */
      deployments: {
        service: string;
        environment: string;
        version: string;
        status: string;
        /** Format: date-time */
        at: string;
      }[];
      problems: components['schemas']['OwnershipProblem'][];
    };
    TeamsResponse: {
      items: components['schemas']['TeamOwnership'][];
      /** @description Sources that could not be read (`environments`, `delivery`): the rest is still shown. */
      unavailable: string[];
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
    /** @description A query parameter is unknown, empty or not one of its values (`InputError`; the message is `Invalid query parameter <name>: <problem>`). */
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
    /** @description The caller is not allowed `ownership.read` (`NotAllowedError`). */
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
    /** @description A group ref (`group:default/payments-team`) or name (`payments-team`). Trimmed, then 1 to 200 characters. */
    team: string;
    /** @description A problem code (`owner-missing`, `owner-unresolved`, `owner-without-members`, `team-of-one`, `oncall-missing`, `oncall-malformed`, `escalation-malformed`) or `orphaned` (owner missing or not in the catalog); any case, trimmed. */
    entityProblem: string;
    /** @description `component`, `api`, `resource` or `system`; any case, trimmed. */
    kind: string;
    /** @description A lifecycle, e.g. `production`; any case, trimmed, then 1 to 200 characters. */
    lifecycle: string;
    /** @description A problem a team can have (exact spelling). */
    teamProblem: 'team-of-one' | 'owner-without-members' | 'oncall-missing';
    /** @description `csv` downloads the report as one CSV file. */
    format: 'json' | 'csv';
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  ListEntities: {
    parameters: {
      query?: {
        /** @description A group ref (`group:default/payments-team`) or name (`payments-team`). Trimmed, then 1 to 200 characters. */
        team?: components['parameters']['team'];
        /** @description A problem code (`owner-missing`, `owner-unresolved`, `owner-without-members`, `team-of-one`, `oncall-missing`, `oncall-malformed`, `escalation-malformed`) or `orphaned` (owner missing or not in the catalog); any case, trimmed. */
        problem?: components['parameters']['entityProblem'];
        /** @description `component`, `api`, `resource` or `system`; any case, trimmed. */
        kind?: components['parameters']['kind'];
        /** @description A lifecycle, e.g. `production`; any case, trimmed, then 1 to 200 characters. */
        lifecycle?: components['parameters']['lifecycle'];
        /** @description `csv` downloads the report as one CSV file. */
        format?: components['parameters']['format'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The report (`format=json`), or the CSV export (`format=csv`). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OwnedEntitiesResponse'];
          'text/csv': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      default: components['responses']['ErrorResponse'];
    };
  };
  ListTeams: {
    parameters: {
      query?: {
        /** @description A group ref (`group:default/payments-team`) or name (`payments-team`). Trimmed, then 1 to 200 characters. */
        team?: components['parameters']['team'];
        /** @description A problem a team can have (exact spelling). */
        problem?: components['parameters']['teamProblem'];
        /** @description `csv` downloads the report as one CSV file. */
        format?: components['parameters']['format'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The report (`format=json`), or the CSV export (`format=csv`). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeamsResponse'];
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
