import { AuthenticationError, InputError } from '@backstage/errors';
import { deployCallbackSchema } from '@internal/plugin-delivery-common';
import {
  CallbackRequest,
  DeployContext,
  DeployDriver,
  DeployResult,
  signBody,
  verifyBodySignature,
} from '@internal/plugin-delivery-node';
import { parseInput } from '@internal/backend-common';

const SIGNATURE = 'x-hub-signature-256';

/**
 * Calls a CI/CD endpoint with each deploy, signed with HMAC-SHA256 (X-Hub-Signature-256) and the
 * deploy id as Idempotency-Key, so a retried call does not start a second rollout. The endpoint
 * answers 2xx (optionally with a final `status`) and reports progress to the signed callback.
 */
export class WebhookDeployDriver implements DeployDriver {
  readonly id = 'webhook';

  constructor(
    private readonly options: {
      url: string;
      secret: string;
      timeoutMs?: number;
      fetch?: typeof fetch;
    },
  ) {}

  async deploy(context: DeployContext): Promise<DeployResult> {
    const d = context.deployment;
    const body = JSON.stringify({
      deploymentId: d.id,
      service: d.service,
      environment: d.environment,
      version: d.version,
      previousVersion: d.previousVersion,
      changeType: d.changeType,
      commitSha: d.commitSha,
      callbackUrl: context.callbackUrl,
    });
    await context.log(`Calling the CI/CD endpoint for ${d.version}`);
    const res = await (this.options.fetch ?? fetch)(this.options.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': d.id,
        'X-Hub-Signature-256': signBody(this.options.secret, body),
      },
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    if (!res.ok)
      return {
        status: 'failed',
        message: `The CI/CD endpoint answered ${res.status}: ${text.slice(
          0,
          200,
        )}`,
      };
    let status: unknown;
    try {
      status = JSON.parse(text)?.status;
    } catch {
      status = undefined;
    }
    if (status === 'succeeded' || status === 'failed')
      return { status, message: `The CI/CD endpoint reported ${status}` };
    return { status: 'pending', message: 'Accepted by the CI/CD endpoint' };
  }

  async verifyCallback(request: CallbackRequest) {
    const header = request.headers[SIGNATURE];
    const signature = Array.isArray(header) ? header[0] : header;
    if (!verifyBodySignature(this.options.secret, request.rawBody, signature))
      throw new AuthenticationError(
        `Invalid or missing ${SIGNATURE} on the deploy status callback`,
      );
    let json: unknown;
    try {
      json = JSON.parse(request.rawBody.toString('utf8'));
    } catch (e) {
      throw new InputError(`Invalid JSON body: ${(e as Error).message}`);
    }
    return parseInput(deployCallbackSchema, json, 'callback');
  }
}
