import { checkJson } from '@internal/backend-common';
import { AuthenticationError, InputError } from '@backstage/errors';
import { verifyBodySignature } from '@internal/plugin-delivery-node';
import { Request } from 'express';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import rawBody from 'raw-body';

/**
 * How webhooks without a Backstage token prove who sent them, checked over the exact bytes
 * received before any of them is parsed. A missing or wrong proof is a 401.
 */

/** The body as received: parsed already by express.raw, else read here up to `limit`. */
export async function bodyOf(req: Request, limit: number): Promise<Buffer> {
  return Buffer.isBuffer(req.body) ? req.body : rawBody(req, { limit });
}

function secretOf(secret: string | undefined, setting: string): string {
  if (!secret)
    throw new AuthenticationError(
      `No secret is configured for these webhooks (${setting})`,
    );
  return secret;
}

/** GitHub's scheme, which Runway's own webhooks use too: `X-Hub-Signature-256: sha256=<hex>`. */
export function checkHubSignature(
  req: Request,
  body: Buffer,
  secret: string | undefined,
  setting: string,
) {
  const key = secretOf(secret, setting);
  const signature = req.get('x-hub-signature-256');
  if (!signature)
    throw new AuthenticationError('Missing x-hub-signature-256 header');
  if (!verifyBodySignature(key, body, signature))
    throw new AuthenticationError(
      `Invalid x-hub-signature-256: not the HMAC-SHA256 of the body with the secret of ${setting}`,
    );
}

/**
 * PagerDuty Webhooks v3: `X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the body>`, several
 * comma-separated while a secret is rotated; one must match (developer.pagerduty.com,
 * "Verifying signatures").
 */
export function checkPagerdutySignature(
  req: Request,
  body: Buffer,
  secret: string | undefined,
) {
  const key = secretOf(secret, 'delivery.webhooks.pagerduty.secret');
  const header = req.get('x-pagerduty-signature');
  if (!header)
    throw new AuthenticationError('Missing x-pagerduty-signature header');
  const expected = Buffer.from(
    `v1=${createHmac('sha256', key).update(body).digest('hex')}`,
  );
  const ok = header
    .split(',')
    .map(s => Buffer.from(s.trim()))
    .some(s => s.length === expected.length && timingSafeEqual(s, expected));
  if (!ok)
    throw new AuthenticationError(
      'Invalid x-pagerduty-signature: no v1 signature is the HMAC-SHA256 of the body with delivery.webhooks.pagerduty.secret',
    );
}

/** Senders that cannot sign (Opsgenie, Alertmanager): `Authorization: Bearer <token>`. */
export function checkBearer(
  req: Request,
  token: string | undefined,
  setting: string,
) {
  const expected = secretOf(token, setting);
  const given = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1];
  if (!given)
    throw new AuthenticationError(
      'Missing Authorization: Bearer <token> header',
    );
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (!timingSafeEqual(digest(given.trim()), digest(expected)))
    throw new AuthenticationError(`Invalid token: not the one of ${setting}`);
}

export function parseJson(body: Buffer): unknown {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new InputError(`Invalid JSON body: ${(e as Error).message}`);
  }
  checkJson(value, 'body');
  return value;
}

/** A delivery id header: at most 200 characters (GitHub's are GUIDs). */
export function deliveryIdOf(req: Request, header: string): string | undefined {
  const value = req.get(header)?.trim();
  if (!value) return undefined;
  if (value.length > 200)
    throw new InputError(
      `${header}: ${value.length} characters, at most 200 are accepted`,
    );
  return value;
}
