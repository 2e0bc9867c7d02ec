import { AuthenticationError, InputError } from '@backstage/errors';
import {
  incidentEventSchema,
  IngestResponse,
} from '@internal/plugin-delivery-common';
import { verifyBodySignature } from '@internal/plugin-delivery-node';
import express, { Request, Router } from 'express';
import Router_ from 'express-promise-router';
import { mapGithubEvent } from '../../services/github';
import { WebhookSource } from '../../services/settings';
import { audited, EndpointDeps } from '../endpointDeps';
import { parseInput } from '../validation';
import { junitQuery } from './events';

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
}: EndpointDeps): Router {
  const router = Router_();
  router.use(express.raw({ type: () => true, limit: '25mb' }));

  const verified = (req: Request, source: WebhookSource): Buffer => {
    const secret = webhookSecrets[source];
    if (!secret)
      throw new AuthenticationError(
        `No signing secret is configured for ${source} webhooks (delivery.webhooks.${source}.secret)`,
      );
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const signature = req.get(SIGNATURE);
    if (!signature)
      throw new AuthenticationError(`Missing ${SIGNATURE} header`);
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

  router.post('/github', async (req, res) => {
    const body = verified(req, 'github');
    const eventName = req.get('x-github-event') ?? '';
    const deliveryId = req.get('x-github-delivery') || undefined;
    const event = mapGithubEvent(eventName, json(body));
    if (!event) {
      res.status(202).json({ accepted: 0, duplicates: 0, ignored: eventName });
      return;
    }
    const result: IngestResponse = await audited(
      auditor,
      req,
      'delivery-webhook-github',
      {
        event: eventName,
        repository: event.repository,
        deliveryId: deliveryId ?? null,
      },
      () => service.ingestSignedGithub(event, deliveryId),
    );
    res.status(202).json(result);
  });

  router.post('/junit', async (req, res) => {
    const body = verified(req, 'junit');
    const query = parseInput(junitQuery, req.query, 'query');
    const result = await audited(
      auditor,
      req,
      'delivery-webhook-junit',
      { service: query.service, runId: query.runId },
      () =>
        service.ingestSignedJunit(body.toString('utf8'), {
          ...query,
          deliveryId: req.get('x-runway-delivery') || undefined,
        }),
    );
    res.status(202).json(result);
  });

  router.post('/incidents', async (req, res) => {
    const body = verified(req, 'incidents');
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
          req.get('x-runway-delivery') || undefined,
        ),
    );
    res.status(202).json(result);
  });

  return router;
}
