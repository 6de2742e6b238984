import type { Cite } from '../cite.ts';
import type { Finding } from '../types.ts';

/** The subset of `fetch` discovery uses, so a test or a relay can stand in for the network. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The three steps of MCP authorization server discovery, in the order a client runs them. */
export type DiscoveryStep = 'challenge' | 'resource-metadata' | 'auth-server-metadata';

/**
 * How one request ended.
 * - `pending`: sent, no answer yet (reported so a UI can show the request while it waits).
 * - `ok`: the step got what it needed (the 401, or a usable document).
 * - `not-found`: an HTTP status other than success; the next URL is tried.
 * - `invalid`: a response was read but cannot be used (not JSON, too large, wrong issuer).
 * - `cors`: the server answered, but without the CORS headers a browser needs to read it.
 * - `unreachable`: no HTTP answer at all (name, connection or TLS failure).
 * - `refused`: the local relay refused to fetch this URL.
 * - `timeout`, `cancelled`: the request was stopped.
 */
export type AttemptOutcome =
  | 'pending'
  | 'ok'
  | 'not-found'
  | 'invalid'
  | 'cors'
  | 'unreachable'
  | 'refused'
  | 'timeout'
  | 'cancelled';

/** One request made during discovery, reported once when sent and once when settled. */
export interface DiscoveryAttempt {
  /** Unique within one discovery run, e.g. 'resource-metadata#2'; a settled report reuses it. */
  id: string;
  step: DiscoveryStep;
  url: string;
  method: 'GET' | 'POST';
  /** HTTP status, when the server (directly or through the relay) answered. */
  status?: number;
  /** Milliseconds from sending to settling; 0 while pending. */
  ms: number;
  outcome: AttemptOutcome;
  /** Why this URL is tried at all. */
  purpose: string;
  /** What happened and, when another URL follows, why it is tried. Empty while pending. */
  reason: string;
  /** True when the answer came through the local metadata relay instead of the browser. */
  relayed?: boolean;
  cite?: Cite;
}

/** A problem a server author can act on, in the same shape as every other finding. */
export interface DiscoveryFinding extends Finding {
  /** The URL the problem was seen at, when there is one. */
  url?: string;
}

/** Where the local metadata relay listens, when one is available (never in a hosted build). */
export interface RelayEndpoint {
  /** Origin of the relay, e.g. 'http://localhost:4000'. */
  origin: string;
}

export interface DiscoveryOptions {
  /** The network; `globalThis.fetch` when omitted. */
  fetch?: FetchLike;
  /** Cancels the whole run; the result then says so and nothing throws. */
  signal?: AbortSignal;
  /** Called with each attempt when it is sent and again when it settles. */
  onAttempt?: (attempt: DiscoveryAttempt) => void;
  /** Largest response body read, in bytes; reading stops beyond it. */
  maxBytes?: number;
  /** Longest wait for one request, body included, in milliseconds. */
  timeoutMs?: number;
  /** Retries requests the browser may not read (no CORS headers) through this relay. */
  relay?: RelayEndpoint;
}

export interface DiscoverOptions extends DiscoveryOptions {
  /**
   * Picks the authorization server to read when the resource lists several (RFC 9728 §7.6
   * leaves the choice to the client). Returning undefined, or a server the resource does not
   * list, keeps the first.
   */
  chooseAuthorizationServer?: (servers: readonly string[]) => string | undefined;
}

/** What every step returns besides its own findings. */
export interface StepResult {
  attempts: DiscoveryAttempt[];
  findings: DiscoveryFinding[];
  /** True when the run was cancelled during this step. */
  cancelled: boolean;
}

export interface ChallengeResult extends StepResult {
  /** Status of the unauthenticated request, when the server answered. */
  status?: number;
  /** The raw `WWW-Authenticate` header of the answer, when it had one the client could read. */
  wwwAuthenticate?: string;
}

export interface ResourceMetadataResult extends StepResult {
  /** The document as served; undefined when no candidate URL served one. */
  document?: unknown;
  /** The URL it came from. */
  url?: string;
  /** `authorization_servers` entries that are strings, in order. */
  authorizationServers: string[];
}

export interface AuthServerMetadataResult extends StepResult {
  /** The issuer the metadata URLs were built from. */
  issuer: string;
  /** The document as served, present only when its `issuer` matched. */
  document?: unknown;
  url?: string;
}

/** Everything `discoverFromServer` found, and every problem on the way. */
export interface DiscoveryResult {
  serverUrl: string;
  /** Every request, in the order sent. */
  attempts: DiscoveryAttempt[];
  findings: DiscoveryFinding[];
  cancelled: boolean;
  /** Status of the unauthenticated MCP request, when it was answered. */
  challengeStatus?: number;
  wwwAuthenticate?: string;
  /** Undefined means not served (or not readable); see `findings` for why. */
  resourceMetadata?: unknown;
  resourceMetadataUrl?: string;
  authorizationServers: string[];
  /** The authorization server whose metadata was read. */
  authorizationServer?: string;
  authServerMetadata?: unknown;
  authServerMetadataUrl?: string;
}
