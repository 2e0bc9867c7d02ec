import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  CheckDefinition,
  checkDefinitionSchema,
  checksFileSchema,
  FactDeclaration,
  Rule,
} from '@internal/plugin-readiness-common';
import { fieldPath } from '@internal/backend-common';

/** A check definition that could not be loaded, named by file and field. */
export type CheckProblem = { file: string; field: string; message: string };

export type LoadedChecks = {
  checks: CheckDefinition[];
  problems: CheckProblem[];
};

/**
 * Reads check definitions from YAML files (`checks:` then a list). Each broken definition is
 * reported with its file and field and left out; the others load.
 */
export function loadCheckFiles(
  files: string[],
  facts: readonly FactDeclaration[],
): LoadedChecks {
  const loaded: LoadedChecks = { checks: [], problems: [] };
  for (const file of files) {
    const name = path.basename(file);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      loaded.problems.push({
        file,
        field: '',
        message: `cannot be read: ${error}`,
      });
      continue;
    }
    const result = parseChecks(text, file, facts);
    loaded.checks.push(...result.checks);
    loaded.problems.push(
      ...result.problems.map(p => ({ ...p, file: p.file || name })),
    );
  }
  return dropDuplicates(loaded);
}

/** Parses one checks document; `file` only labels problems. */
export function parseChecks(
  text: string,
  file: string,
  facts: readonly FactDeclaration[],
): LoadedChecks {
  const problems: CheckProblem[] = [];
  let document: unknown;
  try {
    document = YAML.parse(text);
  } catch (error) {
    return {
      checks: [],
      problems: [{ file, field: '', message: `is not valid YAML: ${error}` }],
    };
  }
  const shape = checksFileSchema.safeParse(document);
  if (!shape.success) {
    return {
      checks: [],
      problems: [
        { file, field: 'checks', message: 'must be a list of checks' },
      ],
    };
  }
  const declared = new Map(facts.map(f => [f.name, f]));
  const checks: CheckDefinition[] = [];
  shape.data.checks.forEach((raw, index) => {
    const base = `checks[${index}]`;
    const parsed = checkDefinitionSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          file,
          field: fieldPath(issue.path, base),
          message: issue.message,
        });
      }
      return;
    }
    const factProblems = [
      ...ruleProblems(parsed.data.rule, `${base}.rule`, declared),
      ...(parsed.data.warn
        ? ruleProblems(parsed.data.warn, `${base}.warn`, declared)
        : []),
    ];
    if (factProblems.length > 0) {
      problems.push(...factProblems.map(p => ({ file, ...p })));
      return;
    }
    checks.push(parsed.data);
  });
  return { checks, problems };
}

/** Unknown facts, and operators that cannot apply to the fact's declared type. */
function ruleProblems(
  rule: Rule,
  field: string,
  declared: ReadonlyMap<string, FactDeclaration>,
): Array<{ field: string; message: string }> {
  if ('all' in rule) {
    return rule.all.flatMap((r, i) =>
      ruleProblems(r, `${field}.all[${i}]`, declared),
    );
  }
  if ('any' in rule) {
    return rule.any.flatMap((r, i) =>
      ruleProblems(r, `${field}.any[${i}]`, declared),
    );
  }
  if ('not' in rule) return ruleProblems(rule.not, `${field}.not`, declared);

  const fact = declared.get(rule.fact);
  if (!fact) {
    return [
      {
        field: `${field}.fact`,
        message: `names an undeclared fact "${rule.fact}"`,
      },
    ];
  }
  const numeric = ['gt', 'gte', 'lt', 'lte'] as const;
  const mismatch = (operator: string, wants: string) => ({
    field: `${field}.${operator}`,
    message: `cannot compare ${fact.type} fact "${fact.name}"; it needs a ${wants} fact`,
  });
  for (const op of numeric) {
    if (rule[op] !== undefined && fact.type !== 'number')
      return [mismatch(op, 'number')];
  }
  if (rule.includes !== undefined && fact.type !== 'string[]') {
    return [mismatch('includes', 'string[]')];
  }
  if (rule.matches !== undefined && fact.type !== 'string') {
    return [mismatch('matches', 'string')];
  }
  for (const op of ['equals', 'notEquals'] as const) {
    const value = rule[op];
    if (value !== undefined && typeof value !== fact.type) {
      return [
        {
          field: `${field}.${op}`,
          message: `compares ${fact.type} fact "${
            fact.name
          }" with ${typeof value} ${JSON.stringify(value)}`,
        },
      ];
    }
    // A value the fact can never take makes the check always fail (or always pass).
    if (typeof value === 'string' && fact.enum && !fact.enum.includes(value)) {
      return [
        {
          field: `${field}.${op}`,
          message: `"${value}" is not a value of "${
            fact.name
          }"; it is one of ${fact.enum.join(', ')}`,
        },
      ];
    }
  }
  for (const op of [...numeric, 'equals', 'notEquals'] as const) {
    const value = rule[op];
    if (typeof value !== 'number') continue;
    const below = fact.min !== undefined && value < fact.min;
    const above = fact.max !== undefined && value > fact.max;
    if (below || above) {
      return [
        {
          field: `${field}.${op}`,
          message: `${value} is outside the range of "${fact.name}" (${
            fact.min ?? '-inf'
          }..${fact.max ?? 'inf'})`,
        },
      ];
    }
  }
  return [];
}

function dropDuplicates(loaded: LoadedChecks): LoadedChecks {
  const seen = new Set<string>();
  const checks: CheckDefinition[] = [];
  const problems = [...loaded.problems];
  for (const check of loaded.checks) {
    if (seen.has(check.id)) {
      problems.push({
        file: '',
        field: `id`,
        message: `"${check.id}" is defined more than once; the first definition is used`,
      });
      continue;
    }
    seen.add(check.id);
    checks.push(check);
  }
  return { checks, problems };
}
