import { randomBytes } from 'node:crypto';

export interface RegistryLimits {
  /**
   * Most entries alive at once; adding one more evicts the least recently used one, provided it
   * has been left unused for `protectedMs`.
   */
  maxLive: number;
  lifetimeMs: number;
  /** An entry created or used within this long is never evicted to make room (default 0). */
  protectedMs?: number;
}

export interface LiveEntry<T> {
  id: string;
  value: T;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export type RoomDecision = { ok: true } | { ok: false; retryAfterMs: number };

export interface LiveRegistry<T> {
  /**
   * Whether an entry can be added now without evicting one in use: full of entries used within
   * `protectedMs`, the registry refuses, and says when the first of them becomes evictable.
   */
  hasRoom(): RoomDecision;
  /** Keeps `value` under `id` (from newLiveId) for the registry's lifetime. */
  add(id: string, value: T): LiveEntry<T>;
  /** The entry, or undefined once it expired or was evicted. */
  get(id: string): LiveEntry<T> | undefined;
  readonly size: number;
}

/**
 * The live scenarios: each lives for a fixed time, and at most `maxLive` are kept, so a page
 * that posts in a loop cannot grow the process without bound. To make room, the least recently
 * used entry goes, but never one created or used in the last `protectedMs`: a flood is refused
 * (hasRoom) instead of evicting the scenario a user is working with. Expired entries are dropped
 * whenever the registry is used; no timer keeps the process awake.
 */
export function createLiveRegistry<T>(
  limits: RegistryLimits,
  now: () => number = Date.now,
): LiveRegistry<T> {
  // A Map iterates in insertion order; each use re-inserts, so the first is the least recent.
  const entries = new Map<string, LiveEntry<T>>();
  const lastUsed = new Map<string, number>();
  const protectedMs = limits.protectedMs ?? 0;

  function dropExpired(): void {
    const time = now();
    for (const [id, entry] of entries) {
      if (entry.expiresAt <= time) {
        entries.delete(id);
        lastUsed.delete(id);
      }
    }
  }

  function touch(id: string, entry: LiveEntry<T>): void {
    entries.delete(id);
    entries.set(id, entry);
    lastUsed.set(id, now());
  }

  /** Milliseconds until the least recently used entry may be evicted; 0 when it may now. */
  function waitForRoom(): number {
    const first = entries.keys().next();
    if (first.done) return 0;
    const used = lastUsed.get(first.value) ?? 0;
    return Math.max(0, used + protectedMs - now());
  }

  return {
    hasRoom() {
      dropExpired();
      if (entries.size < limits.maxLive) return { ok: true };
      const wait = waitForRoom();
      return wait === 0 ? { ok: true } : { ok: false, retryAfterMs: wait };
    },
    add(id, value) {
      dropExpired();
      // hasRoom was asked first; only requests racing each other can find every entry in use,
      // and then the least recently used one still goes, so the registry stays bounded.
      while (entries.size >= limits.maxLive) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
        lastUsed.delete(oldest.value);
      }
      const entry = { id, value, expiresAt: now() + limits.lifetimeMs };
      touch(entry.id, entry);
      return entry;
    },
    get(id) {
      dropExpired();
      const entry = entries.get(id);
      if (entry) touch(id, entry);
      return entry;
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
