import { incidentEventSchema } from '@internal/plugin-delivery-common';
import { RequestHandler, Router } from 'express';
import { IncidentSource } from '../../incidents/mapIncidentWebhook';
import { audited, EndpointDeps } from '../endpointDeps';
import { parseInput } from '@internal/backend-common';
import {
  bodyOf,
  checkBearer,
  checkHubSignature,
  checkPagerdutySignature,
  deliveryIdOf,
  parseJson,
} from '../webhookAuth';

const LIMIT = 25 * 1_048_576;

/**
 * Incidents in: Runway's own shape (signed like GitHub), PagerDuty Webhooks v3 (its own
 * signature), Opsgenie's Webhook integration and Alertmanager's webhook_config (a bearer token:
 * neither can sign). docs/delivery.md says how each maps.
 */
export function incidentWebhooks(
  router: Router,
  { service, auditor, webhookSecrets, webhookTokens }: EndpointDeps,
  jsonBody: RequestHandler,
) {
  router.post('/webhooks/incidents', jsonBody, async (req, res) => {
    const body = await bodyOf(req, LIMIT);
    checkHubSignature(
      req,
      body,
      webhookSecrets.incidents,
      'delivery.webhooks.incidents.secret',
    );
    const raw = parseJson(body);
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

  const incidentTool = (
    source: IncidentSource,
    verify: (req: Parameters<RequestHandler>[0], body: Buffer) => void,
  ) =>
    router.post(`/webhooks/${source}`, jsonBody, async (req, res) => {
      const body = await bodyOf(req, LIMIT);
      verify(req, body);
      const payload = parseJson(body);
      const result = await audited(
        auditor,
        req,
        'delivery-webhook-incident',
        { source },
        () => service.ingestIncidentWebhook(source, payload),
      );
      res.status(202).json(result);
    });
  incidentTool('pagerduty', (req, body) =>
    checkPagerdutySignature(req, body, webhookSecrets.pagerduty),
  );
  incidentTool('opsgenie', req =>
    checkBearer(
      req,
      webhookTokens.opsgenie,
      'delivery.webhooks.opsgenie.token',
    ),
  );
  incidentTool('alertmanager', req =>
    checkBearer(
      req,
      webhookTokens.alertmanager,
      'delivery.webhooks.alertmanager.token',
    ),
  );
}
