import { InputError } from '@backstage/errors';
import express, { RequestHandler } from 'express';

/** Deeper than any Runway request nests; JSON nested thousands deep is an attack, not data. */
export const MAX_JSON_DEPTH = 64;

const childPath = (path: string, key: string, inArray: boolean) => {
  if (inArray) return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
};

/**
 * The first problem of a parsed request no store can hold safely: nesting deeper than
 * `maxDepth` arrays and objects, or a NUL character in a string or key (PostgreSQL refuses it in
 * text). As a field path (`events[0].a.b`) and what is wrong there, or undefined. Iterative: a
 * hostile depth cannot overflow the stack.
 */
export function jsonProblem(
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
): { path: string; problem: string } | undefined {
  const stack: Array<[unknown, number, string]> = [[value, 0, '']];
  while (stack.length > 0) {
    const [at, depth, path] = stack.pop()!;
    if (typeof at === 'string' && at.includes('\u0000'))
      return { path: path || '(body)', problem: 'contains a NUL character' };
    if (at === null || typeof at !== 'object') continue;
    if (depth >= maxDepth)
      return {
        path: path || '(body)',
        problem: `nests deeper than ${maxDepth} levels of arrays and objects`,
      };
    for (const [key, child] of Object.entries(at)) {
      const where = childPath(path, key, Array.isArray(at));
      if (key.includes('\u0000'))
        return { path: where, problem: 'has a NUL character in its name' };
      if (
        child !== null &&
        (typeof child === 'object' || typeof child === 'string')
      )
        stack.push([child, depth + 1, where]);
    }
  }
  return undefined;
}

/** Throws a 400 naming where a parsed request nests too deep or holds a NUL character. */
export function checkJson(value: unknown, what: string): void {
  const found = jsonProblem(value);
  if (found)
    throw new InputError(`Invalid ${what}: ${found.path} ${found.problem}`);
}

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * Every Runway JSON router's body parser: JSON up to `limit`, a request that carries a body in
 * another type is a 400 (it must not pass as an empty request, which may mean "everything"),
 * and a body or query nested deeper than MAX_JSON_DEPTH or holding a NUL character is a 400
 * before any validation reads it.
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
        // Path parameters are parsed per route; none may carry a NUL either.
        if (/%00/.test(req.path))
          throw new InputError('Invalid path: it contains a NUL character');
        checkJson(req.query, 'query');
        checkJson(req.body, 'body');
      } catch (error) {
        return next(error);
      }
      return next();
    },
  ];
}
