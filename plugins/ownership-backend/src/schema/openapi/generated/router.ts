// Generated from ../../openapi.yaml by scripts/openapi-router.mjs; do not edit by hand.
// openapi.test.ts fails when the two differ.

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'ownership',
    version: '1',
    description:
      "Runway's ownership report at /api/ownership: every owned Component, API, Resource and System with its ownership problems (no owner, owner not in the catalog, team of one, no on-call...), and every team with its members, what it owns, its environments and latest deployments; as JSON or CSV, for callers (users or services) allowed `ownership.read`. Read-only.",
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
      team: {
        name: 'team',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'A group ref (`group:default/payments-team`) or name (`payments-team`). Trimmed, then 1 to 200 characters.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 200,
        },
      },
      entityProblem: {
        name: 'problem',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'A problem code (`owner-missing`, `owner-unresolved`, `owner-without-members`, `team-of-one`, `oncall-missing`, `oncall-malformed`, `escalation-malformed`) or `orphaned` (owner missing or not in the catalog); any case, trimmed.',
        schema: {
          type: 'string',
          pattern:
            '^\\s*(?:[Oo][Ww][Nn][Ee][Rr]-[Mm][Ii][Ss][Ss][Ii][Nn][Gg]|[Oo][Ww][Nn][Ee][Rr]-[Uu][Nn][Rr][Ee][Ss][Oo][Ll][Vv][Ee][Dd]|[Oo][Ww][Nn][Ee][Rr]-[Ww][Ii][Tt][Hh][Oo][Uu][Tt]-[Mm][Ee][Mm][Bb][Ee][Rr][Ss]|[Tt][Ee][Aa][Mm]-[Oo][Ff]-[Oo][Nn][Ee]|[Oo][Nn][Cc][Aa][Ll][Ll]-[Mm][Ii][Ss][Ss][Ii][Nn][Gg]|[Oo][Nn][Cc][Aa][Ll][Ll]-[Mm][Aa][Ll][Ff][Oo][Rr][Mm][Ee][Dd]|[Ee][Ss][Cc][Aa][Ll][Aa][Tt][Ii][Oo][Nn]-[Mm][Aa][Ll][Ff][Oo][Rr][Mm][Ee][Dd]|[Oo][Rr][Pp][Hh][Aa][Nn][Ee][Dd])\\s*$',
        },
      },
      kind: {
        name: 'kind',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          '`component`, `api`, `resource` or `system`; any case, trimmed.',
        schema: {
          type: 'string',
          pattern:
            '^\\s*(?:[Cc][Oo][Mm][Pp][Oo][Nn][Ee][Nn][Tt]|[Aa][Pp][Ii]|[Rr][Ee][Ss][Oo][Uu][Rr][Cc][Ee]|[Ss][Yy][Ss][Tt][Ee][Mm])\\s*$',
        },
      },
      lifecycle: {
        name: 'lifecycle',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'A lifecycle, e.g. `production`; any case, trimmed, then 1 to 200 characters.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 200,
        },
      },
      teamProblem: {
        name: 'problem',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'A problem a team can have (exact spelling).',
        schema: {
          type: 'string',
          enum: ['team-of-one', 'owner-without-members', 'oncall-missing'],
        },
      },
      format: {
        name: 'format',
        in: 'query',
        required: false,
        allowReserved: true,
        description: '`csv` downloads the report as one CSV file.',
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
          'A query parameter is unknown, empty or not one of its values (`InputError`; the message is `Invalid query parameter <name>: <problem>`).',
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
          'The caller is not allowed `ownership.read` (`NotAllowedError`).',
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
      ProblemCode: {
        type: 'string',
        enum: [
          'owner-missing',
          'owner-unresolved',
          'owner-without-members',
          'team-of-one',
          'oncall-missing',
          'oncall-malformed',
          'escalation-malformed',
        ],
      },
      OwnershipProblem: {
        type: 'object',
        required: ['code', 'level', 'message', 'field'],
        properties: {
          code: {
            $ref: '#/components/schemas/ProblemCode',
          },
          level: {
            type: 'string',
            enum: ['error', 'warning'],
          },
          message: {
            type: 'string',
          },
          field: {
            type: 'string',
            description: 'What to fix, e.g. `spec.owner`.',
          },
        },
      },
      OwnedEntity: {
        type: 'object',
        description:
          'One Component, API, Resource or System and its ownership findings.',
        required: ['ref', 'kind', 'title', 'ownerResolved', 'problems'],
        properties: {
          ref: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          system: {
            type: 'string',
          },
          owner: {
            type: 'string',
            description: '`spec.owner` as written.',
          },
          ownerRef: {
            type: 'string',
            description: 'The owner as a full ref, when it parses.',
          },
          ownerResolved: {
            type: 'boolean',
            description: 'Whether a Group or User of that ref exists.',
          },
          onCall: {
            type: 'object',
            required: ['tool', 'value'],
            properties: {
              tool: {
                type: 'string',
                enum: ['pagerduty', 'opsgenie'],
              },
              value: {
                type: 'string',
              },
            },
          },
          escalation: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          problems: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OwnershipProblem',
            },
          },
        },
      },
      OwnershipSummary: {
        type: 'object',
        required: [
          'entities',
          'teams',
          'orphaned',
          'teamsOfOne',
          'withoutOnCall',
          'byProblem',
        ],
        properties: {
          entities: {
            type: 'integer',
          },
          teams: {
            type: 'integer',
          },
          orphaned: {
            type: 'integer',
          },
          teamsOfOne: {
            type: 'integer',
          },
          withoutOnCall: {
            type: 'integer',
          },
          byProblem: {
            type: 'object',
            description:
              'How many entities have each problem (codes with none are absent).',
            additionalProperties: {
              type: 'integer',
            },
          },
        },
      },
      OwnedEntitiesResponse: {
        type: 'object',
        required: ['summary', 'items'],
        properties: {
          summary: {
            $ref: '#/components/schemas/OwnershipSummary',
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OwnedEntity',
            },
          },
        },
      },
      TeamOwnership: {
        type: 'object',
        description: 'A Group with who is in it and everything it owns.',
        required: [
          'ref',
          'title',
          'members',
          'owned',
          'environments',
          'deployments',
          'problems',
        ],
        properties: {
          ref: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          members: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          owned: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ref', 'kind', 'title'],
              properties: {
                ref: {
                  type: 'string',
                },
                kind: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
              },
            },
          },
          environments: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'name', 'className', 'status', 'expiresAt'],
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
                status: {
                  type: 'string',
                },
                component: {
                  type: 'string',
                },
                expiresAt: {
                  type: 'string',
                  format: 'date-time',
                },
              },
            },
          },
          deployments: {
            type: 'array',
            description:
              'The deployment live in an environment, or the latest one there.',
            items: {
              type: 'object',
              required: ['service', 'environment', 'version', 'status', 'at'],
              properties: {
                service: {
                  type: 'string',
                },
                environment: {
                  type: 'string',
                },
                version: {
                  type: 'string',
                },
                status: {
                  type: 'string',
                },
                at: {
                  type: 'string',
                  format: 'date-time',
                },
              },
            },
          },
          problems: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OwnershipProblem',
            },
          },
        },
      },
      TeamsResponse: {
        type: 'object',
        required: ['items', 'unavailable'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/TeamOwnership',
            },
          },
          unavailable: {
            type: 'array',
            description:
              'Sources that could not be read (`environments`, `delivery`): the rest is still shown.',
            items: {
              type: 'string',
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
    '/entities': {
      get: {
        operationId: 'ListEntities',
        description:
          'Owned entities and their ownership problems, with a summary; every filter optional, combined with AND. As JSON, or as CSV with `format=csv`.',
        parameters: [
          {
            $ref: '#/components/parameters/team',
          },
          {
            $ref: '#/components/parameters/entityProblem',
          },
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/lifecycle',
          },
          {
            $ref: '#/components/parameters/format',
          },
        ],
        responses: {
          '200': {
            description:
              'The report (`format=json`), or the CSV export (`format=csv`).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/OwnedEntitiesResponse',
                },
              },
              'text/csv': {
                schema: {
                  type: 'string',
                  description:
                    'A header row, then one CRLF-terminated row per entity, RFC 4180 quoted.',
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
    '/teams': {
      get: {
        operationId: 'ListTeams',
        description:
          'Teams with their members, what they own, their environments and latest deployments, and their problems; environments and delivery being down leaves the rest (`unavailable`). As JSON, or as CSV with `format=csv`.',
        parameters: [
          {
            $ref: '#/components/parameters/team',
          },
          {
            $ref: '#/components/parameters/teamProblem',
          },
          {
            $ref: '#/components/parameters/format',
          },
        ],
        responses: {
          '200': {
            description:
              'The report (`format=json`), or the CSV export (`format=csv`).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TeamsResponse',
                },
              },
              'text/csv': {
                schema: {
                  type: 'string',
                  description:
                    'A header row, then one CRLF-terminated row per team, RFC 4180 quoted.',
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

/** The ownership router, validating every request against the spec. */
export const createOpenApiRouter = (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
