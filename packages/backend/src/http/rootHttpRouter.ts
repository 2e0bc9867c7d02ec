import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { LoggerService } from '@backstage/backend-plugin-api';
import { RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

type ErrorBody = {
  error: { name?: unknown; message?: unknown; stack?: unknown };
  response: { statusCode: number };
};

function isErrorBody(body: unknown): body is ErrorBody {
  const b = body as Partial<ErrorBody> | null;
  return (
    typeof b === 'object' &&
    b !== null &&
    typeof b.error === 'object' &&
    b.error !== null &&
    typeof b.response?.statusCode === 'number'
  );
}

/**
 * Gives every request an id (the `X-Request-Id` response header) and filters the error bodies
 * Backstage's error handlers write (the root's and each plugin router's own): never a stack
 * trace, in development either; and a server error's message (SQL with its values, a server
 * path, a driver's words) only in the log, the response naming the request id to find it
 * there. A 4xx keeps its message, which names the field and the problem.
 */
export function safeErrorResponses(logger: LoggerService): RequestHandler {
  return (req, res, next) => {
    const id = randomUUID();
    res.setHeader(REQUEST_ID_HEADER, id);
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if (!isErrorBody(body)) return json(body);
      const { stack, ...error } = body.error;
      const status = body.response.statusCode;
      if (status < 500) return json({ ...body, error });
      logger.error(
        `Request ${id} (${req.method} ${
          req.originalUrl
        }) failed with status ${status}: ${String(error.name)}: ${String(
          error.message,
        )}`,
      );
      return json({
        ...body,
        error: {
          name: 'Error',
          message: `An internal error occurred; the server log has it under request id ${id}`,
        },
      });
    };
    next();
  };
}

/** The root HTTP router with Backstage's defaults, behind request ids and safe error bodies. */
export const rootHttpRouterFactory = rootHttpRouterServiceFactory({
  configure({ app, logger, applyDefaults }) {
    app.use(safeErrorResponses(logger));
    applyDefaults();
  },
});
