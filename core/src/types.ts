import type { Cite } from './cite.ts';
import type { DeclaredProfileId } from './profile-ids.ts';

/**
 * Ids of the client implementations whose scope decision core models: 'mcp-2026-07-28',
 * 'mcp-2025-11-25', 'typescript-sdk-2', 'typescript-sdk-1', 'python-sdk', and the rest of the
 * tuple in `profile-ids.ts`, which is where a new profile's id is declared.
 */
export type ProfileId = DeclaredProfileId;

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
  /**
   * The text of each served document that is not JSON, exactly as typed. A client cannot parse
   * it, so the decision treats the document as absent; the lint reports its JSON error instead of
   * calling it missing, and a permalink carries the text so nothing typed is lost. A document
   * given here and as a value above is read as the value.
   */
  unparsedDocuments?: UnparsedDocuments;
}

/** The three documents of a scenario, by their field name. */
export type DocumentField = 'resourceMetadata' | 'authServerMetadata' | 'clientMetadata';

export type UnparsedDocuments = Partial<Record<DocumentField, string>>;

/** A served document whose text is not JSON: what the decision did with it, and where it breaks. */
export interface UnparsedDocument {
  field: DocumentField;
  subject: DocumentSubject;
  /** Where the JSON first breaks; absent when the text is empty or too large to read. */
  at?: { line: number; column: number; offset: number };
  /** The finding that reports it, as listed among the evaluation's findings. */
  finding: Finding;
}

/** One challenge of a WWW-Authenticate header (RFC 9110 §11.6.1). */
export interface Challenge {
  /** As sent; compare case-insensitively. */
  scheme: string;
  /** Parameter names lower-cased; values unquoted and unescaped. */
  params: Record<string, string>;
  token68?: string;
}

export type ProfileGroup = 'spec' | 'sdk' | 'application';

/** The implementation a profile models, so a reader can check it against the source. */
export interface ProfileSource {
  /** Package or product name, e.g. '@modelcontextprotocol/client'. */
  name: string;
  /** Version, tag or commit modelled. */
  version: string;
  /** Link to the file (or spec section) the behaviour was read from. */
  url: string;
  /** Repository-relative file, when the source is code. */
  file?: string;
  /** When the source was read (YYYY-MM-DD). */
  checked?: string;
  confidence: 'verified-from-source' | 'inferred';
}

/**
 * One node of a profile's rule as a reader would draw it. Decision steps carry the same `rule`
 * ids, so a picture of the rule can light the path a decision took without a second copy of it.
 */
export interface RuleNode {
  rule: string;
  /** Short question or action, e.g. 'Challenge has a scope?'. */
  label: string;
  kind: 'step-up' | 'tier' | 'omit' | 'offline-access' | 'prompt' | 'transform';
  cite: Cite;
}

export interface Profile<Id extends string = ProfileId> {
  id: Id;
  title: string;
  /** One line: how this client chooses its scope. */
  summary: string;
  group: ProfileGroup;
  source: ProfileSource;
  /** The rule in order, for pictures and tables; `decide` reports steps with these ids. */
  rule: readonly RuleNode[];
  decide(input: ScopeInput): ScopeDecision;
}

/** The authorization request a decision leads to, built with illustrative client values. */
export type AuthorizationRequestPreview =
  | {
      ok: true;
      url: string;
      params: [string, string][];
      /** Names of the parameters whose values the scope decision produced (scope, prompt). */
      fromDecision: string[];
      /** Where the profile's request departs from the spec, one sentence each. */
      deviations?: string[];
    }
  | { ok: false; findings: Finding[] };

/** Everything the UI shows for one scenario, from one call to evaluateScenario. */
export interface Evaluation {
  scenario: Scenario;
  profile: ProfileId;
  /** The Bearer challenge read from the scenario's WWW-Authenticate, when there is one. */
  challenge: Challenge | undefined;
  /** What the decision saw. */
  input: ScopeInput;
  decision: ScopeDecision;
  /** One decision per profile, in PROFILES order. */
  comparison: ScopeDecision[];
  findings: Finding[];
  authorizationRequest: AuthorizationRequestPreview;
  /** Served documents that are not JSON, decided as if absent, in the scenario's field order. */
  unparsedDocuments: UnparsedDocument[];
}
