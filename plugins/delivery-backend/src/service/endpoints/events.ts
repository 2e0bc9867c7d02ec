import { ingestRequestSchema } from '@internal/plugin-delivery-common';
import { InputError } from '@backstage/errors';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { Request, Router } from 'express';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { audited, callerOf, EndpointDeps } from '../endpointDeps';
import { readJunitReport } from '../../junit/readJunitReport';
import { parseInput } from '@internal/backend-common';
import { spec } from '../../schema/openapi/generated/router';

export const junitQuery = z.strictObject({
  service: z.string().min(1).max(300),
  runId: z.string().min(1).max(200),
  finishedAt: z.iso.datetime({ offset: true }).optional(),
});

/** The batch API: deployments, PRs, reviews, test runs, incidents. */
export function eventEndpoints(
  router: ApiRouter<typeof spec>,
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
}

/** JUnit upload, mounted before the JSON parser: it reads its own XML body. */
export function junitUploadEndpoint(
  router: Router,
  { service, httpAuth, auditor }: EndpointDeps,
) {
  // The report is read from the request stream as it arrives (any size up to
  // delivery.junit.maxMegabytes), after the caller and the service are known.
  router.post('/test-runs/junit', async (req, res) => {
    const credentials = await callerOf(httpAuth, req);
    const query = parseInput(junitQuery, req.query, 'query');
    const gzip = gzipped(req);
    const result = await audited(
      auditor,
      req,
      'delivery-junit-ingest',
      { service: query.service, runId: query.runId },
      () =>
        service.ingestJunit(
          // Read through a pass-through: stopping early at a bad report destroys what it
          // iterates, and the request itself must stay whole for the answer and the audit.
          limits =>
            readJunitReport(req.pipe(new PassThrough()), { ...limits, gzip }),
          query,
          credentials,
        ),
    );
    res.status(202).json(result);
  });
}

/** A JUnit body is XML, plain or gzip-compressed (`Content-Encoding: gzip`). */
export function gzipped(req: Request): boolean {
  if (req.is('json'))
    throw new InputError(
      'Content-Type: a JUnit report is XML (application/xml), not JSON',
    );
  const encoding = (req.get('content-encoding') ?? 'identity').toLowerCase();
  if (encoding === 'gzip') return true;
  if (encoding === 'identity') return false;
  throw new InputError(
    `Content-Encoding: ${encoding.slice(
      0,
      40,
    )} is not supported; send the report as is or gzip`,
  );
}
