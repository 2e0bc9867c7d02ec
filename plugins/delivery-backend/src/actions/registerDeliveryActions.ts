import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  deployRequestSchema,
  rollbackRequestSchema,
} from '@internal/plugin-delivery-common';
import { AuthorizedDeliveryService } from '../services/AuthorizedDeliveryService';
import { groupRefOf, serviceRefOf } from '../lib/refs';
import { DAY_MS } from '../lib/time';
import { parseInput } from '@internal/backend-common';

const SERVICE =
  'The service, an entity ref like component:default/payments-api (or just payments-api)';

/**
 * Deploy, rollback and metrics for coding agents (MCP), under the same permissions and guards
 * as the HTTP API: the caller's credentials go through AuthorizedDeliveryService.
 */
export function registerDeliveryActions(
  actions: ActionsRegistryService,
  service: AuthorizedDeliveryService,
) {
  actions.register({
    name: 'deploy-service',
    title: 'Deploy a version of a service',
    description:
      'Deploys version V of a service to an environment through its deploy driver. Freeze ' +
      'windows, the production approval gate and one-deploy-at-a-time apply as in the portal. ' +
      'Returns the deploy (status queued, or awaiting-approval when the gate holds it).',
    attributes: { destructive: true, readOnly: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          service: z.string().describe(SERVICE),
          environment: z
            .string()
            .describe('Environment, e.g. dev, staging, prod'),
          version: z.string().describe('The version to deploy, e.g. 1.4.2'),
          commitSha: z
            .string()
            .optional()
            .describe('The git commit SHA the version was built from'),
          idempotencyKey: z
            .string()
            .optional()
            .describe('A retry with the same key returns the first deploy'),
        }),
      output: z => z.object({}).passthrough(),
    },
    // The REST API's schema and error messages: an agent gets exactly the rules a person gets.
    action: async ({ input, credentials }) => ({
      output: await service.deploy(
        parseInput(deployRequestSchema, input, 'input'),
        credentials,
      ),
    }),
  });

  actions.register({
    name: 'rollback-service',
    title: 'Roll a service back to its last successful version',
    description:
      'Rolls the service back in an environment to the last version that succeeded before the ' +
      'one live now. Returns the rollback deploy.',
    attributes: { destructive: true, readOnly: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          service: z.string().describe(SERVICE),
          environment: z.string().describe('Environment, e.g. prod'),
          idempotencyKey: z
            .string()
            .optional()
            .describe('A retry with the same key returns the first rollback'),
        }),
      output: z => z.object({}).passthrough(),
    },
    action: async ({ input, credentials }) => ({
      output: await service.rollback(
        parseInput(rollbackRequestSchema, input, 'input'),
        credentials,
      ),
    }),
  });

  actions.register({
    name: 'get-delivery-metrics',
    title: 'Get DORA and flow metrics',
    description:
      'DORA metrics (deployment frequency, lead time, change failure rate, time to restore, ' +
      'rework rate, with DORA tier labels) and flow metrics with the binding constraint, for a ' +
      'service, a team (group) or the whole organisation over the last N days.',
    attributes: { destructive: false, readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          service: z.string().optional().describe(SERVICE),
          team: z
            .string()
            .optional()
            .describe('A group entity ref, e.g. group:default/payments-team'),
          days: z
            .number()
            .int()
            .min(1)
            .max(365)
            .default(30)
            .describe('Window in days'),
        }),
      output: z => z.object({}).passthrough(),
    },
    action: async ({ input, credentials }) => {
      const to = new Date();
      return {
        output: await service.metrics(
          {
            from: new Date(to.getTime() - input.days * DAY_MS),
            to,
            service: input.service ? serviceRefOf(input.service) : undefined,
            team: input.team ? groupRefOf(input.team) : undefined,
          },
          credentials,
        ),
      };
    },
  });
}
