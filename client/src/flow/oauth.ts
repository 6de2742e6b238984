import * as oauth from 'oauth4webapi';
import { CITES, isLoopbackUrl } from '@mcp-auth-playground/core';
import type { StepError } from '@mcp-auth-playground/core';
import { NetworkFailure } from './network-failure.ts';
import { StepFailure } from './types.ts';
import type { TokenSet } from './types.ts';

/** The metadata as oauth4webapi wants it; discovery already checked that `issuer` matches. */
export function authorizationServerOf(document: unknown): oauth.AuthorizationServer {
  return document as oauth.AuthorizationServer;
}

export const publicClient = (clientId: string): oauth.Client => ({ client_id: clientId });

function isPlainHttpLoopback(url: string): boolean {
  return url.startsWith('http:') && isLoopbackUrl(url);
}

/**
 * Transport options for oauth4webapi. `customFetch` sends through the step's logging fetch.
 *
 * oauth4webapi refuses plain-http endpoints unless told otherwise, and rightly: a code or a token
 * sent over http can be read on the way. The local testbed serves http on a loopback address, where
 * the traffic never leaves the machine, so for exactly that case (http and a loopback host) the
 * flow sets `allowInsecureRequests`; any other http endpoint is still refused.
 */
export function httpOptions<Method, Body>(
  fetch: typeof globalThis.fetch,
  endpoint: string | undefined,
  signal: AbortSignal,
): oauth.HttpRequestOptions<Method, Body> {
  const options: oauth.HttpRequestOptions<Method, Body> = {
    [oauth.customFetch]: (url, init) => fetch(url, init as RequestInit),
    signal,
  };
  if (endpoint && isPlainHttpLoopback(endpoint)) options[oauth.allowInsecureRequests] = true;
  return options;
}

/** Token endpoint options: the transport, plus `resource` (RFC 8707 §2) on every request. */
export function tokenRequestOptions(
  fetch: typeof globalThis.fetch,
  endpoint: string | undefined,
  signal: AbortSignal,
  resource: string,
): oauth.TokenEndpointRequestOptions {
  return {
    ...httpOptions<'POST', URLSearchParams>(fetch, endpoint, signal),
    additionalParameters: { resource },
  };
}

export function tokenSetOf(response: oauth.TokenEndpointResponse, receivedAt: number): TokenSet {
  const tokens: TokenSet = {
    accessToken: response.access_token,
    tokenType: response.token_type,
    receivedAt,
  };
  if (response.refresh_token) tokens.refreshToken = response.refresh_token;
  if (response.id_token) tokens.idToken = response.id_token;
  if (typeof response.expires_in === 'number') tokens.expiresIn = response.expires_in;
  if (typeof response.scope === 'string') tokens.scope = response.scope;
  return tokens;
}

const GRANT_ADVICE: Record<string, string> = {
  invalid_grant:
    'The authorization server rejected the grant (invalid_grant): the code or refresh token is expired, already used, or was issued to another client or redirect URI. A reused refresh token also revokes the whole grant. Restart to sign in again.',
  invalid_client:
    'The authorization server does not accept this client (invalid_client); check the client id, or register again.',
  invalid_target:
    'The authorization server refused the resource parameter (invalid_target): it does not know this MCP server, or the grant was for another one.',
  invalid_scope: 'The authorization server refused the requested scope (invalid_scope).',
  unauthorized_client: 'This client may not use this grant type (unauthorized_client).',
};

/**
 * Turns what oauth4webapi or the network threw into a message a user can act on. Server-sent
 * descriptions are shown as text only, after the error code they came with.
 */
export function tokenRequestFailure(error: unknown, what: string): StepFailure {
  if (error instanceof StepFailure) return error;
  if (error instanceof NetworkFailure) {
    return new StepFailure({
      code: error.failure.kind,
      message: error.failure.message,
      ...(error.failure.kind === 'cors' ? { cite: CITES.corsProtocol } : {}),
    });
  }
  if (error instanceof oauth.ResponseBodyError) {
    const advice =
      GRANT_ADVICE[error.error] ?? `The ${what} failed with ${error.error} (HTTP ${error.status}).`;
    const described = error.error_description
      ? ` The server said: “${error.error_description}”.`
      : '';
    return new StepFailure({
      code: error.error,
      message: advice + described,
      cite: CITES.flowSteps,
    });
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    return new StepFailure({
      code: 'token-endpoint-challenge',
      message: `The token endpoint answered ${error.status} with a WWW-Authenticate challenge; it wants client authentication this public client cannot give.`,
      cite: CITES.flowSteps,
    });
  }
  const fallback: StepError = {
    code: 'token-response-invalid',
    message: `The ${what} failed: ${error instanceof Error ? error.message : String(error)}.`,
    cite: CITES.flowSteps,
  };
  return new StepFailure(fallback);
}
