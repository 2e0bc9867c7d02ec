import { InputError } from '@backstage/errors';
import { checkJson } from '@internal/backend-common';
import { z } from 'zod';
import { fieldPath } from '../lib/fieldPath';

/** Parses with a zod schema, or throws a 400 naming the first bad field and the problem. */
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
  throw new InputError(
    `Invalid ${what}: ${field || '(body)'} ${issue.message}`,
  );
}

export const entityRefParams = z.object({
  kind: z.string().min(1),
  namespace: z.string().min(1),
  name: z.string().min(1),
});

export function entityRefOf(params: z.infer<typeof entityRefParams>) {
  return `${params.kind}:${params.namespace}/${params.name}`.toLocaleLowerCase();
}
