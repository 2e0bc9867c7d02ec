import { z } from 'zod';

/** GET /metrics/timeseries: `service` or `team` (or neither: the organisation). */
export const timeseriesQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  service: z.string().min(1).optional(),
  team: z.string().min(1).optional(),
  bucket: z.enum(['day', 'week']).default('week'),
});

/** GET /environments and GET /versions: one service. */
export const serviceQuerySchema = z.strictObject({
  service: z.string().min(1).max(300),
});

export const versionsQuerySchema = z.strictObject({
  service: z.string().min(1).max(300),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export type TimeseriesQuery = z.input<typeof timeseriesQuerySchema>;
export type TimeseriesBucket = z.infer<typeof timeseriesQuerySchema>['bucket'];
