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
 * A line naming the event's target, from the plugin's meta: the known target keys first, then
 * other plain values, at most three (`entityRef component:default/x · checkId docs`).
 */
export function targetSummary(meta: AuditEvent['meta'], max = 3): string {
  if (!meta) return '';
  const entries = Object.entries(meta).filter(
    ([, value]) => plain(value) !== undefined,
  );
  const rank = (key: string) => {
    const i = TARGET_KEYS.indexOf(key);
    return i === -1 ? TARGET_KEYS.length : i;
  };
  return entries
    .sort(([a], [b]) => rank(a) - rank(b))
    .slice(0, max)
    .map(([key, value]) => `${key} ${plain(value)}`)
    .join(' · ');
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
