import type { RecordingOptions, StepName } from '@mcp-auth-playground/core';
import type {
  FlowConfig,
  PendingAuthorization,
  StepDataMap,
  StepOutput,
  TokenSet,
} from './types.ts';

/** What one run of a step may read and use. Steps return their results; they change nothing. */
export interface StepContext {
  step: StepName;
  config: FlowConfig;
  data: StepDataMap;
  tokens: TokenSet | undefined;
  pending: PendingAuthorization | undefined;
  /** The authorization response, when the page came back on /callback with one. */
  callbackUrl: string | undefined;
  /** This app's /callback URL. */
  redirectUri: string;
  /** This page's origin, for CORS advice. */
  origin: string;
  /** Aborts when the user restarts. */
  signal: AbortSignal;
  /** A fetch whose exchanges go into the log under this step, failures named. */
  fetch: (label?: RecordingOptions['label'], exposeHeaders?: readonly string[]) => typeof fetch;
  /** The same, for core's discovery, which classifies failures itself. */
  discoveryFetch: () => typeof fetch;
  now: () => number;
}

export type StepExecutor = (context: StepContext) => Promise<StepOutput>;

/** A step whose work is synchronous, as an executor: what it throws becomes a rejection. */
export function synchronousStep(work: (context: StepContext) => StepOutput): StepExecutor {
  return (context) => new Promise((resolve) => resolve(work(context)));
}
