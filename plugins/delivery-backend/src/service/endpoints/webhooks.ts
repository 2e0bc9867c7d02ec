import express, { Router } from 'express';
import Router_ from 'express-promise-router';
import { readJunitReport } from '../../junit/readJunitReport';
import { contentHash } from '../../lib/contentHash';
import { audited, EndpointDeps } from '../endpointDeps';
import { parseInput } from '@internal/backend-common';
import {
  bodyOf,
  checkHubSignature,
  deliveryIdOf,
  parseJson,
} from '../webhookAuth';
import { gzipped, junitQuery } from './events';
import { incidentWebhooks } from './incidentWebhooks';

/** GitHub caps a delivery at 25 MB; incident tools send far less. */
export const JSON_WEBHOOK_LIMIT = 25 * 1_048_576;

/**
 * Webhooks (no Backstage token): GitHub and JUnit signed with X-Hub-Signature-256; incident
 * tools as incidentWebhooks says. Nothing is parsed before the sender is verified. Its routes
 * carry their full paths (/webhooks/...): it is mounted on the plugin's router as it is, ahead of
 * the OpenAPI router, which would parse the bodies.
 */
export function webhookRouter(deps: EndpointDeps): Router {
  const { service, auditor, webhookSecrets, junitMaxBytes } = deps;
  const router = Router_();
  const jsonBody = express.raw({ type: () => true, limit: JSON_WEBHOOK_LIMIT });

  router.post('/webhooks/github', jsonBody, async (req, res) => {
    const body = await bodyOf(req, JSON_WEBHOOK_LIMIT);
    checkHubSignature(
      req,
      body,
      webhookSecrets.github,
      'delivery.webhooks.github.secret',
    );
    const eventName = (req.get('x-github-event') ?? '').slice(0, 100);
    const deliveryId = deliveryIdOf(req, 'x-github-delivery');
    const payload = parseJson(body);
    const repository = (payload as { repository?: { full_name?: unknown } })
      ?.repository?.full_name;
    const result = await audited(
      auditor,
      req,
      'delivery-webhook-github',
      {
        event: eventName,
        repository:
          typeof repository === 'string' ? repository.slice(0, 300) : null,
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
  router.post('/webhooks/junit', async (req, res) => {
    const query = parseInput(junitQuery, req.query, 'query');
    const gzip = gzipped(req);
    const body = await bodyOf(req, junitMaxBytes);
    checkHubSignature(
      req,
      body,
      webhookSecrets.junit,
      'delivery.webhooks.junit.secret',
    );
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

  incidentWebhooks(router, deps, jsonBody);
  return router;
}
