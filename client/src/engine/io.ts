import type { FlowPhase } from '@mcp-auth-playground/core';

/** One trip to the authorization endpoint: where to send the user agent, and where it comes back. */
export interface AuthorizeRequest {
  /** The authorization URL the engine built (state, PKCE challenge and resource included). */
  url: string;
  /** The redirect URI the request names; the callback URL starts with it. */
  redirectUri: string;
  /** `main` for the first authorization, `step-up` for a 403 insufficient_scope. */
  phase: Extract<FlowPhase, 'main' | 'step-up'>;
  /** Aborts when the run is cancelled. */
  signal: AbortSignal;
}

/**
 * Turns an authorization URL into the callback URL the authorization server redirected to. A
 * terminal opens the system browser and listens on a loopback port (RFC 8252 §7.3); a headless
 * run follows the redirects itself (`followAuthorizationRedirects`). It rejects, or resolves with
 * something that is not the callback, when no response came.
 */
export type AuthorizeHook = (request: AuthorizeRequest) => Promise<string>;

/** Everything the engine does to the outside world, injected so tests and hosts choose it. */
export interface ClientIo {
  fetch: typeof fetch;
  /** Epoch milliseconds. */
  now: () => number;
  /** Cryptographically random octets (PKCE verifier, state). */
  randomBytes: (length: number) => Uint8Array;
  authorize: AuthorizeHook;
}
