import { InputError } from '@backstage/errors';
import { checkJson } from '@internal/backend-common';
import { z } from 'zod';
import { fieldPath } from '../lib/fieldPath';

/** Parses with a zod schema, or throws a 400 naming the first bad field, its value and the problem. */
export function parseInput<T>(
  schema: z.ZodType<T>,
  input: unknown,
  what: string,
): T {
  // Every caller (REST, webhook, MCP action): no NUL character, no hostile nesting.
  checkJson(input, what);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = fieldPath(issue.path);
  const value = valueAt(input, issue.path);
  const shown =
    value === undefined ? '' : ` (got ${JSON.stringify(value)?.slice(0, 80)})`;
  throw new InputError(
    `Invalid ${what}: ${field || '(body)'} ${issue.message}${shown}`,
  );
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: any = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = at[key as any];
  }
  return at;
}
