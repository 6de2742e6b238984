import type { ExchangeFailure } from '@mcp-auth-playground/core';

/** A request got no readable answer; `failure` says why in words a user can act on. */
export class NetworkFailure extends Error {
  constructor(
    readonly failure: ExchangeFailure,
    options?: { cause?: unknown },
  ) {
    super(failure.message, options);
    this.name = 'NetworkFailure';
  }
}
