import { z } from 'zod';

const OPERATORS = [
  'exists',
  'equals',
  'notEquals',
  'gt',
  'gte',
  'lt',
  'lte',
  'matches',
  'includes',
] as const;

/** A comparison of one fact; exactly one operator. */
export type FactRule = {
  fact: string;
  exists?: boolean;
  equals?: string | number | boolean;
  notEquals?: string | number | boolean;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  /** A regular expression the (string) fact must match. */
  matches?: string;
  /** A value the (string list) fact must contain. */
  includes?: string;
};

/** A rule over facts: a fact comparison, or all / any / not of rules. */
export type Rule = FactRule | { all: Rule[] } | { any: Rule[] } | { not: Rule };

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const factRuleSchema = z
  .strictObject({
    fact: z.string().min(1),
    exists: z.boolean().optional(),
    equals: scalar.optional(),
    notEquals: scalar.optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    matches: z
      .string()
      .refine(isRegExp, { message: 'is not a valid regular expression' })
      .optional(),
    includes: z.string().optional(),
  })
  .refine(r => OPERATORS.filter(op => r[op] !== undefined).length === 1, {
    message: `needs exactly one operator of ${OPERATORS.join(', ')}`,
  });

export const ruleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ruleSchema).min(1) }),
    z.strictObject({ any: z.array(ruleSchema).min(1) }),
    z.strictObject({ not: ruleSchema }),
    factRuleSchema,
  ]),
);

function isRegExp(pattern: string) {
  try {
    return RegExp(pattern) instanceof RegExp;
  } catch {
    return false;
  }
}

/** The facts a rule reads, for reporting which are missing. */
export function factsOfRule(rule: Rule): string[] {
  if ('all' in rule) return rule.all.flatMap(factsOfRule);
  if ('any' in rule) return rule.any.flatMap(factsOfRule);
  if ('not' in rule) return factsOfRule(rule.not);
  return [rule.fact];
}
