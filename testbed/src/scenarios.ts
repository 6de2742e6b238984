import { randomBytes } from 'node:crypto';

export interface RegistryLimits {
  /** Most entries alive at once; adding one more evicts the oldest. */
  maxLive: number;
  lifetimeMs: number;
}

export interface LiveEntry<T> {
  id: string;
  value: T;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface LiveRegistry<T> {
  /** Keeps `value` under `id` (from newLiveId) for the registry's lifetime. */
  add(id: string, value: T): LiveEntry<T>;
  /** The entry, or undefined once it expired or was evicted. */
  get(id: string): LiveEntry<T> | undefined;
  readonly size: number;
}

/**
 * The live scenarios: each lives for a fixed time, and only the newest `maxLive` are kept, so a
 * page that posts in a loop cannot grow the process without bound. Expired entries are dropped
 * whenever the registry is used; no timer keeps the process awake.
 */
export function createLiveRegistry<T>(
  limits: RegistryLimits,
  now: () => number = Date.now,
): LiveRegistry<T> {
  // A Map iterates in insertion order, so its first entry is always the oldest.
  const entries = new Map<string, LiveEntry<T>>();

  function dropExpired(): void {
    const time = now();
    for (const [id, entry] of entries) {
      if (entry.expiresAt <= time) entries.delete(id);
    }
  }

  return {
    add(id, value) {
      dropExpired();
      while (entries.size >= limits.maxLive) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      const entry = { id, value, expiresAt: now() + limits.lifetimeMs };
      entries.set(entry.id, entry);
      return entry;
    },
    get(id) {
      dropExpired();
      return entries.get(id);
    },
    get size() {
      dropExpired();
      return entries.size;
    },
  };
}

/** 96 random bits in a path-safe alphabet: a live scenario's URL is not guessable. */
export function newLiveId(): string {
  return randomBytes(12).toString('base64url');
}
