import { ResponseError } from '@backstage/errors';

/** The backend's own sentence (it names the field, window or deploy), else the error's message. */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error)) {
    const body = error.body as { error?: { message?: string } } | undefined;
    return body?.error?.message || error.cause?.message || error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A title that says what kind of refusal it was, for the alert above the backend's message. */
export function errorTitle(action: string, error: unknown): string {
  const status = ResponseError.is(error) ? error.statusCode : undefined;
  const message = errorMessage(error);
  if (status === 409 && /frozen/i.test(message))
    return `${action} refused: a freeze window is in force`;
  if (status === 409 && /in progress/i.test(message))
    return `${action} refused: another deploy is in progress`;
  if (status === 409) return `${action} refused: conflict`;
  if (status === 403) return `${action} not allowed for you`;
  if (status === 400) return `${action} refused: invalid input`;
  if (status === 404) return `${action} refused: not found`;
  return `${action} failed`;
}
