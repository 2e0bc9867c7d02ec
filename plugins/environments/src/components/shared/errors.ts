import { ResponseError } from '@backstage/errors';

/**
 * What went wrong, in the backend's words: its error body's `error.message` (which names the
 * field and the value), else the error's own message.
 */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error)) {
    const body = error.body as { error?: { message?: string } } | undefined;
    return body?.error?.message || error.cause?.message || error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The HTTP status of a failed API call, when it was one. */
export function errorStatus(error: unknown): number | undefined {
  return ResponseError.is(error) ? error.statusCode : undefined;
}
