import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  createEnvironmentRequestSchema,
  ENVIRONMENT_STATUSES,
  listEnvironmentsQuerySchema,
} from '@internal/plugin-environments-common';
import { AuthorizedEnvironmentsService } from '../services/AuthorizedEnvironmentsService';
import { parseInput } from '@internal/backend-common';

const summary = (z: any) =>
  z.object({
    id: z.string(),
    name: z.string(),
    className: z.string(),
    owner: z.string(),
    status: z.string(),
    statusMessage: z.string().optional(),
    expiresAt: z.string(),
  });

/**
 * Environments for coding agents (MCP): list, create and tear down, under the same
 * permissions, ownership rules and quotas as the HTTP API (the caller's credentials go
 * through AuthorizedEnvironmentsService).
 */
export function registerEnvironmentsActions(
  actions: ActionsRegistryService,
  service: AuthorizedEnvironmentsService,
) {
  actions.register({
    name: 'list-environment-classes',
    title: 'List environment classes',
    description:
      'Lists the environment classes a team may request (id, title, resources and which ' +
      'parameters a requester may set, default and maximum TTL in hours, quota, whether ' +
      'the platform team must approve).',
    attributes: { destructive: false, readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({}),
      output: z => z.object({ classes: z.array(z.object({}).passthrough()) }),
    },
    action: async () => ({
      output: { classes: service.listClasses().classes as any },
    }),
  });

  actions.register({
    name: 'list-environments',
    title: 'List environments',
    description:
      'Lists environments (newest first) with their status and expiry. scope "mine" for ' +
      'those the caller requested, "team" for those of the caller\'s groups, "all" for all.',
    attributes: { destructive: false, readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          scope: z.enum(['mine', 'team', 'all']).optional(),
          owner: z
            .string()
            .optional()
            .describe(
              'Owning group entity ref, e.g. group:default/payments-team',
            ),
          className: z.string().optional(),
          status: z.enum(ENVIRONMENT_STATUSES).optional(),
          limit: z.number().int().min(1).max(200).optional(),
        }),
      output: z =>
        z.object({ items: z.array(summary(z)), totalCount: z.number() }),
    },
    action: async ({ input, credentials }) => {
      const filter = parseInput(
        listEnvironmentsQuerySchema,
        {
          ...input,
          ...(input.limit !== undefined && { limit: String(input.limit) }),
        },
        'input',
      );
      const { items, totalCount } = await service.list(filter, credentials);
      return {
        output: {
          totalCount,
          items: items.map(e => ({
            id: e.id,
            name: e.name,
            className: e.className,
            owner: e.owner,
            status: e.status,
            ...(e.statusMessage && { statusMessage: e.statusMessage }),
            expiresAt: e.expiresAt,
          })),
        },
      };
    },
  });

  actions.register({
    name: 'create-environment',
    title: 'Create an environment',
    description:
      'Requests an environment of a class for a team the caller belongs to. It provisions ' +
      'in the background (status requested, then provisioning, then ready or failed), or ' +
      'waits for the platform team when the class requires approval. Counts against the ' +
      "team's quota. Pass an idempotencyKey so that a retry returns the same environment.",
    attributes: { destructive: false, readOnly: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          className: z.string().describe('Environment class id, e.g. preview'),
          owner: z
            .string()
            .describe(
              'Owning group entity ref, e.g. group:default/payments-team',
            ),
          name: z
            .string()
            .optional()
            .describe(
              'DNS label, at most 40 characters; generated when absent',
            ),
          component: z
            .string()
            .optional()
            .describe('Component entity ref the environment serves'),
          ttlHours: z.number().optional(),
          parameters: z
            .record(z.string(), z.record(z.string(), z.unknown()))
            .optional()
            .describe(
              'Settable parameters by resource name, e.g. { "db": { "sizeMb": 200 } }',
            ),
          idempotencyKey: z.string().optional(),
        }),
      output: z => summary(z).extend({ created: z.boolean() }),
    },
    action: async ({ input, credentials }) => {
      const { idempotencyKey, ...body } = input;
      const request = parseInput(createEnvironmentRequestSchema, body, 'input');
      const { environment, created } = await service.create(
        request,
        credentials,
        idempotencyKey,
      );
      return {
        output: {
          id: environment.id,
          name: environment.name,
          className: environment.className,
          owner: environment.owner,
          status: environment.status,
          expiresAt: environment.expiresAt,
          created,
        },
      };
    },
  });

  actions.register({
    name: 'teardown-environment',
    title: 'Tear down an environment',
    description:
      'Tears an environment down (removes its database, manifests and config), or withdraws ' +
      'a request that waits for approval. Only its owners and the platform team may.',
    attributes: { destructive: true, readOnly: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          id: z.string().describe('Environment id'),
          reason: z.string().optional(),
        }),
      output: z => summary(z),
    },
    action: async ({ input, credentials }) => {
      const environment = await service.teardown(
        input.id,
        input.reason,
        credentials,
      );
      return {
        output: {
          id: environment.id,
          name: environment.name,
          className: environment.className,
          owner: environment.owner,
          status: environment.status,
          ...(environment.statusMessage && {
            statusMessage: environment.statusMessage,
          }),
          expiresAt: environment.expiresAt,
        },
      };
    },
  });
}
