import { AuthService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { DeliveryClient, Deployment } from '@internal/plugin-delivery-common';
import { ActionFailure, asActionFailure } from '@internal/backend-common';

/** The part of the delivery API the actions use, for one user's token. */
export type DeliveryApi = Pick<
  DeliveryClient,
  'deploy' | 'rollback' | 'promote' | 'getDeployment' | 'getDeploymentEvents'
>;

type Deps = {
  auth: AuthService;
  api: (token: string) => DeliveryApi;
  pollMs?: number;
};

const FINAL = ['succeeded', 'failed', 'rolled-back', 'awaiting-approval'];

const common = {
  reason: (z: any) =>
    z
      .string()
      .optional()
      .describe(
        'Why: written to the task log, and the freeze override reason when overrideFreeze is set',
      ),
  overrideFreeze: (z: any) =>
    z
      .boolean()
      .optional()
      .describe(
        'Deploy inside a freeze window (platform team only; needs a reason of 10+ characters)',
      ),
  wait: (z: any) =>
    z
      .boolean()
      .optional()
      .describe('Follow the live log until the deploy finishes (default true)'),
  timeoutSeconds: (z: any) =>
    z.number().optional().describe('How long to follow it (default 600)'),
};
const output = {
  id: (z: any) => z.string(),
  status: (z: any) => z.string(),
  version: (z: any) => z.string(),
};

type CommonInput = {
  reason?: string;
  overrideFreeze?: boolean;
  wait?: boolean;
  timeoutSeconds?: number;
};

/** Sends the deploy, rollback or promote with the extras every request carries. */
type SendRequest = (
  api: DeliveryApi,
  extra: { idempotencyKey: string; freezeOverride?: { reason: string } },
) => Promise<Deployment>;

/**
 * Runs one request as the user who runs the template (their permissions, the freeze windows
 * and gates apply), follows the live log into the task log, and outputs id, status, version.
 * The task id is the idempotency key, so a retried task returns the same deploy. A refusal
 * of the API fails the task with the API's own sentence.
 */
async function run(
  deps: Deps,
  ctx: any,
  input: CommonInput,
  request: SendRequest,
) {
  try {
    await runAndFollow(deps, ctx, input, request);
  } catch (error) {
    throw asActionFailure(error);
  }
}

async function runAndFollow(
  deps: Deps,
  ctx: any,
  input: CommonInput,
  request: SendRequest,
) {
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: await ctx.getInitiatorCredentials(),
    targetPluginId: 'delivery',
  });
  const api = deps.api(token);
  if (input.reason) ctx.logger.info(`Reason: ${input.reason}`);
  let deployment = await request(api, {
    idempotencyKey: `scaffolder-task-${ctx.task.id}`,
    ...(input.overrideFreeze && {
      freezeOverride: { reason: input.reason ?? '' },
    }),
  });
  ctx.logger.info(
    `Deploy ${deployment.id}: ${deployment.service} ${deployment.version} to ${deployment.environment} is ${deployment.status}`,
  );
  if (input.wait ?? true) {
    const deadline = Date.now() + (input.timeoutSeconds ?? 600) * 1000;
    let after = 0;
    while (!FINAL.includes(deployment.status)) {
      if (Date.now() > deadline)
        throw new ActionFailure(
          `Deploy ${deployment.id} is still ${deployment.status}; it continues in the background`,
        );
      await new Promise(r => setTimeout(r, deps.pollMs ?? 1000));
      const { events } = await api.getDeploymentEvents(deployment.id, after);
      for (const e of events) {
        ctx.logger.info(e.message);
        after = e.id;
      }
      deployment = await api.getDeployment(deployment.id);
    }
  }
  ctx.output('id', deployment.id);
  ctx.output('status', deployment.status);
  ctx.output('version', deployment.version);
  if (deployment.status === 'failed')
    throw new ActionFailure(
      `Deploy ${deployment.id} failed: ${deployment.message ?? ''}`,
    );
}

/** runway:delivery:deploy, :rollback and :promote. */
export function createDeliveryActions(deps: Deps) {
  const deploy = createTemplateAction({
    id: 'runway:delivery:deploy',
    description:
      'Deploys a version of a service to an environment as the user who runs the template, and follows the deploy until it finishes (or waits for approval).',
    schema: {
      input: {
        service: z => z.string().describe('Component entity ref or name'),
        environment: z => z.string().describe('Environment, e.g. dev'),
        version: z => z.string().describe('Version (image tag) to deploy'),
        commitSha: z => z.string().optional(),
        ...common,
      },
      output,
    },
    async handler(ctx) {
      const { service, environment, version, commitSha } = ctx.input;
      await run(deps, ctx, ctx.input, (api, extra) =>
        api.deploy({
          service,
          environment,
          version,
          ...(commitSha && { commitSha }),
          ...extra,
        }),
      );
    },
  });
  const rollback = createTemplateAction({
    id: 'runway:delivery:rollback',
    description:
      'Rolls a service back in an environment to its last good version, as the user who runs the template.',
    schema: {
      input: {
        service: z => z.string(),
        environment: z => z.string(),
        ...common,
      },
      output,
    },
    async handler(ctx) {
      const { service, environment } = ctx.input;
      await run(deps, ctx, ctx.input, (api, extra) =>
        api.rollback({ service, environment, ...extra }),
      );
    },
  });
  const promote = createTemplateAction({
    id: 'runway:delivery:promote',
    description:
      "Promotes the version live in one environment to the next on the service's deploy path, as the user who runs the template.",
    schema: {
      input: {
        service: z => z.string(),
        from: z => z.string().describe('Environment whose version is promoted'),
        ...common,
      },
      output,
    },
    async handler(ctx) {
      const { service, from } = ctx.input;
      await run(deps, ctx, ctx.input, (api, extra) =>
        api.promote({ service, from, ...extra }),
      );
    },
  });
  return [deploy, rollback, promote];
}
