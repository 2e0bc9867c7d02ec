// Generated from ../../openapi.yaml by scripts/openapi-router.mjs; do not edit by hand.
// openapi.test.ts fails when the two differ.

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'readiness',
    version: '1',
    description:
      "Runway's readiness scorecards at /api/readiness: the loaded checks, each entity's scorecard and score history on six capabilities, the overview and per-team rollups, facts pushed by CI, on-demand evaluation, and exemptions of an entity from a check. Every route needs a Backstage token (user or service; exemptions: a user); what a caller may read or change is decided by the readiness permissions. Unknown query parameters are ignored, as they always were (`x-eov-allow-unknown-query-parameters`).",
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
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        description: "The entity's kind, e.g. `component` (any case).",
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        description: "The entity's namespace, e.g. `default` (any case).",
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        description: "The entity's name (any case).",
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      exemptionId: {
        name: 'id',
        in: 'path',
        required: true,
        description: "The exemption's id, as returned when it was created.",
        schema: {
          type: 'string',
        },
      },
      since: {
        name: 'since',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'Changes at or after this time: RFC 3339 with seconds and a zone (`Z` or `+hh:mm`). Default: 90 days ago.',
        schema: {
          type: 'string',
          format: 'date-time',
        },
      },
      exemptionEntityRef: {
        name: 'entityRef',
        in: 'query',
        required: true,
        allowReserved: true,
        description:
          'The entity whose exemptions to list, e.g. `component:default/payments-api` (any case).',
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      owner: {
        name: 'owner',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'Owner entity refs, comma-separated or repeated; blank items are ignored.',
        schema: {
          $ref: '#/components/schemas/FilterList',
        },
      },
      system: {
        name: 'system',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'System entity refs, comma-separated or repeated.',
        schema: {
          $ref: '#/components/schemas/FilterList',
        },
      },
      kind_filter: {
        name: 'kind',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'Entity kinds, comma-separated or repeated.',
        schema: {
          $ref: '#/components/schemas/FilterList',
        },
      },
      type: {
        name: 'type',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'Entity spec types, comma-separated or repeated.',
        schema: {
          $ref: '#/components/schemas/FilterList',
        },
      },
      lifecycle: {
        name: 'lifecycle',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'Entity lifecycles, comma-separated or repeated.',
        schema: {
          $ref: '#/components/schemas/FilterList',
        },
      },
      level: {
        name: 'level',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'Overall levels, comma-separated (`bronze,gold`) or repeated, each one of `none`, `bronze`, `silver`, `gold`. A repeated value is not split on commas.',
        schema: {
          anyOf: [
            {
              type: 'string',
              pattern:
                '^(none|bronze|silver|gold)(,(none|bronze|silver|gold))*$',
            },
            {
              type: 'array',
              items: {
                $ref: '#/components/schemas/OverviewLevel',
              },
            },
          ],
        },
      },
      search: {
        name: 'search',
        in: 'query',
        required: false,
        allowReserved: true,
        description: "Part of the entity's ref or title.",
        schema: {
          type: 'string',
        },
      },
      sort: {
        name: 'sort',
        in: 'query',
        required: false,
        allowReserved: true,
        description: "Sort by name, overall level, or one capability's score.",
        schema: {
          type: 'string',
          enum: [
            'name',
            'level',
            'self-service-deployment',
            'test-feedback',
            'environment-provisioning',
            'code-review',
            'ownership',
            'observability',
          ],
          default: 'name',
        },
      },
      order: {
        name: 'order',
        in: 'query',
        required: false,
        allowReserved: true,
        schema: {
          type: 'string',
          enum: ['asc', 'desc'],
          default: 'asc',
        },
      },
      limit: {
        name: 'limit',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'Rows per page (JSON only; a CSV export has every match).',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 500,
          default: 50,
        },
      },
      offset: {
        name: 'offset',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'Rows to skip (JSON only).',
        schema: {
          type: 'integer',
          minimum: 0,
          maximum: 9007199254740991,
          default: 0,
        },
      },
      format: {
        name: 'format',
        in: 'query',
        required: false,
        allowReserved: true,
        description: '`csv` downloads every matching row as one CSV file.',
        schema: {
          type: 'string',
          enum: ['json', 'csv'],
          default: 'json',
        },
      },
      groupBy: {
        name: 'groupBy',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          '`owner`: one rollup per owning team; `none`: one for the whole organisation.',
        schema: {
          type: 'string',
          enum: ['owner', 'none'],
          default: 'owner',
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
          'The body is not JSON, or a parameter or field is unknown, missing or out of its limits (`InputError`; the message names the field and, where there is one, the value).',
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
          'The permission policy does not allow the caller this (`NotAllowedError`), or the route needs a user and the caller is a service.',
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
          'No such entity, scorecard, check or exemption (`NotFoundError`; the message names it).',
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
          'The entity already has an active exemption from this check (`ConflictError`).',
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
      FilterList: {
        anyOf: [
          {
            type: 'string',
          },
          {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        ],
      },
      CapabilityId: {
        type: 'string',
        enum: [
          'self-service-deployment',
          'test-feedback',
          'environment-provisioning',
          'code-review',
          'ownership',
          'observability',
        ],
      },
      LevelId: {
        type: 'string',
        enum: ['bronze', 'silver', 'gold'],
      },
      AchievedLevel: {
        type: 'string',
        enum: ['none', 'bronze', 'silver', 'gold'],
      },
      OverviewLevel: {
        type: 'string',
        enum: ['none', 'bronze', 'silver', 'gold'],
      },
      CheckStatus: {
        type: 'string',
        enum: [
          'pass',
          'warn',
          'fail',
          'not-applicable',
          'missing-data',
          'error',
        ],
      },
      HowToFix: {
        type: 'object',
        required: ['markdown'],
        properties: {
          markdown: {
            type: 'string',
          },
          link: {
            type: 'string',
          },
        },
      },
      CheckDefinition: {
        type: 'object',
        description:
          'A readiness check as loaded from a checks file or registered by a module.',
        required: [
          'id',
          'capability',
          'title',
          'description',
          'howToFix',
          'weight',
          'level',
          'rule',
        ],
        properties: {
          id: {
            type: 'string',
          },
          capability: {
            $ref: '#/components/schemas/CapabilityId',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          howToFix: {
            $ref: '#/components/schemas/HowToFix',
          },
          weight: {
            type: 'number',
          },
          level: {
            $ref: '#/components/schemas/LevelId',
          },
          appliesTo: {
            type: 'object',
            properties: {
              kinds: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              types: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              lifecycles: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
          },
          rule: {
            $ref: '#/components/schemas/Rule',
          },
          warn: {
            $ref: '#/components/schemas/Rule',
          },
        },
      },
      Rule: {
        type: 'object',
        description:
          'A rule over facts: a comparison of one fact (`fact` and one operator), or `all` / `any` of rules, or `not` a rule.',
        additionalProperties: {},
      },
      ChecksResponse: {
        type: 'object',
        required: ['checks', 'problems'],
        properties: {
          checks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CheckDefinition',
            },
          },
          problems: {
            type: 'array',
            description: 'Checks that were not loaded, and why.',
            items: {
              type: 'object',
              required: ['file', 'field', 'message'],
              properties: {
                file: {
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
        },
      },
      EvaluationSummary: {
        type: 'object',
        description: 'What an evaluation changed.',
        properties: {
          entities: {
            type: 'integer',
          },
          factsChanged: {
            type: 'integer',
          },
          resultChanges: {
            type: 'integer',
          },
          scoreChanges: {
            type: 'integer',
          },
          entityChanges: {
            type: 'integer',
          },
          removed: {
            type: 'integer',
          },
        },
      },
      EvaluateRequest: {
        type: 'object',
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
            minLength: 1,
            description:
              'The entity to evaluate (any case); absent, every entity.',
          },
        },
      },
      FactValue: {
        anyOf: [
          {
            type: 'string',
            maxLength: 10000,
          },
          {
            type: 'number',
          },
          {
            type: 'boolean',
          },
          {
            type: 'array',
            maxItems: 1000,
            items: {
              type: 'string',
              maxLength: 10000,
            },
          },
        ],
      },
      PushFactsRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['facts'],
        properties: {
          facts: {
            type: 'array',
            minItems: 1,
            maxItems: 1000,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['entityRef', 'name', 'value'],
              properties: {
                entityRef: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 500,
                },
                name: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 200,
                  description:
                    'A declared pushed fact, e.g. `ci.test.flakyRate` (else a 400 naming it).',
                },
                value: {
                  $ref: '#/components/schemas/FactValue',
                },
                observedAt: {
                  type: 'string',
                  format: 'date-time',
                  description:
                    'When the fact was observed; defaults to when it is received.',
                },
              },
            },
          },
        },
      },
      PushFactsResponse: {
        type: 'object',
        required: ['accepted', 'changed', 'evaluated'],
        properties: {
          accepted: {
            type: 'integer',
          },
          changed: {
            type: 'integer',
          },
          evaluated: {
            type: 'array',
            description: 'The entities evaluated again.',
            items: {
              type: 'string',
            },
          },
        },
      },
      ScorecardCheck: {
        type: 'object',
        required: [
          'id',
          'title',
          'description',
          'howToFix',
          'level',
          'weight',
          'status',
          'detail',
          'changedAt',
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
          howToFix: {
            $ref: '#/components/schemas/HowToFix',
          },
          level: {
            $ref: '#/components/schemas/LevelId',
          },
          weight: {
            type: 'number',
          },
          status: {
            $ref: '#/components/schemas/CheckStatus',
          },
          detail: {
            type: 'string',
          },
          changedAt: {
            type: 'string',
            format: 'date-time',
          },
          exemption: {
            type: 'object',
            required: ['id', 'reason', 'expiresAt', 'createdBy'],
            properties: {
              id: {
                type: 'string',
              },
              reason: {
                type: 'string',
              },
              expiresAt: {
                type: 'string',
                format: 'date-time',
              },
              createdBy: {
                type: 'string',
              },
            },
          },
        },
      },
      BlockingCheck: {
        type: 'object',
        required: [
          'id',
          'capability',
          'level',
          'weight',
          'status',
          'title',
          'howToFix',
        ],
        properties: {
          id: {
            type: 'string',
          },
          capability: {
            $ref: '#/components/schemas/CapabilityId',
          },
          level: {
            $ref: '#/components/schemas/LevelId',
          },
          weight: {
            type: 'number',
          },
          status: {
            $ref: '#/components/schemas/CheckStatus',
          },
          title: {
            type: 'string',
          },
          howToFix: {
            $ref: '#/components/schemas/HowToFix',
          },
        },
      },
      CheckSummary: {
        type: 'object',
        required: ['id', 'capability', 'level', 'title'],
        properties: {
          id: {
            type: 'string',
          },
          capability: {
            $ref: '#/components/schemas/CapabilityId',
          },
          level: {
            $ref: '#/components/schemas/LevelId',
          },
          title: {
            type: 'string',
          },
        },
      },
      ScorecardResponse: {
        type: 'object',
        required: [
          'entityRef',
          'overallLevel',
          'scoredCapabilities',
          'fixFirst',
          'evaluatedAt',
          'capabilities',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          system: {
            type: 'string',
          },
          overallLevel: {
            $ref: '#/components/schemas/AchievedLevel',
          },
          scoredCapabilities: {
            type: 'integer',
            description:
              'How many of the six capabilities have an applicable check.',
          },
          fixFirst: {
            type: 'object',
            description:
              'The next overall level, and the open checks standing in its way, heaviest first.',
            required: ['checks'],
            properties: {
              level: {
                $ref: '#/components/schemas/LevelId',
              },
              checks: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/BlockingCheck',
                },
              },
            },
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
          capabilities: {
            type: 'array',
            items: {
              type: 'object',
              required: ['capability', 'score', 'level', 'title', 'checks'],
              properties: {
                capability: {
                  $ref: '#/components/schemas/CapabilityId',
                },
                score: {
                  type: ['number', 'null'],
                  description:
                    '0-100 over the applicable checks; null when none applies.',
                },
                level: {
                  $ref: '#/components/schemas/AchievedLevel',
                },
                next: {
                  type: 'object',
                  required: ['level', 'failingChecks'],
                  properties: {
                    level: {
                      $ref: '#/components/schemas/LevelId',
                    },
                    failingChecks: {
                      type: 'array',
                      items: {
                        type: 'string',
                      },
                    },
                  },
                },
                title: {
                  type: 'string',
                },
                checks: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/ScorecardCheck',
                  },
                },
              },
            },
          },
        },
      },
      ScoreHistoryResponse: {
        type: 'object',
        required: ['entityRef', 'changes'],
        properties: {
          entityRef: {
            type: 'string',
          },
          changes: {
            type: 'array',
            items: {
              type: 'object',
              required: ['capability', 'score', 'level', 'changedAt'],
              properties: {
                capability: {
                  type: 'string',
                },
                score: {
                  type: ['number', 'null'],
                },
                level: {
                  $ref: '#/components/schemas/AchievedLevel',
                },
                changedAt: {
                  type: 'string',
                  format: 'date-time',
                },
              },
            },
          },
        },
      },
      OverviewRow: {
        type: 'object',
        required: [
          'entityRef',
          'kind',
          'overallLevel',
          'scoredCapabilities',
          'fixFirst',
          'evaluatedAt',
          'scores',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          system: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          overallLevel: {
            $ref: '#/components/schemas/AchievedLevel',
          },
          scoredCapabilities: {
            type: 'integer',
          },
          fixFirst: {
            type: 'object',
            required: ['blockingChecks'],
            properties: {
              level: {
                $ref: '#/components/schemas/LevelId',
              },
              blockingChecks: {
                type: 'integer',
              },
              first: {
                $ref: '#/components/schemas/CheckSummary',
              },
            },
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
          scores: {
            type: 'object',
            description:
              'Per capability id, its score (null when no check applies) and level.',
            additionalProperties: {
              type: 'object',
              required: ['score', 'level'],
              properties: {
                score: {
                  type: ['number', 'null'],
                },
                level: {
                  $ref: '#/components/schemas/AchievedLevel',
                },
              },
            },
          },
        },
      },
      OverviewResponse: {
        type: 'object',
        required: ['total', 'rows'],
        properties: {
          total: {
            type: 'integer',
          },
          rows: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OverviewRow',
            },
          },
        },
      },
      RollupsResponse: {
        type: 'object',
        required: ['rollups'],
        properties: {
          rollups: {
            type: 'array',
            items: {
              type: 'object',
              required: ['entities', 'capabilities'],
              properties: {
                owner: {
                  type: 'string',
                  description:
                    'The owner ref; absent for the whole organisation.',
                },
                entities: {
                  type: 'integer',
                },
                capabilities: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['capability', 'averageScore', 'levels'],
                    properties: {
                      capability: {
                        $ref: '#/components/schemas/CapabilityId',
                      },
                      averageScore: {
                        type: ['number', 'null'],
                      },
                      levels: {
                        type: 'object',
                        description: 'How many entities are at each level.',
                        additionalProperties: {
                          type: 'integer',
                        },
                      },
                    },
                  },
                },
                weakestCapability: {
                  $ref: '#/components/schemas/CapabilityId',
                },
                fixFirst: {
                  allOf: [
                    {
                      $ref: '#/components/schemas/CheckSummary',
                    },
                    {
                      type: 'object',
                      required: ['entities'],
                      properties: {
                        entities: {
                          type: 'integer',
                          description:
                            'For how many of these entities this check comes first.',
                        },
                      },
                    },
                  ],
                },
              },
            },
          },
        },
      },
      CreateExemptionRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'checkId', 'reason', 'expiresAt'],
        properties: {
          entityRef: {
            type: 'string',
            minLength: 1,
            maxLength: 500,
          },
          checkId: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          reason: {
            type: 'string',
            minLength: 3,
            maxLength: 2000,
            description:
              'Why; trimmed, then at least 3 and at most 2000 characters.',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
            description:
              'In the future, and at most readiness.exemptions.maxDays (default 180) days away.',
          },
        },
      },
      Exemption: {
        type: 'object',
        required: [
          'id',
          'entityRef',
          'checkId',
          'reason',
          'createdBy',
          'createdAt',
          'expiresAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          checkId: {
            type: 'string',
          },
          reason: {
            type: 'string',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
          revokedAt: {
            type: 'string',
            format: 'date-time',
          },
          revokedBy: {
            type: 'string',
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
    '/checks': {
      get: {
        operationId: 'ListChecks',
        'x-eov-allow-unknown-query-parameters': true,
        description:
          'Every loaded check with its guidance, and the checks that failed to load.',
        responses: {
          '200': {
            description: 'The checks.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ChecksResponse',
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
    '/evaluate': {
      post: {
        operationId: 'Evaluate',
        'x-eov-allow-unknown-query-parameters': true,
        description:
          'Evaluates one entity now (`readiness.evaluate` on it) or, without `entityRef`, every entity (`readiness.evaluate.all`). The body may be absent.',
        requestBody: {
          description:
            "JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot).",
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EvaluateRequest',
              },
            },
            'application/*': {
              schema: {
                $ref: '#/components/schemas/EvaluateRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'What the evaluation changed.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EvaluationSummary',
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
    '/scorecards/{kind}/{namespace}/{name}': {
      get: {
        operationId: 'GetScorecard',
        'x-eov-allow-unknown-query-parameters': true,
        description:
          "The entity's scorecard (`readiness.read` on it); an entity in the catalog that was never evaluated is evaluated first.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The scorecard.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardResponse',
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
    '/scorecards/{kind}/{namespace}/{name}/history': {
      get: {
        operationId: 'GetScoreHistory',
        'x-eov-allow-unknown-query-parameters': true,
        description:
          "The entity's score changes per capability since `since` (`readiness.read` on it).",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/since',
          },
        ],
        responses: {
          '200': {
            description: 'The changes, oldest first.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScoreHistoryResponse',
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
    '/facts': {
      post: {
        operationId: 'PushFacts',
        'x-eov-allow-unknown-query-parameters': true,
        description:
          'CI pushes a batch of facts (`readiness.facts.push`), all or nothing: a fact that is not declared, or a value outside its declared range, is a 400 naming it; an entity the catalog does not have is a 404. The entities are then evaluated again.',
        requestBody: {
          description:
            "JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot).",
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PushFactsRequest',
              },
            },
            'application/*': {
              schema: {
                $ref: '#/components/schemas/PushFactsRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The facts were recorded.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PushFactsResponse',
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
    '/exemptions': {
      get: {
        operationId: 'ListExemptions',
        'x-eov-allow-unknown-query-parameters': true,
        description:
          "The entity's exemptions, active and past (`readiness.read` on it).",
        parameters: [
          {
            $ref: '#/components/parameters/exemptionEntityRef',
          },
        ],
        responses: {
          '200': {
            description: 'The exemptions.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['exemptions'],
                  properties: {
                    exemptions: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Exemption',
                      },
                    },
                  },
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
        operationId: 'CreateExemption',
        'x-eov-allow-unknown-query-parameters': true,
        description:
          'A user exempts an entity from a check, for a reason, until a date (`readiness.exemption.manage` on the entity). An expiry in the past or beyond readiness.exemptions.maxDays is a 400; an unknown entity or check a 404; an active exemption of the same entity from the same check a 409.',
        requestBody: {
          description:
            "JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot).",
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CreateExemptionRequest',
              },
            },
            'application/*': {
              schema: {
                $ref: '#/components/schemas/CreateExemptionRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The exemption.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Exemption',
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
    '/exemptions/{id}': {
      delete: {
        operationId: 'RevokeExemption',
        'x-eov-allow-unknown-query-parameters': true,
        description:
          'A user revokes an exemption (`readiness.exemption.manage` on its entity); the entity is evaluated again.',
        parameters: [
          {
            $ref: '#/components/parameters/exemptionId',
          },
        ],
        responses: {
          '200': {
            description: 'The revoked exemption.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Exemption',
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
    '/overview': {
      get: {
        operationId: 'ListOverview',
        'x-eov-allow-unknown-query-parameters': true,
        description:
          'The scorecards the caller may read, one row per entity, filtered and sorted; a page at a time as JSON, or every match as CSV.',
        parameters: [
          {
            $ref: '#/components/parameters/owner',
          },
          {
            $ref: '#/components/parameters/system',
          },
          {
            $ref: '#/components/parameters/kind_filter',
          },
          {
            $ref: '#/components/parameters/type',
          },
          {
            $ref: '#/components/parameters/lifecycle',
          },
          {
            $ref: '#/components/parameters/level',
          },
          {
            $ref: '#/components/parameters/search',
          },
          {
            $ref: '#/components/parameters/sort',
          },
          {
            $ref: '#/components/parameters/order',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/offset',
          },
          {
            $ref: '#/components/parameters/format',
          },
        ],
        responses: {
          '200': {
            description:
              'A page of rows (`format=json`), or the CSV export (`format=csv`).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/OverviewResponse',
                },
              },
              'text/csv': {
                schema: {
                  type: 'string',
                  description:
                    "A header row, then one row per entity; cells are RFC 4180 quoted and a leading `= + - @` is prefixed with `'`.",
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
    '/rollups': {
      get: {
        operationId: 'ListRollups',
        'x-eov-allow-unknown-query-parameters': true,
        description:
          'Per owning team (or for the whole organisation), over the scorecards the caller may read: the average score and level counts per capability, the weakest capability, and the check to fix first for the most entities.',
        parameters: [
          {
            $ref: '#/components/parameters/owner',
          },
          {
            $ref: '#/components/parameters/system',
          },
          {
            $ref: '#/components/parameters/kind_filter',
          },
          {
            $ref: '#/components/parameters/type',
          },
          {
            $ref: '#/components/parameters/lifecycle',
          },
          {
            $ref: '#/components/parameters/level',
          },
          {
            $ref: '#/components/parameters/search',
          },
          {
            $ref: '#/components/parameters/groupBy',
          },
        ],
        responses: {
          '200': {
            description: 'The rollups.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RollupsResponse',
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

/** The readiness router, validating every request against the spec. */
export const createOpenApiRouter = (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
