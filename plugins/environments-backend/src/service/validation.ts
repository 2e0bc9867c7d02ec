import { InputError } from '@backstage/errors';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The optional `Idempotency-Key` header: 1-255 visible ASCII characters. */
export function idempotencyKeyOf(
  header: string | string[] | undefined,
): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  if (!IDEMPOTENCY_KEY.test(value)) {
    throw new InputError(
      'Invalid header: Idempotency-Key must be 1-255 visible ASCII characters',
    );
  }
  return value;
}
