import { AuditEvent } from '@internal/plugin-audit-common';

type MetaValue = NonNullable<AuditEvent['meta']>[string];

/** Meta keys that name what was acted on, most telling first. */
const TARGET_KEYS = [
  'entityRef',
  'entityRefs',
  'templateRef',
  'service',
  'environment',
  'environmentId',
  'deployment',
  'exemptionId',
  'taskId',
  'location',
  'checkId',
  'owner',
  'className',
];

/**
 * What the event acted on, from the plugin's meta: the value of the most telling target key
 * as the title (`component:default/payments-api`), other target keys as `key value` after it.
 * Meta without a known target key shows its first plain values instead.
 */
export function targetSummary(meta: AuditEvent['meta']): {
  title: string;
  description?: string;
} {
  const entries = Object.entries(meta ?? {})
    .map(([key, value]) => [key, plain(value)] as const)
    .filter((e): e is readonly [string, string] => e[1] !== undefined);
  const known = entries
    .filter(([key]) => TARGET_KEYS.includes(key))
    .sort(([a], [b]) => TARGET_KEYS.indexOf(a) - TARGET_KEYS.indexOf(b));
  if (known.length) {
    const [[, title], ...rest] = known;
    return { title, description: describe(rest) };
  }
  if (!entries.length) return { title: '—' };
  const [first, ...rest] = entries.slice(0, 3);
  return { title: `${first[0]} ${first[1]}`, description: describe(rest) };
}

function describe(entries: ReadonlyArray<readonly [string, string]>) {
  return entries.length
    ? entries.map(([key, value]) => `${key} ${value}`).join(' · ')
    : undefined;
}

/** A scalar, or a short list of scalars, as text; undefined for anything nested. */
function plain(value: MetaValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object') return String(value);
  if (
    Array.isArray(value) &&
    value.every(v => v === null || typeof v !== 'object')
  ) {
    return value.length ? value.join(', ') : undefined;
  }
  return undefined;
}

/** Local date and time to the second: an audit reader compares neighbouring events. */
export function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** As formatWhen, without the year when it is this year (for the table's narrow column). */
export function formatWhenShort(iso: string, now = new Date()): string {
  const date = new Date(iso);
  return date.toLocaleString(undefined, {
    ...(date.getFullYear() !== now.getFullYear() && { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
}
