// Generated from ../../openapi.yaml by scripts/openapi-router.mjs; do not edit by hand.
// openapi.test.ts fails when the two differ.

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'environments',
    version: '1',
    description:
      "Runway's ephemeral environments at /api/environments: environment classes (what the platform team offers), requesting environments (provisioned in the background by the resource drivers, with rollback), their live log and audit trail, extending, tearing down, approving and rejecting them, and usage per class and template. Every route needs a signed-in user or a service; what each caller may do is decided by the `environments.*` permissions and by membership of the owning group or the platform team.",
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
    headers: {
      IdempotentReplayed: {
        description:
          '`true` when the response replays the environment an earlier request with the same `Idempotency-Key` created.',
        schema: {
          type: 'string',
          const: 'true',
        },
      },
    },
    parameters: {
      id: {
        name: 'id',
        in: 'path',
        required: true,
        description:
          "The environment's id (a UUID, as returned when it was requested).",
        schema: {
          type: 'string',
        },
      },
      classId: {
        name: 'id',
        in: 'path',
        required: true,
        description: "The environment class's id, e.g. `preview`.",
        schema: {
          type: 'string',
        },
      },
      idempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          '1-255 visible ASCII characters. A retried request with the same key and body returns the environment the first one created (200 with `Idempotent-Replayed: true`); the same key with another body is a 409.',
        schema: {
          type: 'string',
          pattern: '^[!-~]{1,255}$',
        },
      },
      scope: {
        name: 'scope',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          '`mine`: created by me; `team`: owned by my groups; `all`: everything I may read.',
        schema: {
          type: 'string',
          enum: ['mine', 'team', 'all'],
          default: 'all',
        },
      },
      ownerList: {
        name: 'owner',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'Owners (entity refs, any case), comma-separated, e.g. `group:default/payments-team,group:default/search-team`; at least one.',
        schema: {
          type: 'string',
        },
      },
      className: {
        name: 'className',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'Environment class ids, comma-separated; at least one.',
        schema: {
          type: 'string',
        },
      },
      status: {
        name: 'status',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'Statuses, comma-separated, e.g. `ready,failed`; each one of requested, awaiting-approval, provisioning, ready, failed, tearing-down, torn-down, rejected.',
        schema: {
          type: 'string',
        },
      },
      component: {
        name: 'component',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'The component the environments serve, a component entity ref (any case).',
        schema: {
          $ref: '#/components/schemas/ComponentRef',
        },
      },
      expiringBefore: {
        name: 'expiringBefore',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'Environments that expire before this time: RFC 3339 with seconds and a zone (`Z` or `+hh:mm`), e.g. `2026-12-01T10:00:00Z`.',
        schema: {
          type: 'string',
          format: 'date-time',
        },
      },
      listLimit: {
        name: 'limit',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'Environments per page.',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 500,
          default: 100,
        },
      },
      offset: {
        name: 'offset',
        in: 'query',
        required: false,
        allowReserved: true,
        allowEmptyValue: true,
        description: 'Environments to skip. Empty means 0.',
        schema: {
          anyOf: [
            {
              type: 'integer',
              minimum: 0,
              maximum: 9007199254740991,
            },
            {
              type: 'string',
              const: '',
            },
          ],
          default: 0,
        },
      },
      after: {
        name: 'after',
        in: 'query',
        required: false,
        allowReserved: true,
        allowEmptyValue: true,
        description:
          'Only events with a greater id (the last id seen, to follow the log). Empty means 0.',
        schema: {
          anyOf: [
            {
              type: 'integer',
              minimum: 0,
              maximum: 9007199254740991,
            },
            {
              type: 'string',
              const: '',
            },
          ],
          default: 0,
        },
      },
      eventsLimit: {
        name: 'limit',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'Events per response.',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          default: 500,
        },
      },
      auditOwner: {
        name: 'owner',
        in: 'query',
        required: true,
        allowReserved: true,
        description:
          'The owning group (or user) whose audit trail to read, an entity ref (any case).',
        schema: {
          $ref: '#/components/schemas/EntityRef',
        },
      },
      auditLimit: {
        name: 'limit',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'Records per response, newest first.',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          default: 200,
        },
      },
    },
    requestBodies: {
      CreateEnvironment: {
        required: true,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/CreateEnvironmentRequest',
            },
          },
        },
      },
      ExtendEnvironment: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              required: ['hours'],
              properties: {
                hours: {
                  type: 'integer',
                  description:
                    "Hours added to the expiry; the result may not pass the class's `ttl.maxHours` from creation (409).",
                  minimum: 1,
                  maximum: 8784,
                },
              },
            },
          },
        },
      },
      TeardownEnvironment: {
        required: false,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              properties: {
                reason: {
                  type: 'string',
                  description: 'Kept in the audit trail.',
                  maxLength: 1000,
                },
              },
            },
          },
        },
      },
      ApproveEnvironment: {
        required: false,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              properties: {
                reason: {
                  type: 'string',
                  description: 'Kept with the approval.',
                  maxLength: 1000,
                },
              },
            },
          },
        },
      },
      RejectEnvironment: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              required: ['reason'],
              properties: {
                reason: {
                  type: 'string',
                  description:
                    'Why; trimmed, then at least 3 and at most 1000 characters.',
                  minLength: 3,
                  maxLength: 1000,
                },
              },
            },
          },
        },
      },
    },
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
          'The body, a query parameter or a header is malformed, unknown or out of its limits, or the request breaks a class rule (unknown class, a ttl or parameter the class does not allow) (`InputError`; the message names the field, e.g. `Invalid request: name must be a DNS label ...`).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Unauthorized: {
        description:
          'No valid Backstage user or service token (`AuthenticationError`).',
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
          'The permission policy denies the action, or the caller is not a member of the owning group or of the platform team as the action requires (`NotAllowedError`; the message says which).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      NotFound: {
        description:
          'No such environment or environment class (`NotFoundError`).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Conflict: {
        description:
          "The environment's status does not allow the action, a limit is reached (quota, `ttl.maxHours`), the name is in use, or the `Idempotency-Key` was used with another body (`ConflictError`; the message names the limit).",
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
      EntityRef: {
        type: 'string',
        description:
          'An entity ref, `kind:namespace/name` or `kind:name`, any case.',
        pattern: '^[a-zA-Z0-9_.-]+:([a-zA-Z0-9_.-]+\\/)?[a-zA-Z0-9_.-]+$',
      },
      ComponentRef: {
        type: 'string',
        description:
          'A component entity ref, `component:namespace/name` or `component:name`, any case.',
        pattern:
          '^[cC][oO][mM][pP][oO][nN][eE][nN][tT]:([a-zA-Z0-9_.-]+\\/)?[a-zA-Z0-9_.-]+$',
      },
      EnvironmentStatus: {
        type: 'string',
        enum: [
          'requested',
          'awaiting-approval',
          'provisioning',
          'ready',
          'failed',
          'tearing-down',
          'torn-down',
          'rejected',
        ],
      },
      ResourceStatus: {
        type: 'string',
        enum: [
          'pending',
          'provisioning',
          'ready',
          'failed',
          'tearing-down',
          'torn-down',
        ],
      },
      CreateEnvironmentRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['className', 'owner'],
        properties: {
          name: {
            type: 'string',
            description:
              'A DNS label (lowercase letters, digits and `-`, starting with a letter); generated from the class when absent.',
            maxLength: 40,
            pattern: '^[a-z]([a-z0-9-]*[a-z0-9])?$',
          },
          className: {
            type: 'string',
            description:
              'The environment class, e.g. `preview` (an unknown class is a 400).',
            minLength: 1,
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
            description:
              'The owning group (or user), e.g. `group:default/payments-team`.',
          },
          component: {
            $ref: '#/components/schemas/ComponentRef',
          },
          template: {
            type: 'string',
            description:
              'The scaffolder template that creates it, for usage per template.',
            minLength: 1,
            maxLength: 200,
          },
          ttlHours: {
            type: 'integer',
            description:
              "Defaults to the class's `ttl.defaultHours`; at most its `ttl.maxHours` (400).",
            minimum: 1,
            maximum: 9007199254740991,
          },
          parameters: {
            type: 'object',
            description:
              'Settable parameters by resource name, e.g. `{"db": {"sizeMb": 200}}`; each checked against the limits the class gives it (400 naming `parameters.<resource>.<name>`).',
            additionalProperties: {
              type: 'object',
            },
            default: {},
          },
        },
      },
      ApprovalDecision: {
        type: 'object',
        required: ['decision', 'decidedBy', 'decidedAt'],
        properties: {
          decision: {
            type: 'string',
            enum: ['approved', 'rejected'],
          },
          decidedBy: {
            type: 'string',
          },
          decidedAt: {
            type: 'string',
            format: 'date-time',
          },
          reason: {
            type: 'string',
          },
        },
      },
      EnvironmentResource: {
        type: 'object',
        required: ['name', 'type', 'status', 'parameters', 'outputs'],
        properties: {
          name: {
            type: 'string',
          },
          type: {
            type: 'string',
            description:
              'The resource type, realised by the driver of that type, e.g. `postgres`.',
          },
          status: {
            $ref: '#/components/schemas/ResourceStatus',
          },
          parameters: {
            type: 'object',
            description: "The class's defaults with what the requester set.",
          },
          outputs: {
            type: 'object',
            description: 'What the resource exposes (host, URLs).',
            additionalProperties: {
              type: 'string',
            },
          },
          secrets: {
            type: 'object',
            description:
              "Credentials; only for the environment's owners (users) and never in lists.",
            additionalProperties: {
              type: 'string',
            },
          },
          error: {
            type: 'string',
          },
        },
      },
      EnvironmentBase: {
        type: 'object',
        required: [
          'id',
          'name',
          'className',
          'owner',
          'status',
          'createdBy',
          'createdAt',
          'updatedAt',
          'expiresAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          className: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          component: {
            type: 'string',
          },
          template: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/EnvironmentStatus',
          },
          statusMessage: {
            type: 'string',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
          approval: {
            $ref: '#/components/schemas/ApprovalDecision',
          },
        },
      },
      Environment: {
        description:
          'An environment with its resources (secrets only for owners).',
        allOf: [
          {
            $ref: '#/components/schemas/EnvironmentBase',
          },
          {
            type: 'object',
            required: ['resources'],
            properties: {
              resources: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/EnvironmentResource',
                },
              },
            },
          },
        ],
      },
      EnvironmentResponse: {
        description: 'An environment, with what the caller may do with it.',
        allOf: [
          {
            $ref: '#/components/schemas/Environment',
          },
          {
            type: 'object',
            required: ['viewer'],
            properties: {
              viewer: {
                type: 'object',
                required: ['isOwner', 'isPlatformTeam'],
                properties: {
                  isOwner: {
                    type: 'boolean',
                    description:
                      'Member of the owning group (sees secrets, may extend and tear down).',
                  },
                  isPlatformTeam: {
                    type: 'boolean',
                    description:
                      'Member of the platform team (may approve, and act on every environment).',
                  },
                },
              },
            },
          },
        ],
      },
      EnvironmentSummary: {
        description:
          'An environment without per-resource detail, as lists carry it.',
        allOf: [
          {
            $ref: '#/components/schemas/EnvironmentBase',
          },
          {
            type: 'object',
            required: ['resources'],
            properties: {
              resources: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['name', 'type', 'status'],
                  properties: {
                    name: {
                      type: 'string',
                    },
                    type: {
                      type: 'string',
                    },
                    status: {
                      $ref: '#/components/schemas/ResourceStatus',
                    },
                  },
                },
              },
            },
          },
        ],
      },
      ListEnvironmentsResponse: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EnvironmentSummary',
            },
          },
          totalCount: {
            type: 'integer',
          },
        },
      },
      EnvironmentEvent: {
        type: 'object',
        required: ['id', 'environmentId', 'at', 'kind', 'message'],
        properties: {
          id: {
            type: 'integer',
            description: 'Increasing; pass the last one seen as `after`.',
          },
          environmentId: {
            type: 'string',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          kind: {
            type: 'string',
            enum: ['status', 'log', 'error'],
          },
          resource: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/EnvironmentStatus',
          },
          message: {
            type: 'string',
          },
        },
      },
      EnvironmentEventsResponse: {
        type: 'object',
        required: ['events', 'status'],
        properties: {
          events: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EnvironmentEvent',
            },
          },
          status: {
            $ref: '#/components/schemas/EnvironmentStatus',
          },
        },
      },
      AuditRecord: {
        type: 'object',
        required: [
          'id',
          'at',
          'environmentId',
          'environmentName',
          'owner',
          'actor',
          'action',
          'outcome',
        ],
        properties: {
          id: {
            type: 'integer',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          environmentId: {
            type: 'string',
          },
          environmentName: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          actor: {
            type: 'string',
            description:
              "A user entity ref, or `runway:environments` for the engine's own steps.",
          },
          action: {
            type: 'string',
            enum: [
              'create',
              'approve',
              'reject',
              'extend',
              'teardown',
              'provisioned',
              'provisioning-failed',
              'torn-down',
              'teardown-failed',
              'expired',
            ],
          },
          outcome: {
            type: 'string',
            enum: ['succeeded', 'failed'],
          },
          message: {
            type: 'string',
          },
        },
      },
      AuditResponse: {
        type: 'object',
        required: ['records'],
        properties: {
          records: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AuditRecord',
            },
          },
        },
      },
      EnvironmentClass: {
        type: 'object',
        description: 'An environment class as loaded (defaults applied).',
        required: [
          'id',
          'title',
          'description',
          'ttl',
          'approval',
          'resources',
        ],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          ttl: {
            type: 'object',
            required: ['defaultHours', 'maxHours'],
            properties: {
              defaultHours: {
                type: 'number',
              },
              maxHours: {
                type: 'number',
              },
            },
          },
          quota: {
            type: 'object',
            required: ['activePerTeam'],
            properties: {
              activePerTeam: {
                type: 'integer',
                description:
                  'Active environments of this class one team may have at once.',
              },
            },
          },
          approval: {
            type: 'object',
            required: ['required'],
            properties: {
              required: {
                type: 'boolean',
              },
            },
          },
          resources: {
            type: 'array',
            description: 'Provisioned in this order, torn down in reverse.',
            items: {
              type: 'object',
              required: ['name', 'type', 'parameters', 'settable'],
              properties: {
                name: {
                  type: 'string',
                },
                type: {
                  type: 'string',
                },
                description: {
                  type: 'string',
                },
                parameters: {
                  type: 'object',
                  description: 'Defaults.',
                },
                settable: {
                  type: 'object',
                  description:
                    'Parameters a requester may set, by name, with their limits (`type`: string, integer, number, boolean, string-list or string-map).',
                  additionalProperties: {
                    type: 'object',
                    required: ['type'],
                    properties: {
                      type: {
                        type: 'string',
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      ListClassesResponse: {
        type: 'object',
        required: ['classes', 'problems', 'drivers'],
        properties: {
          classes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EnvironmentClass',
            },
          },
          problems: {
            type: 'array',
            description:
              'Classes and class files that could not be loaded, named by file and field.',
            items: {
              type: 'object',
              required: ['source', 'field', 'message'],
              properties: {
                source: {
                  type: 'string',
                  description: 'The file, or `app-config`.',
                },
                classId: {
                  type: 'string',
                },
                field: {
                  type: 'string',
                },
                message: {
                  type: 'string',
                },
              },
            },
          },
          drivers: {
            type: 'array',
            items: {
              type: 'object',
              required: ['type', 'description'],
              properties: {
                type: {
                  type: 'string',
                },
                description: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
      UsageRow: {
        type: 'object',
        required: ['key', 'total', 'active', 'failed', 'byStatus'],
        properties: {
          key: {
            type: 'string',
          },
          total: {
            type: 'integer',
          },
          active: {
            type: 'integer',
          },
          failed: {
            type: 'integer',
          },
          byStatus: {
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
        },
      },
      UsageResponse: {
        type: 'object',
        required: ['classes', 'templates'],
        properties: {
          classes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/UsageRow',
            },
          },
          templates: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/UsageRow',
            },
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
                  'e.g. `InputError`, `AuthenticationError`, `NotAllowedError`, `NotFoundError`, `ConflictError`.',
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
    '/classes': {
      get: {
        operationId: 'ListClasses',
        description:
          'The environment classes that loaded, the problems of those that did not, and the registered drivers.',
        'x-eov-allow-unknown-query-parameters': true,
        responses: {
          '200': {
            description: 'Classes, problems and drivers.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ListClassesResponse',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
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
    '/classes/{id}': {
      get: {
        operationId: 'GetClass',
        description: 'One environment class, as loaded.',
        'x-eov-allow-unknown-query-parameters': true,
        parameters: [
          {
            $ref: '#/components/parameters/classId',
          },
        ],
        responses: {
          '200': {
            description: 'The class.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EnvironmentClass',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
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
    '/classes/reload': {
      post: {
        operationId: 'ReloadClasses',
        description:
          'Reloads the classes from config and class files (platform team or a service, with `environments.class.manage`). Takes no body; one sent is ignored.',
        'x-eov-allow-unknown-query-parameters': true,
        responses: {
          '200': {
            description: 'The classes, problems and drivers after the reload.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ListClassesResponse',
                },
              },
            },
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
    '/environments': {
      get: {
        operationId: 'ListEnvironments',
        description:
          'The environments the caller may read, newest first, filtered, a page at a time (no secrets, no resource detail).',
        parameters: [
          {
            $ref: '#/components/parameters/scope',
          },
          {
            $ref: '#/components/parameters/ownerList',
          },
          {
            $ref: '#/components/parameters/className',
          },
          {
            $ref: '#/components/parameters/status',
          },
          {
            $ref: '#/components/parameters/component',
          },
          {
            $ref: '#/components/parameters/expiringBefore',
          },
          {
            $ref: '#/components/parameters/listLimit',
          },
          {
            $ref: '#/components/parameters/offset',
          },
        ],
        responses: {
          '200': {
            description: 'A page of environments and how many match.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ListEnvironmentsResponse',
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
      post: {
        operationId: 'CreateEnvironment',
        description:
          "Requests an environment of a class for an owning group the caller belongs to (or any, for the platform team). Recorded at once and provisioned in the background, or held for the platform team's approval when the class requires it.",
        'x-eov-allow-unknown-query-parameters': true,
        parameters: [
          {
            $ref: '#/components/parameters/idempotencyKey',
          },
        ],
        requestBody: {
          $ref: '#/components/requestBodies/CreateEnvironment',
        },
        responses: {
          '200': {
            description:
              'A replay of an earlier request with the same `Idempotency-Key` and body.',
            headers: {
              'Idempotent-Replayed': {
                $ref: '#/components/headers/IdempotentReplayed',
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Environment',
                },
              },
            },
          },
          '202': {
            description:
              'Requested (`requested`, or `awaiting-approval`); follow it with the events route.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Environment',
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
          '409': {
            $ref: '#/components/responses/Conflict',
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
    '/environments/{id}': {
      get: {
        operationId: 'GetEnvironment',
        description:
          'One environment with its resources; secrets only for its owners.',
        'x-eov-allow-unknown-query-parameters': true,
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
        ],
        responses: {
          '200': {
            description: 'The environment.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EnvironmentResponse',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
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
    '/environments/{id}/extend': {
      post: {
        operationId: 'ExtendEnvironment',
        description:
          "Adds hours to the expiry, up to the class's maximum from creation (owners and the platform team).",
        'x-eov-allow-unknown-query-parameters': true,
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
        ],
        requestBody: {
          $ref: '#/components/requestBodies/ExtendEnvironment',
        },
        responses: {
          '200': {
            description: 'The environment with its new expiry.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Environment',
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
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
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
    '/environments/{id}/teardown': {
      post: {
        operationId: 'TeardownEnvironment',
        description:
          'Tears a ready or failed environment down in the background, or withdraws a request awaiting approval (owners and the platform team).',
        'x-eov-allow-unknown-query-parameters': true,
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
        ],
        requestBody: {
          $ref: '#/components/requestBodies/TeardownEnvironment',
        },
        responses: {
          '200': {
            description:
              'A request awaiting approval was withdrawn (`torn-down`; nothing was provisioned).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Environment',
                },
              },
            },
          },
          '202': {
            description:
              '`tearing-down` (now or already); follow it with the events route.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Environment',
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
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
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
    '/environments/{id}/approve': {
      post: {
        operationId: 'ApproveEnvironment',
        description:
          'Approves an environment awaiting approval; it is provisioned in the background (the platform team, not the person who requested it).',
        'x-eov-allow-unknown-query-parameters': true,
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
        ],
        requestBody: {
          $ref: '#/components/requestBodies/ApproveEnvironment',
        },
        responses: {
          '202': {
            description: 'Approved; provisioning.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Environment',
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
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
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
    '/environments/{id}/reject': {
      post: {
        operationId: 'RejectEnvironment',
        description:
          'Rejects an environment awaiting approval, saying why (the platform team); nothing is created.',
        'x-eov-allow-unknown-query-parameters': true,
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
        ],
        requestBody: {
          $ref: '#/components/requestBodies/RejectEnvironment',
        },
        responses: {
          '200': {
            description: 'The environment, `rejected`.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Environment',
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
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
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
    '/environments/{id}/events': {
      get: {
        operationId: 'ListEnvironmentEvents',
        description:
          "The environment's live log, oldest first; poll with `after` set to the last id seen until the status is final.",
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
          {
            $ref: '#/components/parameters/after',
          },
          {
            $ref: '#/components/parameters/eventsLimit',
          },
        ],
        responses: {
          '200': {
            description: 'Events after `after`, and the current status.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EnvironmentEventsResponse',
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
          '404': {
            $ref: '#/components/responses/NotFound',
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
    '/environments/{id}/audit': {
      get: {
        operationId: 'GetEnvironmentAudit',
        description: 'Who did what to the environment, newest first.',
        'x-eov-allow-unknown-query-parameters': true,
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
        ],
        responses: {
          '200': {
            description: "The environment's audit records.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AuditResponse',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
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
    '/audit': {
      get: {
        operationId: 'GetTeamAudit',
        description:
          'The audit trail of every environment of one owner, newest first (its members and the platform team; needs an unconditional `environments.environment.read`).',
        parameters: [
          {
            $ref: '#/components/parameters/auditOwner',
          },
          {
            $ref: '#/components/parameters/auditLimit',
          },
        ],
        responses: {
          '200': {
            description: "The owner's audit records.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AuditResponse',
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
    '/usage': {
      get: {
        operationId: 'GetUsage',
        description:
          'Environments counted by status per class and per scaffolder template (needs an unconditional `environments.environment.read`).',
        'x-eov-allow-unknown-query-parameters': true,
        responses: {
          '200': {
            description: 'Usage per class and per template.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/UsageResponse',
                },
              },
            },
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

/** The environments router, validating every request against the spec. */
export const createOpenApiRouter = (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
