// A per-process token bucket for the testbed's write endpoints (POST /scenarios, client
// registration): a burst is answered, a flood is told to wait with 429 and Retry-After
// (RFC 6585 §4, RFC 9110 §10.2.3) instead of exhausting the process. Loopback has one caller
// address for every page and tool, so the limit is per process, not per client.

export interface RateLimitOptions {
  /** Requests answered at once before the bucket runs dry. */
  burst: number;
  /** Requests added back per second. */
  perSecond: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimit {
  take(): RateDecision;
  readonly options: RateLimitOptions;
}

export function createRateLimit(
  options: RateLimitOptions,
  now: () => number = Date.now,
): RateLimit {
  let tokens = options.burst;
  let updated = now();
  return {
    options,
    take() {
      const time = now();
      tokens = Math.min(options.burst, tokens + ((time - updated) / 1000) * options.perSecond);
      updated = time;
      if (tokens >= 1) {
        tokens -= 1;
        return { ok: true };
      }
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / options.perSecond)),
      };
    },
  };
}
