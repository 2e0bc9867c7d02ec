import { HttpAuthService } from '@backstage/backend-plugin-api';
import { auditEventsQuerySchema } from '@internal/plugin-audit-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { AuthorizedAuditTrail } from '../../services/AuthorizedAuditTrail';
import { CSV_HEADER, csvRow } from '../csv';
import { spec } from '../../schema/openapi/generated/router';
import { parseInput } from '@internal/backend-common';

const CSV_PAGE = 1000;

/** GET /events: newest first, filtered; `format=csv` streams every match from `cursor` on. */
export function listEvents(
  router: ApiRouter<typeof spec>,
  deps: { trail: AuthorizedAuditTrail; httpAuth: HttpAuthService },
) {
  router.get('/events', async (req, res) => {
    // The spec has checked the query; zod trims it and applies the defaults.
    const { format, from, to, ...query } = parseInput(
      auditEventsQuerySchema,
      req.query,
      'query',
    );
    const filter = {
      ...query,
      from: from ? new Date(from) : undefined,
      to: to ? new Date(to) : undefined,
    };
    const credentials = await deps.httpAuth.credentials(req);
    if (format === 'json') {
      res.json(await deps.trail.listEvents(filter, credentials));
      return;
    }
    // The first page before any byte is sent, so a 403 is still a 403.
    let page = await deps.trail.listEvents(
      { ...filter, limit: CSV_PAGE },
      credentials,
    );
    res.type('text/csv').attachment('audit-events.csv');
    res.write(`${CSV_HEADER}\n`);
    for (;;) {
      for (const event of page.events) res.write(`${csvRow(event)}\n`);
      if (!page.nextCursor) break;
      page = await deps.trail.listEvents(
        { ...filter, limit: CSV_PAGE, cursor: page.nextCursor },
        credentials,
      );
    }
    res.end();
  });
}
