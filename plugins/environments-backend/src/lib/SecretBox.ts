import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
} from 'node:crypto';

const VERSION = 'v1';
/** Shortest acceptable `environments.encryptionKey`, in characters. */
export const MIN_KEY_LENGTH = 32;

/**
 * AES-256-GCM for driver state and secrets at rest. The 256-bit key is the SHA-256 of the
 * configured `environments.encryptionKey`, so any long random string works as a key.
 * Stored form: `v1:<iv>:<tag>:<ciphertext>` (base64).
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length < MIN_KEY_LENGTH) {
      throw new Error(
        `environments.encryptionKey must be at least ${MIN_KEY_LENGTH} characters, got ${secret.length}`,
      );
    }
    this.key = createHash('sha256').update(secret, 'utf8').digest();
  }

  encrypt(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([
      cipher.update(JSON.stringify(value), 'utf8'),
      cipher.final(),
    ]);
    return [VERSION, iv, cipher.getAuthTag(), data]
      .map(p => (typeof p === 'string' ? p : p.toString('base64')))
      .join(':');
  }

  decrypt<T>(stored: string): T {
    const [version, iv, tag, data] = stored.split(':');
    if (version !== VERSION || !iv || !tag || data === undefined) {
      throw new Error('Encrypted value has an unknown format');
    }
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.key,
      Buffer.from(iv, 'base64'),
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const text = Buffer.concat([
      decipher.update(Buffer.from(data, 'base64')),
      decipher.final(),
    ]).toString('utf8');
    return JSON.parse(text) as T;
  }
}
