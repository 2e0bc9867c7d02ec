import { InputError } from '@backstage/errors';

/** A keyset position (created_at, id) as an opaque string. */
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(
    JSON.stringify([cursor.createdAt.toISOString(), cursor.id]),
  ).toString('base64url');
}

export function decodeCursor(value: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString());
    const createdAt = new Date(at);
    if (typeof id === 'string' && !isNaN(createdAt.getTime())) {
      return { createdAt, id };
    }
  } catch {
    // falls through to the error below
  }
  throw new InputError(
    `Invalid query: cursor is not a cursor this API returned: ${value}`,
  );
}
