import { AuthService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ActionFailure, reportingRefusals } from '@internal/backend-common';
import { EnvironmentsApi, follow, tokenFor } from './environmentsApi';

type Deps = { api: EnvironmentsApi; auth: AuthService; pollMs?: number };

const RESTING = ['ready', 'failed', 'awaiting-approval', 'rejected'];

/** runway:environment:create: requests an environment as the user and follows it to ready. */
export function createEnvironmentCreateAction({ api, auth, pollMs }: Deps) {
  return createTemplateAction({
    id: 'runway:environment:create',
    description:
      'Requests an environment of a class for a team, as the user who runs the template, and ' +
      "follows its log until it is ready (or waits for the platform team's approval). A " +
      'retried task returns the same environment (the task id is the idempotency key).',
    schema: {
      input: {
        className: z =>
          z.string().describe('Environment class id, e.g. preview'),
        owner: z =>
          z
            .string()
            .describe(
              'Owning group entity ref, e.g. group:default/payments-team',
            ),
        name: z =>
          z
            .string()
            .optional()
            .describe(
              'DNS label, at most 40 characters; generated when absent',
            ),
        component: z =>
          z
            .string()
            .optional()
            .describe('Component entity ref the environment serves'),
        ttlHours: z => z.number().optional().describe('Hours until it expires'),
        parameters: z =>
          z
            .record(z.string(), z.record(z.string(), z.unknown()))
            .optional()
            .describe('Settable parameters by resource name'),
        waitUntilReady: z =>
          z
            .boolean()
            .optional()
            .describe('Follow the log until ready (default true)'),
        timeoutSeconds: z =>
          z.number().optional().describe('How long to follow it (default 600)'),
      },
      output: {
        id: z => z.string(),
        name: z => z.string(),
        status: z => z.string(),
        expiresAt: z => z.string(),
      },
    },
    handler: ctx =>
      reportingRefusals(async () => {
        const {
          waitUntilReady = true,
          timeoutSeconds = 600,
          ...request
        } = ctx.input;
        const token = await tokenFor(auth, await ctx.getInitiatorCredentials());
        const template = ctx.templateInfo?.entityRef;
        const environment = await api.createEnvironment(
          {
            className: request.className,
            owner: request.owner,
            ...(request.name && { name: request.name }),
            ...(request.component && { component: request.component }),
            ...(request.ttlHours && { ttlHours: request.ttlHours }),
            ...(request.parameters && { parameters: request.parameters }),
            ...(template && { template }),
          },
          {
            token,
            idempotencyKey: `scaffolder-task-${ctx.task.id}-${
              request.name ?? request.className
            }`,
          },
        );
        ctx.logger.info(
          `Environment ${environment.name} (${environment.id}) is ${environment.status}`,
        );
        let status = environment.status as string;
        if (waitUntilReady && !RESTING.includes(status)) {
          status = await follow(
            api,
            environment.id,
            token,
            RESTING,
            line => ctx.logger.info(line),
            { timeoutMs: timeoutSeconds * 1000, pollMs },
          );
        }
        if (status === 'failed' || status === 'rejected') {
          const final = await api.getEnvironment(environment.id, { token });
          throw new ActionFailure(
            `Environment ${environment.name} ${status}: ${
              final.statusMessage ?? ''
            }`,
          );
        }
        ctx.output('id', environment.id);
        ctx.output('name', environment.name);
        ctx.output('status', status);
        ctx.output('expiresAt', environment.expiresAt);
      }),
  });
}

/** runway:environment:extend: pushes an environment's expiry out, up to its class maximum. */
export function createEnvironmentExtendAction({ api, auth }: Deps) {
  return createTemplateAction({
    id: 'runway:environment:extend',
    description:
      "Extends an environment's expiry by some hours, up to its class maximum, as the user who runs the template.",
    schema: {
      input: {
        id: z => z.string().describe('Environment id'),
        hours: z => z.number().positive().describe('Hours to add'),
      },
      output: { expiresAt: z => z.string() },
    },
    handler: ctx =>
      reportingRefusals(async () => {
        const token = await tokenFor(auth, await ctx.getInitiatorCredentials());
        const environment = await api.extendEnvironment(
          ctx.input.id,
          ctx.input.hours,
          { token },
        );
        ctx.logger.info(
          `Environment ${environment.name} now expires at ${environment.expiresAt}`,
        );
        ctx.output('expiresAt', environment.expiresAt);
      }),
  });
}

/** runway:environment:teardown: tears an environment down and follows it until it is gone. */
export function createEnvironmentTeardownAction({ api, auth, pollMs }: Deps) {
  return createTemplateAction({
    id: 'runway:environment:teardown',
    description:
      'Tears an environment down (or withdraws a request awaiting approval) as the user who runs the template, and follows it until it is torn down.',
    schema: {
      input: {
        id: z => z.string().describe('Environment id'),
        reason: z => z.string().optional(),
        timeoutSeconds: z => z.number().optional(),
      },
      output: { status: z => z.string() },
    },
    handler: ctx =>
      reportingRefusals(async () => {
        const token = await tokenFor(auth, await ctx.getInitiatorCredentials());
        const environment = await api.teardownEnvironment(
          ctx.input.id,
          ctx.input.reason,
          { token },
        );
        const status = await follow(
          api,
          environment.id,
          token,
          ['torn-down', 'failed'],
          line => ctx.logger.info(line),
          { timeoutMs: (ctx.input.timeoutSeconds ?? 600) * 1000, pollMs },
        );
        if (status === 'failed') {
          const final = await api.getEnvironment(environment.id, { token });
          throw new ActionFailure(
            `Environment ${environment.name} teardown failed: ${
              final.statusMessage ?? ''
            }`,
          );
        }
        ctx.output('status', status);
      }),
  });
}
