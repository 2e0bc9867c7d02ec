import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { OWNERSHIP_PROBLEM_CODES } from './problems';
import { OWNED_KINDS } from './rules/ownerRules';

const lower = (v: unknown) =>
  typeof v === 'string' ? v.trim().toLocaleLowerCase('en-US') : v;

const text = z.string().trim().min(1).max(200);

/** Query of GET /entities: every filter optional, combined with AND. */
export const entitiesQuerySchema = z.strictObject({
  /** A group ref (`group:default/payments-team`) or name (`payments-team`). */
  team: text.optional(),
  /** A problem code, or `orphaned` (owner missing or unresolvable). */
  problem: z
    .preprocess(lower, z.enum([...OWNERSHIP_PROBLEM_CODES, 'orphaned']))
    .optional(),
  kind: z.preprocess(lower, z.enum(OWNED_KINDS)).optional(),
  lifecycle: z.preprocess(lower, text).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

/** Query of GET /teams. */
export const teamsQuerySchema = z.strictObject({
  team: text.optional(),
  problem: z
    .enum(['team-of-one', 'owner-without-members', 'oncall-missing'])
    .optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export type EntitiesQuery = z.infer<typeof entitiesQuerySchema>;
export type TeamsQuery = z.infer<typeof teamsQuerySchema>;

/** Parses a query string, or throws a 400 naming the parameter and what is wrong with it. */
export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field =
    issue.code === 'unrecognized_keys'
      ? issue.keys.join(', ')
      : issue.path.join('.');
  throw new InputError(`Invalid query parameter ${field}: ${issue.message}`);
}
