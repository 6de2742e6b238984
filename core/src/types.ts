import type { Cite } from './cite.ts';

/** Ids of the client implementations whose scope decision core models. */
export type ProfileId =
  'mcp-2026-07-28' | 'mcp-2025-11-25' | 'typescript-sdk-2' | 'typescript-sdk-1' | 'python-sdk';

/** What the client knows when it builds its authorization request. */
export interface ScopeInput {
  /** `scope` parameter of the WWW-Authenticate challenge; undefined = absent. */
  challengeScope?: string;
  /** `error` parameter of the challenge, e.g. 'insufficient_scope' for a 403 step-up. */
  challengeError?: string;
  /** Scope requested for the token in hand (step-up). */
  previousScope?: string;
  /** Parsed JSON as served, or undefined when none was found. */
  resourceMetadata?: unknown;
  authServerMetadata?: unknown;
  clientMetadata?: unknown;
}

export type StepOutcome = 'used' | 'skipped' | 'applied' | 'not-applied';

export interface DecisionStep {
  /** Stable id of the rule, e.g. 'challenge-scope' or 'offline-access'. */
  rule: string;
  outcome: StepOutcome;
  /** Plain-English account of what the rule saw and did. */
  detail: string;
  cite: Cite;
  /** Set when the profile departs from the spec here: what the spec would do instead. */
  deviation?: string;
}

export type ScopeSource =
  | 'challenge'
  | 'resource-metadata'
  | 'client-metadata'
  | 'authorization-server'
  | 'step-up-union'
  | 'none';

export interface ScopeDecision {
  profile: ProfileId;
  /** Exact value of the scope parameter; undefined = the parameter is omitted. */
  scope: string | undefined;
  source: ScopeSource;
  offlineAccess: 'added' | 'already-present' | 'not-added';
  /** Whether this profile adds prompt=consent to the authorization request. */
  promptConsent: boolean;
  steps: DecisionStep[];
}

export type DocumentSubject =
  | 'resource-metadata'
  | 'auth-server-metadata'
  | 'client-metadata'
  | 'www-authenticate'
  | 'server-url';

export interface Finding {
  /** Stable id, e.g. 'prm/missing-authorization-servers'. */
  id: string;
  severity: 'error' | 'warning' | 'info';
  subject: DocumentSubject;
  /** JSON path inside the subject document, when the finding points at a field. */
  path?: (string | number)[];
  /** One sentence a server author understands, saying what to change. */
  message: string;
  cite?: Cite;
}

/** Everything the user edits. Holds no secrets by construction: no tokens, no client secrets. */
export interface Scenario {
  serverUrl?: string;
  wwwAuthenticate?: string;
  resourceMetadata?: unknown;
  authServerMetadata?: unknown;
  clientMetadata?: unknown;
  previousScope?: string;
  profile?: ProfileId;
}
