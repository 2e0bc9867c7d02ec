import { AuthenticationError, InputError } from '@backstage/errors';
import {
  incidentEventSchema,
} from '@internal/plugin-delivery-common';
import { verifyBodySignature } from '@internal/plugin-delivery-node';
import express, { Request, Router } from 'express';
import Router_ from 'express-promise-router';
import rawBody from 'raw-body';
import { contentHash } from '../../lib/contentHash';
import { WebhookSource } from '../../services/settings';
import { audited, EndpointDeps } from '../endpointDeps';
import { parseInput } from '../validation';
import { gzipped, junitQuery } from './events';
import { readJunitReport } from '../../junit/readJunitReport';

const SIGNATURE = 'x-hub-signature-256';

/**
 * Signed webhooks (no Backstage token): the HMAC-SHA256 of the exact body with the source's
 * secret, in X-Hub-Signature-256 as GitHub sends it. A missing or wrong signature is a 401 and
 * nothing is read from the body.
 */
export function webhookRouter({
  service,
  auditor,
  webhookSecrets,
  junitMaxBytes,
}: EndpointDeps): Router {
  const router = Router_();
  // GitHub caps a delivery at 25 MB.
  const jsonBody = express.raw({ type: () => true, limit: '25mb' });

  /** The exact bytes received, once the source has a secret and the request a signature. */
  const verified = async (
    req: Request,
    source: WebhookSource,
  ): Promise<Buffer> => {
    const secret = webhookSecrets[source];
    if (!secret)
      throw new AuthenticationError(
        `No signing secret is configured for ${source} webhooks (delivery.webhooks.${source}.secret)`,
      );
    const signature = req.get(SIGNATURE);
    if (!signature)
      throw new AuthenticationError(`Missing ${SIGNATURE} header`);
    const body = Buffer.isBuffer(req.body)
      ? req.body
      : await rawBody(req, { limit: junitMaxBytes });
    if (!verifyBodySignature(secret, body, signature))
      throw new AuthenticationError(
        `Invalid ${SIGNATURE}: not the HMAC-SHA256 of the body with the ${source} webhook secret`,
      );
    return body;
  };
  const json = (body: Buffer): unknown => {
    try {
      return JSON.parse(body.toString('utf8'));
    } catch (e) {
      throw new InputError(`Invalid JSON body: ${(e as Error).message}`);
    }
  };

  router.post('/github', jsonBody, async (req, res) => {
    const body = await verified(req, 'github');
    const eventName = (req.get('x-github-event') ?? '').slice(0, 100);
    const deliveryId = deliveryIdOf(req, 'x-github-delivery');
    const payload = json(body);
    const repository = (payload as { repository?: { full_name?: unknown } })
      ?.repository?.full_name;
    const result = await audited(
      auditor,
      req,
      'delivery-webhook-github',
      {
        event: eventName,
        repository: typeof repository === 'string' ? repository.slice(0, 300) : null,
        deliveryId: deliveryId ?? null,
      },
      () =>
        service.ingestSignedGithub(eventName, payload, {
          id: deliveryId,
          contentHash: contentHash(body),
        }),
    );
    res.status(202).json(result);
  });

  // Read whole (up to delivery.junit.maxMegabytes) to check the signature over the bytes as
  // sent, compressed or not, before any of it is parsed.
  router.post('/junit', async (req, res) => {
    const query = parseInput(junitQuery, req.query, 'query');
    const gzip = gzipped(req);
    const body = await verified(req, 'junit');
    const result = await audited(
      auditor,
      req,
      'delivery-webhook-junit',
      { service: query.service, runId: query.runId },
      () =>
        service.ingestSignedJunit(
          limits => readJunitReport([body], { ...limits, gzip }),
          {
            ...query,
            deliveryId: deliveryIdOf(req, 'x-runway-delivery'),
          },
        ),
    );
    res.status(202).json(result);
  });

  router.post('/incidents', jsonBody, async (req, res) => {
    const body = await verified(req, 'incidents');
    const raw = json(body);
    const event = parseInput(
      incidentEventSchema,
      raw && typeof raw === 'object' ? { type: 'incident', ...raw } : raw,
      'incident',
    );
    const result = await audited(
      auditor,
      req,
      'delivery-webhook-incident',
      { incident: event.id, service: event.service, status: event.status },
      () =>
        service.ingestSignedIncident(
          event,
          deliveryIdOf(req, 'x-runway-delivery'),
        ),
    );
    res.status(202).json(result);
  });

  return router;
}

/** A delivery id header: at most 200 characters (GitHub's are GUIDs). */
function deliveryIdOf(req: Request, header: string): string | undefined {
  const value = req.get(header)?.trim();
  if (!value) return undefined;
  if (value.length > 200)
    throw new InputError(
      `${header}: ${value.length} characters, at most 200 are accepted`,
    );
  return value;
}
