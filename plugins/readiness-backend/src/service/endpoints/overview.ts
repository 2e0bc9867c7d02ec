import {
  CAPABILITY_IDS,
  LEVEL_IDS,
  OverviewRow,
} from '@internal/plugin-readiness-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../../schema/openapi/generated/router';
import { z } from 'zod';
import { EndpointDeps } from '../endpointDeps';
import { parseInput } from '@internal/backend-common';

const list = z
  .union([z.string(), z.array(z.string())])
  .transform(v =>
    (Array.isArray(v) ? v : v.split(',')).map(s => s.trim()).filter(Boolean),
  )
  .optional();

const filterQuery = {
  owner: list,
  system: list,
  kind: list,
  type: list,
  lifecycle: list,
  level: z
    .union([z.string(), z.array(z.string())])
    .transform(v => (Array.isArray(v) ? v : v.split(',')))
    .pipe(z.array(z.enum(['none', ...LEVEL_IDS])))
    .optional(),
  search: z.string().optional(),
};

/** GET /overview's query. */
export const overviewQuery = z.object({
  ...filterQuery,
  sort: z.enum(['name', 'level', ...CAPABILITY_IDS]).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});

/** GET /rollups' query. */
export const rollupQuery = z.object({
  ...filterQuery,
  groupBy: z.enum(['owner', 'none']).default('owner'),
});

/** GET /overview (JSON page or CSV of everything matching) and GET /rollups. */
export function overviewEndpoints(
  router: ApiRouter<typeof spec>,
  { service, httpAuth }: EndpointDeps,
) {
  router.get('/overview', async (req, res) => {
    const { sort, order, limit, offset, format, ...filter } = parseInput(
      overviewQuery,
      req.query,
      'query',
    );
    const credentials = await httpAuth.credentials(req);
    if (format === 'json') {
      res.json(
        await service.listOverview(
          filter,
          { by: sort, order },
          { limit, offset },
          credentials,
        ),
      );
      return;
    }
    res.type('text/csv').attachment('readiness-overview.csv');
    res.write(`${csvHeader()}\n`);
    const pageSize = 500;
    for (let from = 0; ; from += pageSize) {
      const page = await service.listOverview(
        filter,
        { by: sort, order },
        { limit: pageSize, offset: from },
        credentials,
      );
      for (const row of page.rows) res.write(`${csvRow(row)}\n`);
      if (from + pageSize >= page.total) break;
    }
    res.end();
  });

  router.get('/rollups', async (req, res) => {
    const { groupBy, ...filter } = parseInput(rollupQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    res.json({
      rollups: await service.rollups(filter, groupBy === 'owner', credentials),
    });
  });
}

function csvHeader() {
  return [
    'entity_ref',
    'title',
    'kind',
    'type',
    'owner',
    'system',
    'lifecycle',
    'overall_level',
    ...CAPABILITY_IDS.flatMap(c => [`${c}_score`, `${c}_level`]),
    'scored_capabilities',
    'next_level',
    'blocking_checks',
    'fix_first_check',
  ].join(',');
}

function csvRow(row: OverviewRow) {
  const cells = [
    row.entityRef,
    row.title,
    row.kind,
    row.type,
    row.owner,
    row.system,
    row.lifecycle,
    row.overallLevel,
    ...CAPABILITY_IDS.flatMap(c => [
      row.scores[c]?.score ?? '',
      row.scores[c]?.level ?? '',
    ]),
    row.scoredCapabilities,
    row.fixFirst.level,
    row.fixFirst.blockingChecks,
    row.fixFirst.first?.id,
  ];
  return cells.map(csvCell).join(',');
}

/** RFC 4180 quoting; a leading = + - @ is neutralised so spreadsheets do not run it. */
function csvCell(value: unknown) {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
