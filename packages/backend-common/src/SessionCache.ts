import { BackstageCredentials } from '@backstage/backend-plugin-api';

type Entry<T> = { until: number; value: Promise<T> };

export type SessionCacheOptions = {
  /** How long an answer is reused. Default 60 s. */
  ttlMs?: number;
  /** Beyond this many live entries the cache starts again. Default 10,000. */
  maxEntries?: number;
  now?: () => number;
};

/**
 * Answers that depend only on who is calling, reused for one session: per user and token expiry
 * (a refreshed token, which may carry new claims, is a new session), per service subject, and
 * never past the token's expiry. A failed load is not kept; callers without a user or service
 * principal are never cached.
 */
export class SessionCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: SessionCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get(
    credentials: BackstageCredentials,
    key: string,
    load: () => Promise<T>,
  ): Promise<T> {
    const session = sessionKey(credentials);
    if (!session) return load();
    const now = this.now();
    const full = `${session}\u0000${key}`;
    const hit = this.entries.get(full);
    if (hit && now < hit.until) return hit.value;
    if (this.entries.size >= this.maxEntries) {
      this.dropExpired(now);
    }
    const value = load();
    const ttlUntil = now + this.ttlMs;
    const expiry = credentials.expiresAt?.getTime() ?? ttlUntil;
    this.entries.set(full, { until: Math.min(ttlUntil, expiry), value });
    value.catch(() => this.entries.delete(full));
    return value;
  }

  private dropExpired(now: number) {
    for (const [key, entry] of this.entries) {
      if (now >= entry.until) this.entries.delete(key);
    }
    // Still full (many sessions within one ttl): start again rather than grow without bound.
    if (this.entries.size >= this.maxEntries) {
      this.entries.clear();
    }
  }
}

/**
 * Who is calling, as a cache key; undefined when there is no one to key on. A user's session is
 * their ref and token expiry (whole seconds): Backstage's hidden raw token is never read, so two
 * sign-ins of one user within the same second share an answer for at most the ttl.
 */
function sessionKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (
    principal.type === 'user' &&
    principal.userEntityRef &&
    credentials.expiresAt
  ) {
    return `user\u0000${
      principal.userEntityRef
    }\u0000${credentials.expiresAt.getTime()}`;
  }
  if (principal.type === 'service' && principal.subject) {
    return `service\u0000${principal.subject}`;
  }
  return undefined;
}
