import { InputError } from '@backstage/errors';
import express, { RequestHandler } from 'express';

/** Deeper than any Runway request nests; JSON nested thousands deep is an attack, not data. */
export const MAX_JSON_DEPTH = 64;

const childPath = (path: string, key: string, inArray: boolean) => {
  if (inArray) return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
};

/**
 * The first place where `value` nests deeper than `maxDepth` arrays and objects, as a field
 * path (`events[0].a.b`), or undefined. Iterative: a hostile depth cannot overflow the stack.
 */
export function tooDeep(
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
): string | undefined {
  const stack: Array<[unknown, number, string]> = [[value, 0, '']];
  while (stack.length > 0) {
    const [at, depth, path] = stack.pop()!;
    if (at === null || typeof at !== 'object') continue;
    if (depth >= maxDepth) return path || '(body)';
    for (const [key, child] of Object.entries(at))
      if (child !== null && typeof child === 'object')
        stack.push([child, depth + 1, childPath(path, key, Array.isArray(at))]);
  }
  return undefined;
}

/** Throws a 400 naming where a parsed body nests too deep. */
export function checkJsonDepth(value: unknown, what: string): void {
  const path = tooDeep(value);
  if (path !== undefined)
    throw new InputError(
      `Invalid ${what}: ${path} nests deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`,
    );
}

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * Every Runway JSON router's body parser: JSON up to `limit`, a request that carries a body in
 * another type is a 400 (it must not pass as an empty request, which may mean "everything"),
 * and a body nested deeper than MAX_JSON_DEPTH is a 400 before any validation reads it.
 */
export function jsonBody(options: { limit: string }): RequestHandler[] {
  return [
    express.json({ limit: options.limit, type: JSON_TYPES }),
    (req, _res, next) => {
      const carriesBody =
        req.headers['transfer-encoding'] !== undefined ||
        Number(req.headers['content-length'] ?? 0) > 0;
      if (carriesBody && !req.is(JSON_TYPES))
        return next(
          new InputError(
            `Invalid body: it must be JSON (Content-Type: application/json), not ${
              req.get('content-type')?.slice(0, 100) || 'untyped'
            }`,
          ),
        );
      try {
        checkJsonDepth(req.body, 'body');
      } catch (error) {
        return next(error);
      }
      return next();
    },
  ];
}
