import type {
  Challenge,
  DiscoveryAttempt,
  DiscoveryFinding,
  Explanation,
  Finding,
  HttpExchange,
  ProfileId,
  RegistrationChoice,
  RegistrationMethod,
  Rotation,
  ScopeDecision,
  StepError,
  StepName,
  ToolSummary,
  FlowState,
} from '@mcp-auth-playground/core';

/** What the user sets before the flow starts. */
export interface FlowConfig {
  serverUrl: string;
  registration: RegistrationChoice;
  /** A client id registered with the authorization server beforehand. */
  clientId: string;
  /** The https URL of a Client ID Metadata Document. */
  cimdUrl: string;
  profile: ProfileId;
}

/** Tokens live in this page's memory only: never in storage, a URL or the log's export. */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  tokenType: string;
  expiresIn?: number;
  /** The scope the server says it granted; RFC 6749 §5.1 lets it leave this out. */
  scope?: string;
  receivedAt: number;
}

/**
 * A client secret and how to send it (RFC 6749 §2.3.1): given for a pre-registered confidential
 * client, or issued at Dynamic Client Registration. Memory only, like tokens.
 */
export interface ClientCredentials {
  clientSecret: string;
  /** The registered method; chosen from the server's list when the registration names none. */
  method?: 'client_secret_basic' | 'client_secret_post';
}

/**
 * What the client must remember across the redirect (MCP 2026-07-28 "Authorization Response
 * Validation"): the verifier, the state and the issuer the request went to.
 */
export interface PendingAuthorization {
  phase: 'main' | 'step-up';
  state: string;
  codeVerifier: string;
  issuer: string;
  redirectUri: string;
  authorizationUrl: string;
  /** The scope the request asked for, undefined when it sent none. */
  scope?: string;
}

export interface ProbeData {
  status?: number;
  wwwAuthenticate?: string;
  challenge?: Challenge;
  attempts: DiscoveryAttempt[];
  findings: DiscoveryFinding[];
}

export interface ResourceMetadataData {
  document?: unknown;
  url?: string;
  authorizationServers: string[];
  attempts: DiscoveryAttempt[];
  findings: DiscoveryFinding[];
}

export interface AuthServerMetadataData {
  issuer: string;
  document?: unknown;
  url?: string;
  attempts: DiscoveryAttempt[];
  findings: Finding[];
}

export interface RegistrationData {
  method: RegistrationMethod;
  reason: string;
  clientId: string;
  /** The metadata the decision reads (its grant_types), as registered or as published. */
  clientMetadata: Record<string, unknown>;
  notes: string[];
}

export interface ScopeData {
  decision: ScopeDecision;
  /** Where the flow runner adds prompt=consent on its own, and why. */
  promptNote?: string;
}

export interface AuthorizationRequestData {
  url: string;
  params: [string, string][];
  issuer: string;
  scope?: string;
  promptConsent: boolean;
  deviations: string[];
}

export interface AuthorizationResponseData {
  /** The callback's parameters, values of `code` hidden. */
  params: [string, string][];
  checks: string[];
}

export interface TokenData {
  /** The scope the authorization request asked for: the previous scope of a later step-up. */
  requestedScope?: string;
  grantedScope?: string;
  expiresIn?: number;
  tokenType: string;
  refreshTokenIssued: boolean;
  missingRefreshToken?: Explanation;
}

export interface McpData {
  serverName?: string;
  protocolVersion?: string;
  sessionId?: string;
  tools: ToolSummary[];
}

export interface RefreshData {
  rotation: Rotation;
  grantedScope?: string;
}

export interface WriteNoteData {
  /** Text the tool answered with, when the first call already succeeded. */
  result?: string;
  status?: number;
  challenge?: Challenge;
  decision?: ScopeDecision;
  previousScope?: string;
  /** How this profile combines the old scope with the challenge's. */
  combination?: 'union' | 'replacement';
}

export interface WriteNoteRetryData {
  result: string;
}

export interface StepDataMap {
  probe?: ProbeData;
  'resource-metadata'?: ResourceMetadataData;
  'authorization-server-metadata'?: AuthServerMetadataData;
  registration?: RegistrationData;
  scope?: ScopeData;
  'authorization-request'?: AuthorizationRequestData;
  'authorization-response'?: AuthorizationResponseData;
  token?: TokenData;
  mcp?: McpData;
  refresh?: RefreshData;
  'write-note'?: WriteNoteData;
  'step-up-authorization-request'?: AuthorizationRequestData;
  'step-up-authorization-response'?: AuthorizationResponseData;
  'step-up-token'?: TokenData;
  'write-note-retry'?: WriteNoteRetryData;
}

/** Everything the flow view renders. */
export interface FlowSnapshot {
  config: FlowConfig;
  machine: FlowState;
  data: StepDataMap;
  /** Every exchange, in order, as made (secrets included): redacted when displayed. */
  log: HttpExchange[];
  tokens?: TokenSet;
  /** A sentence about the session itself, e.g. that a saved flow could not be read. */
  notice?: string;
}

export type StepDataOf<S extends StepName> = S extends keyof StepDataMap
  ? NonNullable<StepDataMap[S]>
  : never;

/** What a step's work hands back to the session. */
export interface StepOutput {
  data?: StepDataMap;
  /** New tokens; `null` forgets the ones held. */
  tokens?: TokenSet | null;
  /**
   * A secret issued at registration, when the driver keeps secrets (`confidential`); `null`
   * forgets the one held (a new authorization server must not see another's secret).
   */
  credentials?: ClientCredentials | null;
  pending?: PendingAuthorization | null;
  /** Leave the page for this URL (the authorization endpoint); the step finishes on return. */
  redirect?: string;
  endPhase?: boolean;
}

/** A step ended in a way the user can act on. */
export class StepFailure extends Error {
  constructor(
    readonly error: StepError,
    /** What the step found before it failed, shown beside the error. */
    readonly data?: StepDataMap,
  ) {
    super(error.message);
    this.name = 'StepFailure';
  }
}
