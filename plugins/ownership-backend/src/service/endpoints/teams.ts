import {
  parseQuery,
  teamsQuerySchema,
} from '@internal/plugin-ownership-common';
import { Router } from 'express';
import { teamsCsv } from '../../services/csv';
import { EndpointDeps } from '../endpointDeps';

/** GET /teams: teams with members, what they own, environments and latest deploys. */
export function teamsEndpoint(
  router: Router,
  { service, httpAuth }: EndpointDeps,
) {
  router.get('/teams', async (req, res) => {
    const { format, ...filters } = parseQuery(teamsQuerySchema, req.query);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const report = await service.listTeams(filters, credentials);
    if (format === 'csv') {
      res
        .type('text/csv')
        .attachment('ownership-teams.csv')
        .send(teamsCsv(report.items));
      return;
    }
    res.json(report);
  });
}
