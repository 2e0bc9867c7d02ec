/**
 * A timestamp column as a Date: PostgreSQL gives Dates, SQLite (through knex's better-sqlite3
 * dialect) gives the epoch milliseconds it stored.
 */
export function toDate(value: unknown): Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  const asNumber = Number(value);
  return new Date(Number.isFinite(asNumber) ? asNumber : String(value));
}

export function toIso(value: unknown): string | undefined {
  return toDate(value)?.toISOString();
}

export function dateOrUndefined(iso: string | undefined): Date | undefined {
  return iso ? new Date(iso) : undefined;
}

export const HOUR = 3600;
export const DAY_MS = 86_400_000;

export function earliest(...dates: Array<Date | undefined>): Date | undefined {
  const times = dates.filter((d): d is Date => !!d).map(d => d.getTime());
  return times.length ? new Date(Math.min(...times)) : undefined;
}

export function latest(...dates: Array<Date | undefined>): Date | undefined {
  const times = dates.filter((d): d is Date => !!d).map(d => d.getTime());
  return times.length ? new Date(Math.max(...times)) : undefined;
}
