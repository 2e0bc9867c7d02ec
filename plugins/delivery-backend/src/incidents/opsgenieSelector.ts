import { OpsgenieAlert } from './payloads';

/**
 * Whether an Opsgenie alert matches a component's `opsgenie.com/component-selector`, an
 * Opsgenie alert search query (support.atlassian.com "Search queries for alerts"). The
 * common forms are read: `tag:x` / `tags:x`, `teams:x`, `entity:x`, `alias:x`, `source:x`,
 * `message:x`, `detailsPair(key:value)`, values quoted or not, joined by AND / OR (AND binds
 * tighter), NOT before a term. A term of another form matches nothing, so a selector Runway
 * cannot read never claims alerts it should not.
 */
export function matchesSelector(
  selector: string,
  alert: OpsgenieAlert,
): boolean {
  return splitOn(selector, 'or').some(any =>
    splitOn(any, 'and').every(term => matchesTerm(term.trim(), alert)),
  );
}

function splitOn(query: string, word: 'and' | 'or'): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  const tokens = query.split(/(\s+|")/);
  for (const token of tokens) {
    if (token === '"') quoted = !quoted;
    if (!quoted && token.toLowerCase() === word && current.trim()) {
      parts.push(current);
      current = '';
    } else current += token;
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(Boolean);
}

function matchesTerm(raw: string, alert: OpsgenieAlert): boolean {
  const negated = /^not\s+/i.test(raw);
  const term = negated ? raw.replace(/^not\s+/i, '') : raw;
  const result = positive(term, alert);
  return negated ? !result : result;
}

function positive(term: string, alert: OpsgenieAlert): boolean {
  const details = /^detailsPair\(\s*([^:]+?)\s*:\s*(.+?)\s*\)$/i.exec(term);
  if (details)
    return alert.details?.[unquote(details[1])] === unquote(details[2]);
  const field = /^([a-zA-Z]+)\s*[:=]\s*(.+)$/.exec(term);
  if (!field) return false;
  const value = unquote(field[2]).toLowerCase();
  const lower = (s: string | null | undefined) => (s ?? '').toLowerCase();
  switch (field[1].toLowerCase()) {
    case 'tag':
    case 'tags':
      return (alert.tags ?? []).some(t => t.toLowerCase() === value);
    case 'teams':
    case 'team':
      return (alert.teams ?? []).some(t => t.toLowerCase() === value);
    case 'entity':
      return lower(alert.entity) === value;
    case 'alias':
      return lower(alert.alias) === value;
    case 'source':
      return lower(alert.source) === value;
    case 'message':
      return lower(alert.message).includes(value);
    default:
      return false;
  }
}

function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"')
    ? v.slice(1, -1)
    : v;
}
