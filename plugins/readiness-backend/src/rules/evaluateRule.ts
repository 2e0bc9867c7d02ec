import { FactValue, Rule } from '@internal/plugin-readiness-common';

/** The facts of one entity, by name. */
export type FactLookup = ReadonlyMap<string, FactValue>;

/**
 * The outcome of a rule: it holds or not, or it cannot be decided because facts it reads are
 * missing. `any` holds as soon as one branch holds, even when others lack data; `all` fails as
 * soon as one branch fails.
 */
export type RuleOutcome =
  | { kind: 'holds' | 'fails'; reasons: string[] }
  | { kind: 'missing'; facts: string[] };

export function evaluateRule(rule: Rule, facts: FactLookup): RuleOutcome {
  if ('all' in rule) return combine(rule.all, facts, 'all');
  if ('any' in rule) return combine(rule.any, facts, 'any');
  if ('not' in rule) {
    const inner = evaluateRule(rule.not, facts);
    if (inner.kind === 'missing') return inner;
    return {
      kind: inner.kind === 'holds' ? 'fails' : 'holds',
      reasons: inner.reasons.map(r => `not (${r})`),
    };
  }

  const value = facts.get(rule.fact);
  if (rule.exists !== undefined) {
    const present = value !== undefined;
    return outcome(
      present === rule.exists,
      `${rule.fact} is ${present ? 'present' : 'absent'}`,
    );
  }
  if (value === undefined) return { kind: 'missing', facts: [rule.fact] };
  const shown = `${rule.fact} = ${JSON.stringify(value)}`;

  if (rule.equals !== undefined) return outcome(value === rule.equals, shown);
  if (rule.notEquals !== undefined) {
    return outcome(value !== rule.notEquals, shown);
  }
  if (rule.includes !== undefined) {
    return outcome(
      Array.isArray(value) && value.includes(rule.includes),
      shown,
    );
  }
  if (rule.matches !== undefined) {
    return outcome(
      typeof value === 'string' && new RegExp(rule.matches).test(value),
      shown,
    );
  }
  if (typeof value !== 'number') {
    return { kind: 'fails', reasons: [`${shown} is not a number`] };
  }
  if (rule.gt !== undefined) return outcome(value > rule.gt, shown);
  if (rule.gte !== undefined) return outcome(value >= rule.gte, shown);
  if (rule.lt !== undefined) return outcome(value < rule.lt, shown);
  if (rule.lte !== undefined) return outcome(value <= rule.lte, shown);
  throw new Error(`Rule on ${rule.fact} has no operator`);
}

function outcome(holds: boolean, reason: string): RuleOutcome {
  return { kind: holds ? 'holds' : 'fails', reasons: [reason] };
}

function combine(rules: Rule[], facts: FactLookup, mode: 'all' | 'any') {
  const decisive = mode === 'all' ? 'fails' : 'holds';
  const missing: string[] = [];
  const reasons: string[] = [];
  for (const rule of rules) {
    const result = evaluateRule(rule, facts);
    if (result.kind === 'missing') {
      missing.push(...result.facts);
      continue;
    }
    if (result.kind === decisive) return result;
    reasons.push(...result.reasons);
  }
  if (missing.length > 0) return { kind: 'missing' as const, facts: missing };
  return {
    kind: mode === 'all' ? ('holds' as const) : ('fails' as const),
    reasons,
  };
}
