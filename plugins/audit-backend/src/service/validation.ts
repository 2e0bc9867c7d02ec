import { InputError } from '@backstage/errors';
import { RequestHandler } from 'express';
import { z } from 'zod';

/** Parses with a zod schema, or throws a 400 naming the first bad field and the problem. */
export function parseInput<T>(
  schema: z.ZodType<T>,
  input: unknown,
  what: string,
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.map(String).join('.');
  // An unknown parameter is reported by zod with an empty path and its name in `keys`.
  const keys = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '';
  throw new InputError(
    `Invalid ${what}: ${field || keys || '(all)'} ${issue.message}`,
  );
}

/** A route's query checked with zod before the OpenAPI validator, so its messages are zod's. */
export function checkQuery(schema: z.ZodType): RequestHandler {
  return (req, _res, next) => {
    parseInput(schema, req.query, 'query');
    next();
  };
}

/** A middleware that does nothing (the OpenAPI router needs at least one). */
export const passThrough: RequestHandler = (_req, _res, next) => next();
