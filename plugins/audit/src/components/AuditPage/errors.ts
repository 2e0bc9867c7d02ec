import { ResponseError } from '@backstage/errors';

/** The backend said no: the caller lacks audit.events.read. */
export function isForbidden(error: Error): boolean {
  return error instanceof ResponseError
    ? error.statusCode === 403
    : (error as { statusCode?: unknown }).statusCode === 403;
}

/** What went wrong in words: a backend's own message (e.g. which filter was bad) over "Request failed with 400". */
export function errorMessage(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error && cause.message
    ? cause.message
    : error.message;
}
