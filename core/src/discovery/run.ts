import { AttemptLog } from './attempt-log.ts';
import type { Transport } from './exchange.ts';
import type { DiscoveryOptions } from './types.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './wire.ts';

/** What the steps of one discovery run share: the network and the numbering of attempts. */
export interface Run {
  transport: Transport;
  log: AttemptLog;
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

export function createRun(options: DiscoveryOptions): Run {
  // Looked up at call time, and called unbound from any receiver: browsers reject a `fetch`
  // called as a method of another object ("Illegal invocation").
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    transport: {
      fetch,
      signal: options.signal,
      maxBytes: positive(options.maxBytes, DEFAULT_MAX_BYTES),
      timeoutMs: positive(options.timeoutMs, DEFAULT_TIMEOUT_MS),
      relay: options.relay,
    },
    log: new AttemptLog(options.onAttempt),
  };
}
