// Generated from ../../openapi.yaml by scripts/openapi-router.mjs; do not edit by hand.
// openapi.test.ts fails when the two differ.

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'delivery',
    version: '1',
    description:
      "Runway's delivery API at /api/delivery: delivery events in (the batch API, JUnit reports, and webhooks signed by GitHub, CI, PagerDuty, Opsgenie and Alertmanager), DORA and flow metrics, and self-service deploys (deploy, roll back, promote, approve) with freeze windows and gates, whose drivers report back to a signed callback. Routes with a Backstage token are authorized by Runway's delivery permissions; webhooks and the deploy callback carry no token and are authorized by their signature or bearer token instead, checked over the raw body before any of it is parsed.",
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
      deployId: {
        name: 'id',
        in: 'path',
        required: true,
        description: "The deploy's id, as POST /deploys answered it.",
        schema: {
          type: 'string',
        },
      },
      service: {
        name: 'service',
        in: 'query',
        required: true,
        allowReserved: true,
        description:
          "A Component's entity ref (`component:default/payments-api`), or its name for one in the default namespace.",
        schema: {
          $ref: '#/components/schemas/ServiceRef',
        },
      },
      metricsFrom: {
        name: 'from',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          "The window's start: RFC 3339 with seconds and a zone (`Z` or `+hh:mm`), e.g. `2026-12-01T10:00:00Z`. Defaults to the window's length before `to`.",
        schema: {
          type: 'string',
          format: 'date-time',
        },
      },
      metricsTo: {
        name: 'to',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          "The window's end, in the same format as `from`; defaults to now.",
        schema: {
          type: 'string',
          format: 'date-time',
        },
      },
      metricsService: {
        name: 'service',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'One service (Component entity ref, or a name in the default namespace); not with `team`. Neither: the organisation.',
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      metricsTeam: {
        name: 'team',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          "A team's services (Group entity ref, or a name in the default namespace); not with `service`.",
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      junitService: {
        name: 'service',
        in: 'query',
        required: true,
        allowReserved: true,
        description:
          'The Component the test run belongs to; it must be in the catalog.',
        schema: {
          $ref: '#/components/schemas/ServiceRef',
        },
      },
      junitRunId: {
        name: 'runId',
        in: 'query',
        required: true,
        allowReserved: true,
        description:
          "The CI run's id; a report sent again for the same run is stored once.",
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 200,
        },
      },
      junitFinishedAt: {
        name: 'finishedAt',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          "When the run finished (RFC 3339 with seconds and a zone); defaults to the report's earliest testsuite timestamp plus its time, else now.",
        schema: {
          type: 'string',
          format: 'date-time',
        },
      },
      contentEncoding: {
        name: 'Content-Encoding',
        in: 'header',
        required: false,
        description:
          '`gzip` for a compressed report; absent or `identity` for plain XML.',
        schema: {
          type: 'string',
          enum: ['identity', 'gzip'],
        },
      },
      hubSignature: {
        name: 'X-Hub-Signature-256',
        in: 'header',
        required: true,
        description:
          '`sha256=<hex>`: the HMAC-SHA256 of the body exactly as sent, keyed with the configured secret. Missing or wrong: 401.',
        schema: {
          type: 'string',
        },
      },
      runwayDelivery: {
        name: 'X-Runway-Delivery',
        in: 'header',
        required: false,
        description:
          "The sender's id of this delivery (at most 200 characters): a delivery sent again with the same id is stored once.",
        schema: {
          type: 'string',
          maxLength: 200,
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
          'A parameter or the body is unknown, missing or out of its limits, or not JSON (`InputError`; the message names the field and, where there is one, the value).',
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
      WebhookUnauthorized: {
        description:
          'The signature or token is missing or wrong, or none is configured for this webhook (`AuthenticationError`).',
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
          'The caller lacks the delivery permission this needs (`NotAllowedError`).',
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
          'The service, team or environment is not known, or there is no such deploy (`NotFoundError`).',
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
          'The deploy cannot go ahead as asked: a freeze window without an override, another deploy active in the environment, an idempotency key reused for a different request, or a deploy no longer in the state this needs (`ConflictError`).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      PayloadTooLarge: {
        description: 'The body is larger than this route accepts.',
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
      ServiceRef: {
        type: 'string',
        minLength: 1,
        maxLength: 300,
      },
      EnvironmentName: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
      },
      IdempotencyKey: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        description:
          'A retry with the same key returns the first deploy instead of starting another.',
      },
      FreezeOverride: {
        type: 'object',
        description:
          'To deploy inside a freeze window (needs `delivery.freeze.override`).',
        required: ['reason'],
        properties: {
          reason: {
            type: 'string',
            minLength: 10,
            maxLength: 1000,
            description:
              'Why, kept in the deploy and the audit log; counted after trimming.',
          },
        },
        additionalProperties: false,
      },
      CommitSha: {
        type: 'string',
        pattern: '^[0-9a-fA-F]{7,64}$',
        description:
          '7 to 64 hexadecimal digits (abbreviated, SHA-1 or SHA-256).',
      },
      DateTime: {
        type: 'string',
        format: 'date-time',
      },
      DeliveryId: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        description:
          "The sender's id of this event: an event whose delivery id was stored before is skipped.",
      },
      EventId: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
      },
      PositiveInteger: {
        type: 'integer',
        exclusiveMinimum: 0,
        maximum: 9007199254740991,
      },
      LineCount: {
        type: 'integer',
        minimum: 0,
        maximum: 100000000,
      },
      TestCount: {
        type: 'integer',
        minimum: 0,
        maximum: 10000000,
      },
      DeployRequest: {
        type: 'object',
        required: ['service', 'environment', 'version'],
        properties: {
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          environment: {
            $ref: '#/components/schemas/EnvironmentName',
          },
          version: {
            type: 'string',
            pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$',
            description:
              '1-128 letters, digits, `.`, `_`, `+` or `-`, starting with a letter or digit.',
          },
          commitSha: {
            $ref: '#/components/schemas/CommitSha',
          },
          idempotencyKey: {
            $ref: '#/components/schemas/IdempotencyKey',
          },
          freezeOverride: {
            $ref: '#/components/schemas/FreezeOverride',
          },
        },
        additionalProperties: false,
      },
      RollbackRequest: {
        type: 'object',
        required: ['service', 'environment'],
        properties: {
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          environment: {
            $ref: '#/components/schemas/EnvironmentName',
          },
          idempotencyKey: {
            $ref: '#/components/schemas/IdempotencyKey',
          },
          freezeOverride: {
            $ref: '#/components/schemas/FreezeOverride',
          },
        },
        additionalProperties: false,
      },
      PromoteRequest: {
        type: 'object',
        required: ['service', 'from'],
        properties: {
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          from: {
            $ref: '#/components/schemas/EnvironmentName',
          },
          idempotencyKey: {
            $ref: '#/components/schemas/IdempotencyKey',
          },
          freezeOverride: {
            $ref: '#/components/schemas/FreezeOverride',
          },
        },
        additionalProperties: false,
      },
      DeployCallback: {
        type: 'object',
        description: "A deploy driver's status report.",
        required: ['status'],
        properties: {
          status: {
            type: 'string',
            enum: ['running', 'succeeded', 'failed'],
          },
          message: {
            type: 'string',
            maxLength: 2000,
          },
          log: {
            type: 'array',
            description: 'Lines for the live log.',
            maxItems: 500,
            items: {
              type: 'string',
              maxLength: 2000,
            },
          },
        },
        additionalProperties: false,
      },
      DeploymentEvent: {
        type: 'object',
        description:
          'A deployment done by external CI/CD (or a status change of one).',
        required: ['type', 'id', 'service', 'environment', 'version', 'status'],
        properties: {
          type: {
            type: 'string',
            const: 'deployment',
          },
          deliveryId: {
            $ref: '#/components/schemas/DeliveryId',
          },
          id: {
            $ref: '#/components/schemas/EventId',
          },
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          environment: {
            $ref: '#/components/schemas/EnvironmentName',
          },
          production: {
            type: 'boolean',
          },
          version: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          status: {
            type: 'string',
            enum: ['queued', 'running', 'succeeded', 'failed', 'rolled-back'],
          },
          changeType: {
            $ref: '#/components/schemas/ChangeType',
          },
          queuedAt: {
            $ref: '#/components/schemas/DateTime',
          },
          startedAt: {
            $ref: '#/components/schemas/DateTime',
          },
          finishedAt: {
            $ref: '#/components/schemas/DateTime',
          },
          commitSha: {
            $ref: '#/components/schemas/CommitSha',
          },
          firstCommitAt: {
            $ref: '#/components/schemas/DateTime',
          },
          pullRequests: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'object',
              required: ['repository', 'number'],
              properties: {
                repository: {
                  type: 'string',
                  minLength: 1,
                },
                number: {
                  $ref: '#/components/schemas/PositiveInteger',
                },
              },
              additionalProperties: false,
            },
          },
          triggeredBy: {
            type: 'string',
            minLength: 1,
            maxLength: 300,
          },
          selfService: {
            type: 'boolean',
          },
        },
        additionalProperties: false,
      },
      PullRequestEvent: {
        type: 'object',
        required: [
          'type',
          'service',
          'repository',
          'number',
          'action',
          'openedAt',
        ],
        properties: {
          type: {
            type: 'string',
            const: 'pull_request',
          },
          deliveryId: {
            $ref: '#/components/schemas/DeliveryId',
          },
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          repository: {
            type: 'string',
            minLength: 1,
            maxLength: 300,
          },
          number: {
            $ref: '#/components/schemas/PositiveInteger',
          },
          action: {
            type: 'string',
            enum: ['opened', 'closed', 'merged', 'updated'],
          },
          title: {
            type: 'string',
            maxLength: 1000,
          },
          author: {
            type: 'string',
            maxLength: 300,
          },
          openedAt: {
            $ref: '#/components/schemas/DateTime',
          },
          firstCommitAt: {
            $ref: '#/components/schemas/DateTime',
          },
          mergedAt: {
            $ref: '#/components/schemas/DateTime',
          },
          closedAt: {
            $ref: '#/components/schemas/DateTime',
          },
          additions: {
            $ref: '#/components/schemas/LineCount',
          },
          deletions: {
            $ref: '#/components/schemas/LineCount',
          },
          changedFiles: {
            $ref: '#/components/schemas/LineCount',
          },
          mergeCommitSha: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
        },
        additionalProperties: false,
      },
      ReviewEvent: {
        type: 'object',
        required: [
          'type',
          'service',
          'repository',
          'number',
          'reviewId',
          'state',
          'submittedAt',
        ],
        properties: {
          type: {
            type: 'string',
            const: 'review',
          },
          deliveryId: {
            $ref: '#/components/schemas/DeliveryId',
          },
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          repository: {
            type: 'string',
            minLength: 1,
            maxLength: 300,
          },
          number: {
            $ref: '#/components/schemas/PositiveInteger',
          },
          reviewId: {
            $ref: '#/components/schemas/EventId',
          },
          reviewer: {
            type: 'string',
            maxLength: 300,
          },
          state: {
            type: 'string',
            enum: ['approved', 'changes_requested', 'commented', 'dismissed'],
          },
          submittedAt: {
            $ref: '#/components/schemas/DateTime',
          },
        },
        additionalProperties: false,
      },
      TestRunEvent: {
        type: 'object',
        description:
          "A CI test run's summary (JUnit XML goes to POST /test-runs/junit instead).",
        required: [
          'type',
          'id',
          'service',
          'finishedAt',
          'durationSeconds',
          'tests',
          'failures',
        ],
        properties: {
          type: {
            type: 'string',
            const: 'test_run',
          },
          deliveryId: {
            $ref: '#/components/schemas/DeliveryId',
          },
          id: {
            $ref: '#/components/schemas/EventId',
          },
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          startedAt: {
            $ref: '#/components/schemas/DateTime',
          },
          finishedAt: {
            $ref: '#/components/schemas/DateTime',
          },
          durationSeconds: {
            type: 'number',
            minimum: 0,
            maximum: 604800,
            description: 'At most 7 days.',
          },
          tests: {
            $ref: '#/components/schemas/TestCount',
          },
          failures: {
            $ref: '#/components/schemas/TestCount',
          },
          skipped: {
            $ref: '#/components/schemas/TestCount',
          },
          flakyTests: {
            $ref: '#/components/schemas/TestCount',
          },
        },
        additionalProperties: false,
      },
      IncidentEvent: {
        type: 'object',
        required: ['type', 'id', 'service', 'status', 'openedAt'],
        properties: {
          type: {
            type: 'string',
            const: 'incident',
          },
          deliveryId: {
            $ref: '#/components/schemas/DeliveryId',
          },
          id: {
            $ref: '#/components/schemas/EventId',
          },
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          status: {
            type: 'string',
            enum: ['opened', 'resolved'],
          },
          title: {
            type: 'string',
            maxLength: 1000,
          },
          openedAt: {
            $ref: '#/components/schemas/DateTime',
          },
          resolvedAt: {
            $ref: '#/components/schemas/DateTime',
          },
          causedByDeploymentId: {
            $ref: '#/components/schemas/EventId',
          },
        },
        additionalProperties: false,
      },
      SignedIncident: {
        type: 'object',
        description:
          'An incident event as POST /webhooks/incidents takes it (`type` may be left out).',
        required: ['id', 'service', 'status', 'openedAt'],
        properties: {
          type: {
            type: 'string',
            const: 'incident',
          },
          deliveryId: {
            $ref: '#/components/schemas/DeliveryId',
          },
          id: {
            $ref: '#/components/schemas/EventId',
          },
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          status: {
            type: 'string',
            enum: ['opened', 'resolved'],
          },
          title: {
            type: 'string',
            maxLength: 1000,
          },
          openedAt: {
            $ref: '#/components/schemas/DateTime',
          },
          resolvedAt: {
            $ref: '#/components/schemas/DateTime',
          },
          causedByDeploymentId: {
            $ref: '#/components/schemas/EventId',
          },
        },
        additionalProperties: false,
      },
      IngestRequest: {
        type: 'object',
        required: ['events'],
        properties: {
          events: {
            type: 'array',
            minItems: 1,
            maxItems: 5000,
            items: {
              oneOf: [
                {
                  $ref: '#/components/schemas/DeploymentEvent',
                },
                {
                  $ref: '#/components/schemas/PullRequestEvent',
                },
                {
                  $ref: '#/components/schemas/ReviewEvent',
                },
                {
                  $ref: '#/components/schemas/TestRunEvent',
                },
                {
                  $ref: '#/components/schemas/IncidentEvent',
                },
              ],
            },
          },
        },
        additionalProperties: false,
      },
      ServiceFactsRequest: {
        type: 'object',
        required: ['services'],
        properties: {
          services: {
            type: 'array',
            minItems: 1,
            maxItems: 1000,
            items: {
              type: 'string',
              minLength: 1,
            },
          },
          days: {
            type: 'integer',
            minimum: 1,
            maximum: 365,
            default: 30,
            description: 'The window, ending now.',
          },
        },
        additionalProperties: false,
      },
      IngestResponse: {
        type: 'object',
        description: 'How many events were new and how many were replays.',
        required: ['accepted', 'duplicates'],
        properties: {
          accepted: {
            type: 'integer',
          },
          duplicates: {
            type: 'integer',
          },
        },
      },
      WebhookResponse: {
        type: 'object',
        required: ['accepted', 'duplicates'],
        properties: {
          accepted: {
            type: 'integer',
          },
          duplicates: {
            type: 'integer',
          },
          ignored: {
            type: 'string',
            description:
              'Why nothing was stored, when the delivery is acknowledged but not read.',
          },
        },
      },
      JunitResponse: {
        type: 'object',
        required: ['accepted', 'duplicates', 'run'],
        properties: {
          accepted: {
            type: 'integer',
          },
          duplicates: {
            type: 'integer',
          },
          run: {
            type: 'object',
            required: [
              'service',
              'runId',
              'durationSeconds',
              'tests',
              'failures',
            ],
            properties: {
              service: {
                type: 'string',
              },
              runId: {
                type: 'string',
              },
              durationSeconds: {
                type: 'number',
              },
              tests: {
                type: 'integer',
              },
              failures: {
                type: 'integer',
              },
              skipped: {
                type: 'integer',
              },
              flakyTests: {
                type: 'integer',
              },
            },
          },
        },
      },
      DeploymentStatus: {
        type: 'string',
        enum: [
          'awaiting-approval',
          'queued',
          'running',
          'succeeded',
          'failed',
          'rolled-back',
        ],
      },
      ChangeType: {
        type: 'string',
        enum: ['planned', 'fix', 'rollback'],
      },
      TierId: {
        type: 'string',
        enum: ['elite', 'high', 'medium', 'low'],
      },
      Deployment: {
        type: 'object',
        description:
          'A deployment: one started through Runway (`source: runway`) or reported by external CI/CD.',
        required: [
          'id',
          'service',
          'environment',
          'production',
          'version',
          'status',
          'changeType',
          'source',
          'selfService',
          'requestedAt',
          'causedIncident',
        ],
        properties: {
          id: {
            type: 'string',
          },
          service: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          production: {
            type: 'boolean',
          },
          version: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/DeploymentStatus',
          },
          changeType: {
            $ref: '#/components/schemas/ChangeType',
          },
          source: {
            type: 'string',
            enum: ['runway', 'external'],
          },
          driver: {
            type: 'string',
          },
          triggeredBy: {
            type: 'string',
          },
          selfService: {
            type: 'boolean',
          },
          commitSha: {
            type: 'string',
          },
          rollbackOf: {
            type: 'string',
            description: 'For a rollback, the deployment it rolled back.',
          },
          promotedFrom: {
            type: 'string',
            description:
              'For a promotion, the deployment whose version it promotes.',
          },
          requestedAt: {
            type: 'string',
          },
          queuedAt: {
            type: 'string',
          },
          startedAt: {
            type: 'string',
          },
          finishedAt: {
            type: 'string',
          },
          approval: {
            type: 'object',
            required: ['reason'],
            properties: {
              reason: {
                type: 'string',
              },
              approvedBy: {
                type: 'string',
              },
              approvedAt: {
                type: 'string',
              },
            },
          },
          freezeOverride: {
            type: 'object',
            required: ['window', 'reason'],
            properties: {
              window: {
                type: 'string',
              },
              reason: {
                type: 'string',
              },
            },
          },
          leadTimeSeconds: {
            type: 'number',
          },
          causedIncident: {
            type: 'boolean',
          },
          failedChange: {
            type: 'object',
            description:
              'Why a finished production deployment counts as a failed change.',
            required: ['reasons', 'incidents'],
            properties: {
              reasons: {
                type: 'array',
                items: {
                  type: 'string',
                  enum: ['failed', 'rolled-back', 'incident'],
                },
              },
              incidents: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'openedAt', 'link'],
                  properties: {
                    id: {
                      type: 'string',
                    },
                    title: {
                      type: 'string',
                    },
                    url: {
                      type: 'string',
                    },
                    source: {
                      type: 'string',
                    },
                    openedAt: {
                      type: 'string',
                    },
                    link: {
                      type: 'string',
                      enum: ['reported', 'live-at-open'],
                    },
                  },
                },
              },
            },
          },
          message: {
            type: 'string',
          },
        },
      },
      DeploymentListResponse: {
        type: 'object',
        required: ['deployments'],
        properties: {
          deployments: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Deployment',
            },
          },
        },
      },
      DeploymentEventsResponse: {
        type: 'object',
        required: ['events'],
        properties: {
          events: {
            type: 'array',
            items: {
              type: 'object',
              description: "A line of the deploy's live log.",
              required: ['id', 'deploymentId', 'at', 'message'],
              properties: {
                id: {
                  type: 'integer',
                },
                deploymentId: {
                  type: 'string',
                },
                at: {
                  type: 'string',
                },
                status: {
                  $ref: '#/components/schemas/DeploymentStatus',
                },
                message: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
      MetricsScope: {
        type: 'object',
        description:
          '`service` (with `ref`), `team` (with `ref` and `services`) or `organisation`.',
        required: ['type'],
        properties: {
          type: {
            type: 'string',
            enum: ['service', 'team', 'organisation'],
          },
          ref: {
            type: 'string',
          },
          services: {
            type: 'integer',
          },
        },
      },
      DoraResponse: {
        type: 'object',
        description:
          'The four DORA metrics and rework rate over the window, with tiers.',
        required: ['scope', 'window', 'tiers', 'dora'],
        properties: {
          scope: {
            $ref: '#/components/schemas/MetricsScope',
          },
          window: {
            type: 'object',
            required: ['from', 'to', 'days'],
            properties: {
              from: {
                type: 'string',
              },
              to: {
                type: 'string',
              },
              days: {
                type: 'number',
              },
            },
          },
          tiers: {
            type: 'object',
            required: ['reportYear'],
            properties: {
              reportYear: {
                type: 'integer',
              },
            },
          },
          dora: {
            type: 'object',
            description:
              'deploymentFrequency, leadTime, changeFailureRate, timeToRestore, reworkRate, each with its `tier`, and selfServiceShare.',
            additionalProperties: {},
          },
        },
      },
      MetricsResponse: {
        type: 'object',
        description:
          "The DORA metrics, flow metrics, and the median wait per stage of a change's way to production, with the binding constraint.",
        required: [
          'scope',
          'window',
          'tiers',
          'dora',
          'flow',
          'stages',
          'minimumSample',
        ],
        properties: {
          scope: {
            $ref: '#/components/schemas/MetricsScope',
          },
          window: {
            type: 'object',
            required: ['from', 'to', 'days'],
            properties: {
              from: {
                type: 'string',
              },
              to: {
                type: 'string',
              },
              days: {
                type: 'number',
              },
            },
          },
          tiers: {
            type: 'object',
            required: ['reportYear'],
            properties: {
              reportYear: {
                type: 'integer',
              },
            },
          },
          dora: {
            type: 'object',
            additionalProperties: {},
          },
          flow: {
            type: 'object',
            additionalProperties: {},
          },
          stages: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'stage',
                'count',
                'enoughData',
                'measuredFrom',
                'howToFeed',
              ],
              properties: {
                stage: {
                  type: 'string',
                },
                count: {
                  type: 'integer',
                },
                p50Hours: {
                  type: 'number',
                },
                enoughData: {
                  type: 'boolean',
                },
                measuredFrom: {
                  type: 'string',
                },
                howToFeed: {
                  type: 'string',
                },
              },
            },
          },
          minimumSample: {
            type: 'integer',
          },
          constraint: {
            type: 'object',
            required: ['stage', 'p50Hours', 'comparedStages'],
            properties: {
              stage: {
                type: 'string',
              },
              p50Hours: {
                type: 'number',
              },
              comparedStages: {
                type: 'integer',
              },
            },
          },
          noConstraint: {
            type: 'string',
          },
        },
      },
      ServiceFactsResponse: {
        type: 'object',
        required: ['window', 'services'],
        properties: {
          window: {
            type: 'object',
            required: ['from', 'to'],
            properties: {
              from: {
                type: 'string',
              },
              to: {
                type: 'string',
              },
            },
          },
          services: {
            type: 'object',
            description:
              'Per service ref, the figures readiness turns into facts (absent = no data).',
            additionalProperties: {
              type: 'object',
              properties: {
                deploysPerWeek: {
                  type: 'number',
                },
                selfServiceShare: {
                  type: 'number',
                },
                leadTimeHoursP50: {
                  type: 'number',
                },
                timeToRestoreHoursP50: {
                  type: 'number',
                },
                rollbackAvailable: {
                  type: 'boolean',
                },
                testDurationP50Seconds: {
                  type: 'number',
                },
                testDurationP90Seconds: {
                  type: 'number',
                },
                testFlakyRate: {
                  type: 'number',
                },
                reviewWaitHoursP50: {
                  type: 'number',
                },
              },
            },
          },
        },
      },
      TimeseriesResponse: {
        type: 'object',
        required: ['scope', 'bucket', 'window', 'points'],
        properties: {
          scope: {
            $ref: '#/components/schemas/MetricsScope',
          },
          bucket: {
            type: 'string',
            enum: ['day', 'week'],
          },
          window: {
            type: 'object',
            description: 'The window snapped outwards to whole buckets.',
            required: ['from', 'to'],
            properties: {
              from: {
                type: 'string',
              },
              to: {
                type: 'string',
              },
            },
          },
          points: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'start',
                'end',
                'deployments',
                'finished',
                'failedDeployments',
                'leadTimes',
                'incidentsResolved',
              ],
              properties: {
                start: {
                  type: 'string',
                },
                end: {
                  type: 'string',
                },
                deployments: {
                  type: 'integer',
                },
                finished: {
                  type: 'integer',
                },
                failedDeployments: {
                  type: 'integer',
                },
                changeFailureRate: {
                  type: 'number',
                },
                reworkRate: {
                  type: 'number',
                },
                leadTimeP50Hours: {
                  type: 'number',
                },
                leadTimes: {
                  type: 'integer',
                },
                timeToRestoreP50Hours: {
                  type: 'number',
                },
                incidentsResolved: {
                  type: 'integer',
                },
              },
            },
          },
        },
      },
      ServiceEnvironmentsResponse: {
        type: 'object',
        required: [
          'service',
          'deployPath',
          'pathFromAnnotation',
          'environments',
        ],
        properties: {
          service: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          deployPath: {
            type: 'array',
            description:
              "The service's `runway.dev/deploy-path`, or every configured environment.",
            items: {
              type: 'string',
            },
          },
          pathFromAnnotation: {
            type: 'boolean',
          },
          environments: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'configured'],
              properties: {
                name: {
                  type: 'string',
                },
                tier: {
                  type: 'string',
                  enum: ['production', 'staging', 'development'],
                },
                configured: {
                  type: 'boolean',
                },
                current: {
                  $ref: '#/components/schemas/Deployment',
                },
                active: {
                  $ref: '#/components/schemas/Deployment',
                },
                freeze: {
                  type: 'object',
                  required: ['window', 'description'],
                  properties: {
                    window: {
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
          platformTeam: {
            type: 'string',
            description:
              'Members of this group may override freeze windows (with a reason).',
          },
        },
      },
      KnownVersionsResponse: {
        type: 'object',
        required: ['versions'],
        properties: {
          versions: {
            type: 'array',
            items: {
              type: 'object',
              required: ['version', 'lastSeenAt', 'liveIn'],
              properties: {
                version: {
                  type: 'string',
                },
                commitSha: {
                  type: 'string',
                },
                lastSeenAt: {
                  type: 'string',
                },
                liveIn: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
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
      HubSignature: {
        type: 'apiKey',
        in: 'header',
        name: 'X-Hub-Signature-256',
        description:
          "GitHub's scheme: `sha256=<hex HMAC-SHA256 of the raw body>` keyed with a configured secret (delivery.webhooks.<source>.secret, or the deploy driver's secret for the callback).",
      },
      PagerDutySignature: {
        type: 'apiKey',
        in: 'header',
        name: 'X-PagerDuty-Signature',
        description:
          'PagerDuty Webhooks v3: `v1=<hex HMAC-SHA256 of the raw body>` keyed with delivery.webhooks.pagerduty.secret; several comma-separated while a secret is rotated, one must match.',
      },
      WebhookToken: {
        type: 'http',
        scheme: 'bearer',
        description:
          'For senders that cannot sign: the token configured as delivery.webhooks.<source>.token (not a Backstage token).',
      },
    },
  },
  paths: {
    '/deploys': {
      get: {
        operationId: 'ListDeploys',
        description: "A service's deploys, newest first.",
        parameters: [
          {
            name: 'service',
            in: 'query',
            required: true,
            allowReserved: true,
            description:
              'The service (Component entity ref, or a name in the default namespace).',
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'environment',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
              default: 50,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The deploys.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DeploymentListResponse',
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
      post: {
        operationId: 'Deploy',
        description:
          'Deploys a version of a service to an environment through its deploy driver, after the gates (and an approval where the environment needs one). Audited.',
        'x-eov-allow-unknown-query-parameters': true,
        requestBody: {
          description:
            "JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot).",
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DeployRequest',
              },
            },
            'application/*': {
              schema: {
                $ref: '#/components/schemas/DeployRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The deploy, started (or awaiting approval).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Deployment',
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
    '/deploys/rollback': {
      post: {
        operationId: 'Rollback',
        description:
          "Deploys the environment's previous successful version again. Audited.",
        'x-eov-allow-unknown-query-parameters': true,
        requestBody: {
          description:
            "JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot).",
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RollbackRequest',
              },
            },
            'application/*': {
              schema: {
                $ref: '#/components/schemas/RollbackRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The rollback deploy, started (or awaiting approval).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Deployment',
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
    '/deploys/promote': {
      post: {
        operationId: 'Promote',
        description:
          "Deploys the version live in `from` to the next environment on the service's deploy path. Audited.",
        'x-eov-allow-unknown-query-parameters': true,
        requestBody: {
          description:
            "JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot).",
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PromoteRequest',
              },
            },
            'application/*': {
              schema: {
                $ref: '#/components/schemas/PromoteRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description:
              'The promotion deploy, started (or awaiting approval).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Deployment',
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
    '/deploys/{id}': {
      get: {
        operationId: 'GetDeploy',
        description: 'One deploy.',
        'x-eov-allow-unknown-query-parameters': true,
        parameters: [
          {
            $ref: '#/components/parameters/deployId',
          },
        ],
        responses: {
          '200': {
            description: 'The deploy.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Deployment',
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
    '/deploys/{id}/events': {
      get: {
        operationId: 'GetDeployEvents',
        description:
          "The deploy's live log, from after the line `after` on (poll with the last id).",
        parameters: [
          {
            $ref: '#/components/parameters/deployId',
          },
          {
            name: 'after',
            in: 'query',
            required: false,
            allowReserved: true,
            allowEmptyValue: true,
            description:
              'Lines with a greater id only (the last id seen). Empty means 0.',
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
        ],
        responses: {
          '200': {
            description: 'The log lines after `after`.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DeploymentEventsResponse',
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
    '/deploys/{id}/approve': {
      post: {
        operationId: 'ApproveDeploy',
        description:
          'Approves a deploy awaiting approval (a signed-in user, not a service; not the requester). No body is read. Audited.',
        'x-eov-allow-unknown-query-parameters': true,
        parameters: [
          {
            $ref: '#/components/parameters/deployId',
          },
        ],
        responses: {
          '200': {
            description: 'The deploy, approved and queued.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Deployment',
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
    '/deploys/{id}/callback': {
      post: {
        operationId: 'DeployCallback',
        description:
          "A deploy driver's status report for a deploy it runs. No Backstage token: the driver checks the signature over the raw body (the webhook driver: X-Hub-Signature-256 with its secret) before the body is parsed; at most 1 MB, of any content type. Audited once the signature holds.",
        'x-eov-allow-unknown-query-parameters': true,
        parameters: [
          {
            $ref: '#/components/parameters/deployId',
          },
          {
            name: 'X-Hub-Signature-256',
            in: 'header',
            required: false,
            description:
              "The webhook driver's signature, `sha256=<hex>` of the raw body with its secret (other drivers may check other headers).",
            schema: {
              type: 'string',
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DeployCallback',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The deploy, updated.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Deployment',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/WebhookUnauthorized',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
        security: [
          {
            HubSignature: [],
          },
        ],
      },
    },
    '/events': {
      post: {
        operationId: 'IngestEvents',
        description:
          'A batch of delivery events from CI/CD and incident tools: deployments, pull requests, reviews, test runs, incidents. Every service must be in the catalog. Events whose delivery id was stored before are counted as duplicates. Audited.',
        'x-eov-allow-unknown-query-parameters': true,
        requestBody: {
          description:
            "JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot).",
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IngestRequest',
              },
            },
            'application/*': {
              schema: {
                $ref: '#/components/schemas/IngestRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IngestResponse',
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
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
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
    '/test-runs/junit': {
      post: {
        operationId: 'IngestJunit',
        description:
          'A JUnit XML report as one test run, read from the request stream as it arrives (up to delivery.junit.maxMegabytes), after the caller and the service are known. Any content type but JSON is read as XML. Audited.',
        parameters: [
          {
            $ref: '#/components/parameters/junitService',
          },
          {
            $ref: '#/components/parameters/junitRunId',
          },
          {
            $ref: '#/components/parameters/junitFinishedAt',
          },
          {
            $ref: '#/components/parameters/contentEncoding',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/xml': {
              schema: {
                type: 'string',
              },
            },
            'text/xml': {
              schema: {
                type: 'string',
              },
            },
          },
        },
        responses: {
          '202': {
            description: "Stored, with the run's summary.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/JunitResponse',
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
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
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
    '/metrics': {
      get: {
        operationId: 'GetMetrics',
        description:
          'DORA and flow metrics of a service, a team or the organisation over a window (default: the last 30 days). `service` and `team` together are a 400.',
        parameters: [
          {
            $ref: '#/components/parameters/metricsFrom',
          },
          {
            $ref: '#/components/parameters/metricsTo',
          },
          {
            $ref: '#/components/parameters/metricsService',
          },
          {
            $ref: '#/components/parameters/metricsTeam',
          },
        ],
        responses: {
          '200': {
            description: 'The metrics.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MetricsResponse',
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
    '/metrics/dora': {
      get: {
        operationId: 'GetDoraMetrics',
        description:
          'The DORA metrics alone, with the same parameters as GET /metrics (default: the last 30 days).',
        parameters: [
          {
            $ref: '#/components/parameters/metricsFrom',
          },
          {
            $ref: '#/components/parameters/metricsTo',
          },
          {
            $ref: '#/components/parameters/metricsService',
          },
          {
            $ref: '#/components/parameters/metricsTeam',
          },
        ],
        responses: {
          '200': {
            description: 'The DORA metrics.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DoraResponse',
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
    '/metrics/services': {
      post: {
        operationId: 'GetServiceFacts',
        description:
          'A read with a body (a thousand service refs do not fit a URL): per service, the delivery figures readiness turns into facts, over the last `days`.',
        'x-eov-allow-unknown-query-parameters': true,
        requestBody: {
          description:
            "JSON: `application/json` or any `application/*+json` type (the JSON body parser refuses other types with a 400 before this contract is checked; `application/*` is how this contract says `*+json`, which OpenAPI's media type ranges cannot).",
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ServiceFactsRequest',
              },
            },
            'application/*': {
              schema: {
                $ref: '#/components/schemas/ServiceFactsRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The figures per service.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ServiceFactsResponse',
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
    '/metrics/timeseries': {
      get: {
        operationId: 'GetTimeseries',
        description:
          'DORA metrics per day or week (default: weeks over the last 90 days) of a service, a team or the organisation. `service` and `team` together are a 400.',
        parameters: [
          {
            $ref: '#/components/parameters/metricsFrom',
          },
          {
            $ref: '#/components/parameters/metricsTo',
          },
          {
            $ref: '#/components/parameters/metricsService',
          },
          {
            $ref: '#/components/parameters/metricsTeam',
          },
          {
            name: 'bucket',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['day', 'week'],
              default: 'week',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The points.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TimeseriesResponse',
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
    '/environments': {
      get: {
        operationId: 'GetServiceEnvironments',
        description:
          "The environments on a service's deploy path: what is live and active in each, and any freeze window in force.",
        parameters: [
          {
            $ref: '#/components/parameters/service',
          },
        ],
        responses: {
          '200': {
            description: "The service's environments.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ServiceEnvironmentsResponse',
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
    '/versions': {
      get: {
        operationId: 'GetKnownVersions',
        description:
          "The versions seen in a service's deployments, newest first.",
        parameters: [
          {
            $ref: '#/components/parameters/service',
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 200,
              default: 20,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The versions.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/KnownVersionsResponse',
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
    '/webhooks/github': {
      post: {
        operationId: 'GithubWebhook',
        description:
          "GitHub's webhook deliveries (pull requests, reviews, pushes, check runs and suites, workflow runs and jobs, deployments), mapped to delivery records of the repository's components. No Backstage token: X-Hub-Signature-256 is checked over the raw body (up to 25 MB, of any content type; it must be JSON) before it is parsed. An event it does not read is acknowledged with the reason. Audited.",
        'x-eov-allow-unknown-query-parameters': true,
        parameters: [
          {
            $ref: '#/components/parameters/hubSignature',
          },
          {
            name: 'X-GitHub-Event',
            in: 'header',
            required: false,
            description:
              "The event's name, e.g. `pull_request` (the first 100 characters are read).",
            schema: {
              type: 'string',
            },
          },
          {
            name: 'X-GitHub-Delivery',
            in: 'header',
            required: false,
            description:
              "GitHub's delivery id (at most 200 characters): a delivery sent again is stored once.",
            schema: {
              type: 'string',
              maxLength: 200,
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                description: "GitHub's event payload.",
                additionalProperties: {},
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Stored, or acknowledged with why it was not read.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WebhookResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/WebhookUnauthorized',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
        security: [
          {
            HubSignature: [],
          },
        ],
      },
    },
    '/webhooks/junit': {
      post: {
        operationId: 'JunitWebhook',
        description:
          'A JUnit XML report from CI that holds no Backstage token: X-Hub-Signature-256 is checked over the raw body as sent (compressed or not, up to delivery.junit.maxMegabytes) before any of it is parsed. Any content type but JSON is read as XML.',
        parameters: [
          {
            $ref: '#/components/parameters/junitService',
          },
          {
            $ref: '#/components/parameters/junitRunId',
          },
          {
            $ref: '#/components/parameters/junitFinishedAt',
          },
          {
            $ref: '#/components/parameters/contentEncoding',
          },
          {
            $ref: '#/components/parameters/hubSignature',
          },
          {
            $ref: '#/components/parameters/runwayDelivery',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/xml': {
              schema: {
                type: 'string',
              },
            },
            'text/xml': {
              schema: {
                type: 'string',
              },
            },
          },
        },
        responses: {
          '202': {
            description: "Stored, with the run's summary.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/JunitResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/WebhookUnauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
        security: [
          {
            HubSignature: [],
          },
        ],
      },
    },
    '/webhooks/incidents': {
      post: {
        operationId: 'IncidentWebhook',
        description:
          "An incident in Runway's own shape (an incident event; `type` may be left out), signed like GitHub's webhooks: X-Hub-Signature-256 with delivery.webhooks.incidents.secret, checked over the raw body (up to 25 MB, of any content type; it must be JSON) before it is parsed. Audited.",
        'x-eov-allow-unknown-query-parameters': true,
        parameters: [
          {
            $ref: '#/components/parameters/hubSignature',
          },
          {
            $ref: '#/components/parameters/runwayDelivery',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SignedIncident',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IngestResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/WebhookUnauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
        security: [
          {
            HubSignature: [],
          },
        ],
      },
    },
    '/webhooks/pagerduty': {
      post: {
        operationId: 'PagerdutyWebhook',
        description:
          'PagerDuty Webhooks v3 incident events, mapped to incidents (docs/delivery.md). X-PagerDuty-Signature is checked over the raw body (up to 25 MB, of any content type; it must be JSON) before it is parsed. An event it does not read is acknowledged with the reason. Audited.',
        'x-eov-allow-unknown-query-parameters': true,
        parameters: [
          {
            name: 'X-PagerDuty-Signature',
            in: 'header',
            required: true,
            description:
              '`v1=<hex>`, several comma-separated while a secret is rotated.',
            schema: {
              type: 'string',
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                description: "PagerDuty's webhook payload.",
                additionalProperties: {},
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Stored, or acknowledged with why it was not read.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WebhookResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/WebhookUnauthorized',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
        security: [
          {
            PagerDutySignature: [],
          },
        ],
      },
    },
    '/webhooks/opsgenie': {
      post: {
        operationId: 'OpsgenieWebhook',
        description:
          "Opsgenie's Webhook integration, mapped to incidents (docs/delivery.md). Opsgenie cannot sign: `Authorization: Bearer <delivery.webhooks.opsgenie.token>`, checked before the raw body (up to 25 MB, of any content type; it must be JSON) is parsed. An action it does not read is acknowledged with the reason. Audited.",
        'x-eov-allow-unknown-query-parameters': true,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                description: "Opsgenie's webhook payload.",
                additionalProperties: {},
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Stored, or acknowledged with why it was not read.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WebhookResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/WebhookUnauthorized',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
        security: [
          {
            WebhookToken: [],
          },
        ],
      },
    },
    '/webhooks/alertmanager': {
      post: {
        operationId: 'AlertmanagerWebhook',
        description:
          "Prometheus Alertmanager's webhook_config, mapped to incidents (docs/delivery.md). Alertmanager cannot sign: `Authorization: Bearer <delivery.webhooks.alertmanager.token>`, checked before the raw body (up to 25 MB, of any content type; it must be JSON) is parsed. Audited.",
        'x-eov-allow-unknown-query-parameters': true,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                description: "Alertmanager's webhook payload.",
                additionalProperties: {},
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Stored, or acknowledged with why it was not read.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WebhookResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/WebhookUnauthorized',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
        security: [
          {
            WebhookToken: [],
          },
        ],
      },
    },
  },
} as const;

/** The delivery router, validating every request against the spec. */
export const createOpenApiRouter = (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
