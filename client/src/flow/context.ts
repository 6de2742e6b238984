import type { RecordingOptions, StepName } from '@mcp-auth-playground/core';
import type {
  ClientCredentials,
  FlowConfig,
  PendingAuthorization,
  StepDataMap,
  StepOutput,
  TokenSet,
} from './types.ts';

/**
 * What one run of a step may read and use, whoever drives it (a page or a terminal). Steps
 * return their results; they change nothing.
 */
export interface StepContext {
  step: StepName;
  config: FlowConfig;
  data: StepDataMap;
  tokens: TokenSet | undefined;
  pending: PendingAuthorization | undefined;
  /** A secret this client authenticates with at the token endpoint, held in memory only. */
  credentials: ClientCredentials | undefined;
  /** The authorization response (the callback URL), once the authorize hook brought one. */
  callbackUrl: string | undefined;
  /** The client's redirect URI: the page's /callback, or a loopback URL in a terminal. */
  redirectUri: string;
  /** Where the requests come from (a page's origin), for CORS advice; empty outside a browser. */
  origin: string;
  /** Aborts when the user restarts. */
  signal: AbortSignal;
  /** A fetch whose exchanges go into the log under this step, failures named. */
  fetch: (label?: RecordingOptions['label'], exposeHeaders?: readonly string[]) => typeof fetch;
  /** The same, for core's discovery, which classifies failures itself. */
  discoveryFetch: () => typeof fetch;
  now: () => number;
  /** Cryptographically random octets, for the PKCE verifier and state. */
  randomBytes: (length: number) => Uint8Array;
  /**
   * Whether a client_secret issued at registration is kept and used. A browser cannot keep a
   * secret, so the page says no; a terminal client may.
   */
  confidential: boolean;
  /** The client's own metadata (DCR body, CIMD content); the playground's when absent. */
  clientMetadata?: Record<string, unknown>;
}

export type StepExecutor = (context: StepContext) => Promise<StepOutput>;

/** A step whose work is synchronous, as an executor: what it throws becomes a rejection. */
export function synchronousStep(work: (context: StepContext) => StepOutput): StepExecutor {
  return (context) => new Promise((resolve) => resolve(work(context)));
}
