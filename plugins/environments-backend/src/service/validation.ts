import { InputError } from '@backstage/errors';
import { checkJson } from '@internal/backend-common';
import { z } from 'zod';
import { fieldPath } from '../lib/fieldPath';

/** Parses with a zod schema, or throws a 400 naming the first bad field and the problem. */
export function parseInput<T>(
  schema: z.ZodType<T, any>,
  input: unknown,
  what: string,
): T {
  // Every caller (REST, webhook, MCP action): no NUL character, no hostile nesting.
  checkJson(input, what);
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = fieldPath(issue.path);
  throw new InputError(
    `Invalid ${what}: ${field || '(body)'} ${issue.message}`,
  );
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The optional `Idempotency-Key` header: 1-255 visible ASCII characters. */
export function idempotencyKeyOf(
  header: string | string[] | undefined,
): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  if (!IDEMPOTENCY_KEY.test(value)) {
    throw new InputError(
      'Invalid header: Idempotency-Key must be 1-255 visible ASCII characters',
    );
  }
  return value;
}
