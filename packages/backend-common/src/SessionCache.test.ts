import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { SessionCache } from './SessionCache';

const credentials = (principal: object, expiresAt?: number) =>
  ({
    $$type: '@backstage/BackstageCredentials',
    principal,
    ...(expiresAt !== undefined && { expiresAt: new Date(expiresAt) }),
  } as BackstageCredentials);

const user = (ref: string, expiresAt?: number) =>
  credentials({ type: 'user', userEntityRef: ref }, expiresAt);
const service = (subject: string) => credentials({ type: 'service', subject });

describe('SessionCache', () => {
  const hour = 3_600_000;

  it('keeps one answer per session and key, for the ttl', async () => {
    let now = 0;
    let loads = 0;
    const cache = new SessionCache<number>({ ttlMs: 10_000, now: () => now });
    const load = async () => ++loads;

    expect(await cache.get(user('user:default/a', hour), 'read', load)).toBe(1);
    expect(await cache.get(user('user:default/a', hour), 'read', load)).toBe(1);
    // Another key, another user, a refreshed token, a service: each a new answer.
    expect(await cache.get(user('user:default/a', hour), 'write', load)).toBe(
      2,
    );
    expect(await cache.get(user('user:default/b', hour), 'read', load)).toBe(3);
    expect(
      await cache.get(user('user:default/a', 2 * hour), 'read', load),
    ).toBe(4);
    expect(await cache.get(service('plugin:catalog'), 'read', load)).toBe(5);
    expect(await cache.get(service('plugin:catalog'), 'read', load)).toBe(5);
    now = 10_000;
    expect(await cache.get(user('user:default/a', hour), 'read', load)).toBe(6);
  });

  it('never reads the credentials’ hidden token: a session is its user and expiry', async () => {
    // Backstage keeps the raw token out of sight; the cache must not depend on it.
    const signedIn = (token: string) =>
      Object.defineProperty(user('user:default/a', hour), 'token', {
        get() {
          throw new Error(`the hidden token ${token} was read`);
        },
        enumerable: false,
      });
    let loads = 0;
    const cache = new SessionCache<number>({ now: () => 0 });
    const load = async () => ++loads;
    expect(await cache.get(signedIn('token-1'), 'claims', load)).toBe(1);
    expect(await cache.get(signedIn('token-2'), 'claims', load)).toBe(1);
  });

  it('does not keep failures, answers past the token expiry, or callers without a principal', async () => {
    let now = 0;
    let loads = 0;
    const cache = new SessionCache<number>({ now: () => now });
    const failing = async (): Promise<number> => {
      loads += 1;
      throw new Error('permission backend unreachable');
    };
    await expect(
      cache.get(user('user:default/a', hour), 'read', failing),
    ).rejects.toThrow('unreachable');
    await expect(
      cache.get(user('user:default/a', hour), 'read', failing),
    ).rejects.toThrow('unreachable');
    expect(loads).toBe(2);

    const load = async () => ++loads;
    expect(await cache.get(user('user:default/a', 5_000), 'read', load)).toBe(
      3,
    );
    now = 5_000;
    expect(await cache.get(user('user:default/a', 5_000), 'read', load)).toBe(
      4,
    );
    expect(await cache.get(credentials({ type: 'none' }), 'read', load)).toBe(
      5,
    );
    expect(await cache.get(credentials({ type: 'none' }), 'read', load)).toBe(
      6,
    );
  });

  it('stays bounded when many sessions arrive within one ttl', async () => {
    const loads: string[] = [];
    const cache = new SessionCache<string>({ maxEntries: 3, now: () => 0 });
    const read = (ref: string) =>
      cache.get(user(ref, hour), 'read', async () => {
        loads.push(ref);
        return ref;
      });
    for (let i = 0; i < 5; i++) await read(`user:default/u${i}`);
    // The fourth session found the map full of live entries and started it again.
    await read('user:default/u4');
    await read('user:default/u0');
    expect(loads).toEqual([
      'user:default/u0',
      'user:default/u1',
      'user:default/u2',
      'user:default/u3',
      'user:default/u4',
      'user:default/u0',
    ]);
  });
});
