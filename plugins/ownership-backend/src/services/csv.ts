import { OwnedEntity, TeamOwnership } from '@internal/plugin-ownership-common';

/** RFC 4180 cell; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
function cell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(header: string[], rows: unknown[][]): string {
  const lines = [header, ...rows].map(r => r.map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function entitiesCsv(items: OwnedEntity[]): string {
  return toCsv(
    [
      'entity',
      'title',
      'kind',
      'type',
      'lifecycle',
      'system',
      'owner',
      'owner_resolved',
      'on_call',
      'escalation',
      'problems',
      'details',
    ],
    items.map(e => [
      e.ref,
      e.title,
      e.kind,
      e.type,
      e.lifecycle,
      e.system,
      e.ownerRef ?? e.owner,
      e.ownerResolved ? 'yes' : 'no',
      e.onCall ? `${e.onCall.tool}:${e.onCall.value}` : '',
      e.escalation?.join(' -> '),
      e.problems.map(p => p.code).join(';'),
      e.problems.map(p => p.message).join('; '),
    ]),
  );
}

export function teamsCsv(items: TeamOwnership[]): string {
  return toCsv(
    [
      'team',
      'members',
      'member_count',
      'owned',
      'environments',
      'deployments',
      'problems',
    ],
    items.map(t => [
      t.ref,
      t.members.join(' '),
      t.members.length,
      t.owned.map(o => o.ref).join(' '),
      t.environments.map(e => `${e.name}(${e.status})`).join(' '),
      t.deployments
        .map(d => `${d.service}@${d.environment}=${d.version}`)
        .join(' '),
      t.problems.map(p => p.code).join(';'),
    ]),
  );
}
