import {
  CheckDefinition,
  CheckStatus,
} from '@internal/plugin-readiness-common';
import { evaluateRule, FactLookup } from '../rules/evaluateRule';

/** What a check needs to know about the entity besides its facts. */
export type CheckSubject = { kind: string; type?: string; lifecycle?: string };

export type CheckOutcome = { status: CheckStatus; detail: string };

/** Facts left out of `facts` because they are too old: when each was last observed, and the limit. */
export type StaleFacts = ReadonlyMap<
  string,
  { observedAt: string; maxAgeDays: number }
>;

/** Evaluates one check for one entity. Always yields a status: nothing is skipped silently. */
export function evaluateCheck(
  check: CheckDefinition,
  subject: CheckSubject,
  facts: FactLookup,
  stale: StaleFacts = new Map(),
): CheckOutcome {
  const scope = outOfScope(check, subject);
  if (scope) return { status: 'not-applicable', detail: scope };
  try {
    const result = evaluateRule(check.rule, facts);
    if (result.kind === 'missing') {
      return { status: 'missing-data', detail: missingDetail(result, stale) };
    }
    if (result.kind === 'holds') {
      return { status: 'pass', detail: result.reasons.join('; ') };
    }
    if (check.warn) {
      const warn = evaluateRule(check.warn, facts);
      if (warn.kind === 'holds') {
        return { status: 'warn', detail: result.reasons.join('; ') };
      }
    }
    return { status: 'fail', detail: result.reasons.join('; ') };
  } catch (error) {
    return { status: 'error', detail: String(error) };
  }
}

function outOfScope(check: CheckDefinition, subject: CheckSubject) {
  if (!check.appliesTo) return undefined;
  const scope = scopeOf(check);
  return (
    test('kind', scope.kinds, subject.kind) ??
    test('type', scope.types, subject.type) ??
    test('lifecycle', scope.lifecycles, subject.lifecycle)
  );
}

type ScopeField = { shown: string[]; lower: ReadonlySet<string> };
type Scope = {
  kinds?: ScopeField;
  types?: ScopeField;
  lifecycles?: ScopeField;
};

/** A check's scope with its values lower-cased, worked out once per check, not per entity. */
const scopes = new WeakMap<CheckDefinition, Scope>();

function scopeOf(check: CheckDefinition): Scope {
  let scope = scopes.get(check);
  if (!scope) {
    const field = (list?: string[]) =>
      list && {
        shown: list,
        lower: new Set(list.map(v => v.toLocaleLowerCase())),
      };
    const { kinds, types, lifecycles } = check.appliesTo ?? {};
    scope = {
      kinds: field(kinds),
      types: field(types),
      lifecycles: field(lifecycles),
    };
    scopes.set(check, scope);
  }
  return scope;
}

function test(
  field: string,
  allowed: ScopeField | undefined,
  value: string | undefined,
) {
  return allowed && !allowed.lower.has(String(value).toLocaleLowerCase())
    ? `applies to ${field} ${allowed.shown.join(', ')}, not ${value ?? 'unset'}`
    : undefined;
}

function missingDetail(result: { facts: string[] }, stale: StaleFacts) {
  const names = [...new Set(result.facts)];
  const absent = names.filter(name => !stale.has(name));
  const parts = names.flatMap(name => {
    const old = stale.get(name);
    return old
      ? [
          `${name} was last reported ${old.observedAt.slice(
            0,
            10,
          )}, more than ${old.maxAgeDays} days ago`,
        ]
      : [];
  });
  if (absent.length > 0) parts.unshift(`no value yet for ${absent.join(', ')}`);
  return parts.join('; ');
}
