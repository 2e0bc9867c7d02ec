import {
  entitiesQuerySchema,
  parseQuery,
} from '@internal/plugin-ownership-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { Response } from 'express';
import { spec } from '../../schema/openapi/generated/router';
import { entitiesCsv } from '../../services/csv';
import { EndpointDeps } from '../endpointDeps';

/** GET /entities: owned entities and their problems, filtered; `?format=csv` for a download. */
export function entitiesEndpoint(
  router: ApiRouter<typeof spec>,
  { service, httpAuth }: EndpointDeps,
) {
  router.get('/entities', async (req, res) => {
    const { format, ...filters } = parseQuery(entitiesQuerySchema, req.query);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const report = await service.listEntities(filters, credentials);
    if (format === 'csv') {
      // The spec types JSON bodies only; the CSV is sent as express sends any text.
      const text: Response = res;
      text
        .type('text/csv')
        .attachment('ownership-entities.csv')
        .send(entitiesCsv(report.items));
      return;
    }
    res.json(report);
  });
}
