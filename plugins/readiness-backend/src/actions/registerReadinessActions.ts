import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CAPABILITY_IDS, LEVEL_IDS } from '@internal/plugin-readiness-common';
import { AuthorizedReadinessService } from '../services/AuthorizedReadinessService';

const ENTITY_REF_DESCRIPTION =
  'The entity reference, kind:namespace/name, e.g. component:default/payments-api';
const READ_ONLY = { destructive: false, readOnly: true, idempotent: true };
const NOT_PASSING = new Set(['fail', 'warn', 'missing-data', 'error']);

/**
 * Read actions for coding agents (MCP), under the same permissions as the HTTP API: the
 * caller's credentials go through AuthorizedReadinessService.
 */
export function registerReadinessActions(
  actions: ActionsRegistryService,
  service: AuthorizedReadinessService,
) {
  actions.register({
    name: 'get-readiness-scorecard',
    title: 'Get a readiness scorecard',
    description:
      'Returns the readiness scorecard of a catalog entity (e.g. "component:default/payments-api"): ' +
      `per capability (${CAPABILITY_IDS.join(
        ', ',
      )}) a 0-100 score (null: not scored, no check applies), a level (none, bronze, silver, gold), ` +
      'what blocks the next level, and every check with its status; the overall level with ' +
      'scoredCapabilities (a level resting on fewer than two scored capabilities says little) and ' +
      'fixFirst: the checks that block the next overall level, heaviest first.',
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().describe(ENTITY_REF_DESCRIPTION),
        }),
      output: z => z.object({}).passthrough(),
    },
    action: async ({ input, credentials }) => ({
      output: await service.getScorecard(
        input.entityRef.toLocaleLowerCase(),
        credentials,
      ),
    }),
  });

  actions.register({
    name: 'list-failing-readiness-checks',
    title: 'List failing readiness checks with how to fix them',
    description:
      'Lists the readiness checks a catalog entity does not pass (fail, warn, missing-data, error), ' +
      'lowest level first, each with why it matters and how to fix it (markdown and a link), ' +
      'and fixFirst: the next overall level and the checks that block it, heaviest first (the ' +
      'same list the Readiness tab shows). Use fixFirst to decide what to change in a service next.',
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().describe(ENTITY_REF_DESCRIPTION),
          capability: z
            .enum(CAPABILITY_IDS)
            .optional()
            .describe('Only checks of this capability'),
        }),
      output: z =>
        z.object({
          fixFirst: z.object({
            level: z.enum(LEVEL_IDS).optional(),
            checks: z.array(
              z.object({
                id: z.string(),
                capability: z.string(),
                level: z.string(),
                weight: z.number(),
                status: z.string(),
                title: z.string(),
                howToFix: z.object({
                  markdown: z.string(),
                  link: z.string().optional(),
                }),
              }),
            ),
          }),
          checks: z.array(
            z.object({
              id: z.string(),
              capability: z.string(),
              level: z.string(),
              status: z.string(),
              title: z.string(),
              detail: z.string(),
              description: z.string(),
              howToFix: z.object({
                markdown: z.string(),
                link: z.string().optional(),
              }),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const card = await service.getScorecard(
        input.entityRef.toLocaleLowerCase(),
        credentials,
      );
      const rank = { bronze: 1, silver: 2, gold: 3 };
      const checks = card.capabilities
        .filter(c => !input.capability || c.capability === input.capability)
        .flatMap(c =>
          c.checks
            .filter(check => NOT_PASSING.has(check.status) && !check.exemption)
            .map(check => ({
              id: check.id,
              capability: c.capability,
              level: check.level,
              status: check.status,
              title: check.title,
              detail: check.detail,
              description: check.description,
              howToFix: check.howToFix,
            })),
        )
        .sort((a, b) => rank[a.level] - rank[b.level]);
      // The whole list: what blocks the next level, whichever capability was asked about.
      return { output: { fixFirst: card.fixFirst, checks } };
    },
  });
}
