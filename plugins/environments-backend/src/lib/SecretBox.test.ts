import { SecretBox } from './SecretBox';

describe('SecretBox', () => {
  const box = new SecretBox('a-long-enough-key-for-the-tests-0123456789');

  it('round-trips values and never stores them in clear', () => {
    const sealed = box.encrypt({ password: 'hunter2-hunter2' });
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('hunter2');
    expect(box.decrypt(sealed)).toEqual({ password: 'hunter2-hunter2' });
    // A fresh IV each time.
    expect(box.encrypt('x')).not.toBe(box.encrypt('x'));
  });

  it('refuses a tampered value or another key', () => {
    const sealed = box.encrypt('secret');
    const [v, iv, tag, data] = sealed.split(':');
    const flipped = Buffer.from(data, 'base64');
    flipped[0] ^= 1;
    expect(() =>
      box.decrypt([v, iv, tag, flipped.toString('base64')].join(':')),
    ).toThrow();
    expect(() =>
      new SecretBox('another-long-enough-key-0123456789abcdef').decrypt(sealed),
    ).toThrow();
  });

  it('refuses a short key', () => {
    expect(() => new SecretBox('short')).toThrow(
      'environments.encryptionKey must be at least 32 characters, got 5',
    );
  });
});
