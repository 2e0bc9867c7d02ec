import { InputError } from '@backstage/errors';
import { RequestHandler } from 'express';
import { z } from 'zod';
import { checkJson } from './jsonBody';

/** A zod issue path as a field name: `facts[1].value`, appended to `base` when given. */
export function fieldPath(path: readonly PropertyKey[], base = ''): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out = `${out}[${key}]`;
    else out = out ? `${out}.${String(key)}` : String(key);
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: any = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = at[key as any];
  }
  return at;
}

/**
 * Parses with a zod schema, or throws a 400 naming the first bad field, its value and the
 * problem. The one input check of every caller (REST, webhook, MCP and scaffolder actions): no
 * NUL character, no hostile nesting, then the schema.
 */
export function parseInput<T>(
  schema: z.ZodType<T, any>,
  input: unknown,
  what: string,
): T {
  checkJson(input, what);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // An unknown key is reported with the object's path and its name in `keys`.
  const keys = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '';
  const field = fieldPath(issue.path) || keys || '(body)';
  const value = keys ? undefined : valueAt(input, issue.path);
  const text = value === undefined ? undefined : JSON.stringify(value);
  const shown =
    text === undefined
      ? ''
      : ` (got ${text.length > 80 ? `${text.slice(0, 79)}…` : text})`;
  throw new InputError(`Invalid ${what}: ${field} ${issue.message}${shown}`);
}

/**
 * A route's query, path parameters or body checked with its zod schema ahead of the OpenAPI
 * validator (which enforces the same limits, stated in the spec), so a 400 keeps Runway's
 * wording: "Invalid <what>: <field> <problem> (got <value>)".
 */
export function checkInput(
  schema: z.ZodType,
  part: 'query' | 'params' | 'body',
  what: string = part === 'params' ? 'path' : part,
): RequestHandler {
  return (req, _res, next) => {
    parseInput(schema, req[part], what);
    next();
  };
}

/** A middleware that does nothing: the OpenAPI router needs one, and the body is parsed already. */
export const passThrough: RequestHandler = (_req, _res, next) => next();
