import { AuditEventsFilter } from '@internal/plugin-audit-common';
import { useUrlParams } from '@internal/frontend-common';

/** The filters as the URL holds them, so a filtered view can be linked and survives a reload. */
export type AuditFilters = {
  plugin?: string;
  actor?: string;
  target?: string;
  status?: string;
  /** A window ending now: one of TIME_RANGES' ids. */
  range?: string;
  /** Calendar days (YYYY-MM-DD, local time), both included; used when `range` is absent. */
  from?: string;
  to?: string;
};

const KEYS: Array<keyof AuditFilters> = [
  'plugin',
  'actor',
  'target',
  'status',
  'range',
  'from',
  'to',
];

const HOUR = 3_600_000;

export const TIME_RANGES = [
  { id: '1h', label: 'Last hour', ms: HOUR },
  { id: '24h', label: 'Last 24 hours', ms: 24 * HOUR },
  { id: '7d', label: 'Last 7 days', ms: 7 * 24 * HOUR },
  { id: '30d', label: 'Last 30 days', ms: 30 * 24 * HOUR },
] as const;

export function useAuditFilters(): {
  filters: AuditFilters;
  update: (patch: AuditFilters) => void;
} {
  const { params, update } = useUrlParams();
  const filters: AuditFilters = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return { filters, update };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The API's filter for the URL's: a preset range becomes `from` counted back from `now`, and
 * calendar days become local midnights (`to` the midnight after, so the day is included).
 * Anything else is passed on as written, and the API names it if it is wrong.
 */
export function toApiFilter(
  filters: AuditFilters,
  now: Date,
): AuditEventsFilter {
  const { range, from, to, status, ...text } = filters;
  const query: AuditEventsFilter = {
    ...text,
    status: status as AuditEventsFilter['status'],
  };
  const preset = TIME_RANGES.find(r => r.id === range);
  if (preset) {
    query.from = new Date(now.getTime() - preset.ms).toISOString();
    return query;
  }
  if (from) query.from = DAY.test(from) ? localMidnight(from, 0) : from;
  if (to) query.to = DAY.test(to) ? localMidnight(to, 1) : to;
  return query;
}

function localMidnight(day: string, plusDays: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
}
