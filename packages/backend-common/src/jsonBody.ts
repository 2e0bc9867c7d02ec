import { InputError } from '@backstage/errors';
import express, { RequestHandler } from 'express';

/** Deeper than any Runway request nests; JSON nested thousands deep is an attack, not data. */
export const MAX_JSON_DEPTH = 64;

/** A value still to look at, with how it was reached (its path is built only for a problem). */
type Frame = {
  value: unknown;
  depth: number;
  parent?: Frame;
  key?: string;
  inArray?: boolean;
};

function pathOf(frame: Frame): string {
  const parts: string[] = [];
  for (let at: Frame | undefined = frame; at?.parent; at = at.parent) {
    parts.push(at.inArray ? `[${at.key}]` : `.${at.key}`);
  }
  const path = parts.reverse().join('');
  return path.startsWith('.') ? path.slice(1) : path || '(body)';
}

/**
 * The first problem of a parsed request no store can hold safely: nesting deeper than
 * `maxDepth` arrays and objects, or a NUL character in a string or key (PostgreSQL refuses it in
 * text). As a field path (`events[0].a.b`) and what is wrong there, or undefined. Iterative: a
 * hostile depth cannot overflow the stack. Every webhook delivery passes here, so paths are
 * built only for the problem found.
 */
export function jsonProblem(
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
): { path: string; problem: string } | undefined {
  const stack: Frame[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const at = frame.value;
    if (typeof at === 'string') {
      if (at.includes('\u0000'))
        return { path: pathOf(frame), problem: 'contains a NUL character' };
      continue;
    }
    if (at === null || typeof at !== 'object') continue;
    if (frame.depth >= maxDepth)
      return {
        path: pathOf(frame),
        problem: `nests deeper than ${maxDepth} levels of arrays and objects`,
      };
    const depth = frame.depth + 1;
    if (Array.isArray(at)) {
      for (let i = 0; i < at.length; i++) {
        const child = at[i];
        if (
          child !== null &&
          (typeof child === 'object' || typeof child === 'string')
        )
          stack.push({
            value: child,
            depth,
            parent: frame,
            key: String(i),
            inArray: true,
          });
      }
      continue;
    }
    for (const key of Object.keys(at)) {
      if (key.includes('\u0000'))
        return {
          path: pathOf({ value: undefined, depth, parent: frame, key }),
          problem: 'has a NUL character in its name',
        };
      const child = (at as Record<string, unknown>)[key];
      if (
        child !== null &&
        (typeof child === 'object' || typeof child === 'string')
      )
        stack.push({ value: child, depth, parent: frame, key });
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
