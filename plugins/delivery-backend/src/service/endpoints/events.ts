import { ingestRequestSchema } from '@internal/plugin-delivery-common';
import express, { Router } from 'express';
import { z } from 'zod';
import { audited, callerOf, EndpointDeps } from '../endpointDeps';
import { parseInput } from '../validation';

export const junitQuery = z.strictObject({
  service: z.string().min(1),
  runId: z.string().min(1).max(200),
  finishedAt: z.iso.datetime({ offset: true }).optional(),
});

const xmlBody = express.text({
  type: ['application/xml', 'text/xml', 'application/junit+xml', 'text/plain'],
  limit: '25mb',
});

/** The batch API (deployments, PRs, reviews, test runs, incidents) and JUnit upload. */
export function eventEndpoints(
  router: Router,
  { service, httpAuth, auditor }: EndpointDeps,
) {
  router.post('/events', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const { events } = parseInput(ingestRequestSchema, req.body, 'events');
    const result = await audited(
      auditor,
      req,
      'delivery-events-ingest',
      { events: events.length },
      () => service.ingestEvents(events, credentials),
    );
    res.status(202).json(result);
  });

  router.post('/test-runs/junit', xmlBody, async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const query = parseInput(junitQuery, req.query, 'query');
    const xml = typeof req.body === 'string' ? req.body : '';
    const result = await audited(
      auditor,
      req,
      'delivery-junit-ingest',
      { service: query.service, runId: query.runId },
      () => service.ingestJunit(xml, query, credentials),
    );
    res.status(202).json(result);
  });
}
