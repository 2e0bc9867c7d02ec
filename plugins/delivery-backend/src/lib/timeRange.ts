import { InputError } from '@backstage/errors';
import { DAY_MS } from './time';

/** The times an incoming event may carry: [now - retention, now + 1 day]. */
export type TimeRange = { earliest: Date; latest: Date };

export function acceptedTimes(now: Date, retentionDays: number): TimeRange {
  return {
    earliest: new Date(now.getTime() - retentionDays * DAY_MS),
    latest: new Date(now.getTime() + DAY_MS),
  };
}

/** A 400 naming the field when the time is not within the range. */
export function checkTime(date: Date, field: string, range: TimeRange): Date {
  if (Number.isNaN(date.getTime()))
    throw new InputError(`Invalid ${field}: not a date`);
  if (date < range.earliest || date > range.latest)
    throw new InputError(
      `Invalid ${field}: ${date.toISOString()} is outside the accepted range ${range.earliest.toISOString()} to ${range.latest.toISOString()} (delivery.retentionDays back, one day ahead)`,
    );
  return date;
}

/** Pairs of an event's times that must come in this order. */
const ORDER: Array<[string, string]> = [
  ['queuedAt', 'startedAt'],
  ['startedAt', 'finishedAt'],
  ['queuedAt', 'finishedAt'],
  ['openedAt', 'resolvedAt'],
  ['openedAt', 'mergedAt'],
  ['openedAt', 'closedAt'],
];

/**
 * Every `...At` field of an event (ISO strings, already validated as such) within the range,
 * and start before end; a 400 names `<path>.<field>`.
 */
export function checkEventTimes(
  event: Record<string, unknown>,
  path: string,
  range: TimeRange,
) {
  const times = new Map<string, Date>();
  for (const [key, value] of Object.entries(event)) {
    if (!key.endsWith('At') || typeof value !== 'string') continue;
    times.set(key, checkTime(new Date(value), `${path}.${key}`, range));
  }
  for (const [first, then] of ORDER) {
    const a = times.get(first);
    const b = times.get(then);
    if (a && b && b < a)
      throw new InputError(
        `Invalid ${path}.${then}: ${b.toISOString()} is before ${first} ${a.toISOString()}`,
      );
  }
}
