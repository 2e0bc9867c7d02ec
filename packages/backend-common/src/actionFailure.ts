import { ResponseError } from '@backstage/errors';

/**
 * A failure meant for the person who runs the template. The scaffolder writes a failed step's
 * `stack` to the task log, so this error's stack is its sentence alone.
 */
export class ActionFailure extends Error {
  constructor(message: string, name = 'Error') {
    super(message);
    this.name = name;
    this.stack = message;
  }
}

/**
 * A Runway API's refusal in its own words, for a scaffolder action that called it: the error
 * body's message (which names the field and the value, the freeze window, the gate...), under
 * the API's error name, instead of "Request failed with 400 Bad Request" and a stack trace.
 * Any other error passes through as it is.
 */
export function asActionFailure(error: unknown): unknown {
  if (!ResponseError.is(error)) return error;
  const remote = error.body.error;
  return new ActionFailure(
    remote?.message || error.cause.message || error.message,
    remote?.name || 'Error',
  );
}

/** Runs an action's work, failing the task with the API's own sentence when it refuses. */
export async function reportingRefusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asActionFailure(error);
  }
}
