import {
  parseQuery,
  teamsQuerySchema,
} from '@internal/plugin-ownership-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { Response } from 'express';
import { spec } from '../../schema/openapi/generated/router';
import { teamsCsv } from '../../services/csv';
import { EndpointDeps } from '../endpointDeps';

/** GET /teams: teams with members, what they own, environments and latest deploys. */
export function teamsEndpoint(
  router: ApiRouter<typeof spec>,
  { service, httpAuth }: EndpointDeps,
) {
  router.get('/teams', async (req, res) => {
    const { format, ...filters } = parseQuery(teamsQuerySchema, req.query);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const report = await service.listTeams(filters, credentials);
    if (format === 'csv') {
      // The spec types JSON bodies only; the CSV is sent as express sends any text.
      const text: Response = res;
      text
        .type('text/csv')
        .attachment('ownership-teams.csv')
        .send(teamsCsv(report.items));
      return;
    }
    res.json(report);
  });
}
