// Generated from ../../openapi.yaml by scripts/openapi-router.mjs; do not edit by hand.
// openapi.test.ts fails when the two differ.

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'audit',
    version: '1',
    description:
      "Runway's audit trail at /api/audit: every plugin's audit events (Backstage's auditor), newest first, for callers allowed `audit.events.read`. Read-only.",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
    contact: {},
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    examples: {},
    headers: {},
    parameters: {
      plugin: {
        name: 'plugin',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'The plugin that audited the action, e.g. `catalog`. Trimmed.',
        schema: {
          $ref: '#/components/schemas/FilterText',
        },
      },
      eventId: {
        name: 'eventId',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'The kind of action, e.g. `entity-mutate`. Trimmed.',
        schema: {
          $ref: '#/components/schemas/FilterText',
        },
      },
      actor: {
        name: 'actor',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'Part of the actor (user entity ref or service subject), any case. Trimmed.',
        schema: {
          $ref: '#/components/schemas/FilterText',
        },
      },
      target: {
        name: 'target',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          "Part of the target: anything in the event's meta, e.g. an entity ref or an id. Trimmed.",
        schema: {
          $ref: '#/components/schemas/FilterText',
        },
      },
      status: {
        name: 'status',
        in: 'query',
        required: false,
        allowReserved: true,
        schema: {
          $ref: '#/components/schemas/AuditEventStatus',
        },
      },
      from: {
        name: 'from',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'Events started at or after this time: RFC 3339 with seconds and a zone (`Z` or `+hh:mm`), e.g. `2026-12-01T10:00:00Z`.',
        schema: {
          type: 'string',
          format: 'date-time',
        },
      },
      to: {
        name: 'to',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'Events started before this time, in the same format as `from`.',
        schema: {
          type: 'string',
          format: 'date-time',
        },
      },
      limit: {
        name: 'limit',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'Events per page (JSON only; a CSV export has every match).',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          default: 100,
        },
      },
      cursor: {
        name: 'cursor',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'The `nextCursor` of the previous page, as returned; any other value is a 400.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 500,
        },
      },
      format: {
        name: 'format',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          '`csv` downloads every match from `cursor` on as one CSV file.',
        schema: {
          type: 'string',
          enum: ['json', 'csv'],
          default: 'json',
        },
      },
    },
    requestBodies: {},
    responses: {
      ErrorResponse: {
        description:
          "An error response from the backend, in Backstage's error body shape.",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      BadRequest: {
        description:
          'A query parameter is unknown, empty or out of its limits, or the cursor is not one this API returned (`InputError`; the message names the parameter).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Unauthorized: {
        description: 'No valid Backstage token (`AuthenticationError`).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Forbidden: {
        description:
          'The caller is not allowed `audit.events.read` (`NotAllowedError`).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      FilterText: {
        type: 'string',
        minLength: 1,
        maxLength: 500,
      },
      AuditEventStatus: {
        type: 'string',
        enum: ['initiated', 'succeeded', 'failed'],
      },
      AuditSeverityLevel: {
        type: 'string',
        enum: ['low', 'medium', 'high', 'critical'],
      },
      AuditEvent: {
        type: 'object',
        description:
          'One audited action. An action that was started and then finished is one event: `status` moves from `initiated` to `succeeded` or `failed`.',
        required: [
          'id',
          'plugin',
          'eventId',
          'severityLevel',
          'status',
          'actor',
          'createdAt',
        ],
        properties: {
          id: {
            type: 'string',
            description: "Runway's id of this occurrence.",
          },
          plugin: {
            type: 'string',
          },
          eventId: {
            type: 'string',
            description: 'The kind of action, e.g. `entity-mutate`.',
          },
          severityLevel: {
            $ref: '#/components/schemas/AuditSeverityLevel',
          },
          status: {
            $ref: '#/components/schemas/AuditEventStatus',
          },
          actor: {
            type: 'object',
            properties: {
              actorId: {
                type: 'string',
                description:
                  'A user entity ref, or the subject of a service principal.',
              },
              ip: {
                type: 'string',
              },
              hostname: {
                type: 'string',
              },
              userAgent: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
            required: ['method', 'url'],
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          meta: {
            type: 'object',
            description:
              'What the plugin said about the target (entity refs, ids, parameters).',
            additionalProperties: {},
          },
          error: {
            type: 'string',
            description: 'The error message of a failed action.',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
            description: 'When the action started.',
          },
          completedAt: {
            type: 'string',
            format: 'date-time',
            description: 'When it succeeded or failed.',
          },
        },
      },
      AuditEventsResponse: {
        type: 'object',
        required: ['events'],
        properties: {
          events: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AuditEvent',
            },
          },
          nextCursor: {
            type: 'string',
            description:
              'Pass as `cursor` for the next (older) page; absent on the last page.',
          },
        },
      },
      Error: {
        type: 'object',
        required: ['error', 'request', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
                description:
                  'e.g. `InputError`, `AuthenticationError`, `NotAllowedError`.',
              },
              message: {
                type: 'string',
              },
              stack: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
            required: ['method', 'url'],
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
      },
    },
    securitySchemes: {
      JWT: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      },
    },
  },
  paths: {
    '/events': {
      get: {
        operationId: 'ListEvents',
        description:
          'Audit events, newest first, filtered; a page at a time as JSON, or every match from `cursor` on as CSV.',
        parameters: [
          {
            $ref: '#/components/parameters/plugin',
          },
          {
            $ref: '#/components/parameters/eventId',
          },
          {
            $ref: '#/components/parameters/actor',
          },
          {
            $ref: '#/components/parameters/target',
          },
          {
            $ref: '#/components/parameters/status',
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            $ref: '#/components/parameters/format',
          },
        ],
        responses: {
          '200': {
            description:
              'A page of events (`format=json`), or the CSV export (`format=csv`).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AuditEventsResponse',
                },
              },
              'text/csv': {
                schema: {
                  type: 'string',
                  description:
                    "A header row, then one row per event; cells are RFC 4180 quoted and a leading `= + - @` is prefixed with `'`.",
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
        security: [
          {},
          {
            JWT: [],
          },
        ],
      },
    },
  },
} as const;

/** The audit router, validating every request against the spec. */
export const createOpenApiRouter = (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
