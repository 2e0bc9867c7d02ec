import { InputError } from '@backstage/errors';

/** Longer than any CI run we know of: a larger time is a unit or runner mistake. */
export const MAX_SECONDS = 7 * 86_400;

const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL_COMMA = /^\d+,\d+$/;
const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A `time` attribute in seconds: undefined when absent or empty. Thousands separators
 * (`1,234.5`, older Surefire) and a decimal comma (`0,25`, some .NET converters) are read;
 * anything else that is not a non-negative number of at most 7 days is a 400.
 */
export function readSeconds(
  value: string | undefined,
  where: () => string,
): number | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  let plain = raw;
  if (THOUSANDS.test(raw)) plain = raw.replace(/,/g, '');
  else if (DECIMAL_COMMA.test(raw)) plain = raw.replace(',', '.');
  if (!NUMBER.test(plain))
    throw new InputError(
      `Invalid JUnit XML: ${where()} has time "${clip(
        raw,
      )}", which is not a number of seconds`,
    );
  const seconds = Number(plain);
  if (!(seconds <= MAX_SECONDS))
    throw new InputError(
      `Invalid JUnit XML: ${where()} has time ${clip(
        raw,
      )} seconds, more than 7 days`,
    );
  return seconds;
}

/**
 * Zero values that mean "no time": Go's (gotestsum, go-junit-report) and Unix's. Read as
 * absent, never stored as a time.
 */
const ZERO_TIMES = /^(0001-01-01|1970-01-01)T00:00:00(\.0+)?Z?$/;

/** `Sat, 03 Dec 2022 23:10:07 GMT`: JavaScript's toUTCString, which mocha-junit-reporter writes. */
const RFC_1123 =
  /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/;

/**
 * A `timestamp` attribute (ISO 8601, usually without a zone: read as UTC; or RFC 1123);
 * undefined when absent, empty or a zero time; a 400 when it is not a date or falls outside
 * [earliest, latest].
 */
export function readTimestamp(
  value: string | undefined,
  limits: { earliest: Date; latest: Date },
  where: () => string,
): Date | undefined {
  const raw = value?.trim();
  if (!raw || ZERO_TIMES.test(raw)) return undefined;
  const withZone = /[zZ]$|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`;
  let date: Date | undefined;
  if (/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/.test(raw))
    date = new Date(withZone.replace(' ', 'T'));
  else if (RFC_1123.test(raw)) date = new Date(raw);
  if (!date || Number.isNaN(date.getTime()))
    throw new InputError(
      `Invalid JUnit XML: ${where()} has timestamp "${clip(
        raw,
      )}", which is not an ISO 8601 date and time`,
    );
  if (date < limits.earliest || date > limits.latest)
    throw new InputError(
      `Invalid JUnit XML: ${where()} has timestamp ${date.toISOString()}, outside the accepted range ${limits.earliest.toISOString()} to ${limits.latest.toISOString()}`,
    );
  return date;
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}...` : value;
}
