import {
  entitiesQuerySchema,
  parseQuery,
} from '@internal/plugin-ownership-common';
import { Router } from 'express';
import { entitiesCsv } from '../../services/csv';
import { EndpointDeps } from '../endpointDeps';

/** GET /entities: owned entities and their problems, filtered; `?format=csv` for a download. */
export function entitiesEndpoint(
  router: Router,
  { service, httpAuth }: EndpointDeps,
) {
  router.get('/entities', async (req, res) => {
    const { format, ...filters } = parseQuery(entitiesQuerySchema, req.query);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const report = await service.listEntities(filters, credentials);
    if (format === 'csv') {
      res
        .type('text/csv')
        .attachment('ownership-entities.csv')
        .send(entitiesCsv(report.items));
      return;
    }
    res.json(report);
  });
}
