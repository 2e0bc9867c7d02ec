import { createHash } from 'node:crypto';

/** SHA-256 of a value's JSON (or of raw bytes): what a delivery id or run id carried. */
export function contentHash(value: unknown): string {
  const hash = createHash('sha256');
  hash.update(Buffer.isBuffer(value) ? value : JSON.stringify(value));
  return hash.digest('hex');
}
