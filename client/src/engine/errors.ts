import type { Cite, Finding, StepError, StepName } from '@mcp-auth-playground/core';

/**
 * Why a run or a discovery stopped, as a stable code a program can branch on; `reason` keeps
 * the step's own, finer code (e.g. `state-mismatch`, `invalid_grant`).
 * - `invalid-input`: the options given cannot work (a server URL that is not one, no client id).
 * - `unreachable`: no HTTP answer (name, connection or TLS failure).
 * - `timeout`: no answer in time.
 * - `redirect-loop`: redirects that never ended.
 * - `not-json`: an answer that should be JSON is not (an HTML page, say).
 * - `too-large`: an answer over the size the engine reads.
 * - `http-error`: an HTTP status that ends the step (404 for every metadata URL, 500, a refused token).
 * - `protocol-violation`: an answer that breaks a rule of MCP or OAuth (issuer mismatch, a
 *   response whose state or iss does not match, no PKCE S256), or an authorization server that
 *   refused the request (access_denied, invalid_grant).
 * - `cancelled`: the caller aborted.
 * - `internal`: a fault in the engine itself; the message says what happened.
 */
export type EngineErrorCode =
  | 'invalid-input'
  | 'unreachable'
  | 'timeout'
  | 'redirect-loop'
  | 'not-json'
  | 'too-large'
  | 'http-error'
  | 'protocol-violation'
  | 'cancelled'
  | 'internal';

export interface EngineError {
  code: EngineErrorCode;
  /** One or two plain sentences: what happened and what to try. */
  message: string;
  /** The step that stopped, when one did. */
  step?: StepName;
  /** The step's own code for it, as the browser's step card shows it. */
  reason: string;
  /** The URL the problem was seen at, when one is known. */
  url?: string;
  cite?: Cite;
}

const BY_FINDING: Readonly<Record<string, EngineErrorCode>> = {
  'discovery/invalid-server-url': 'invalid-input',
  'discovery/unreachable': 'unreachable',
  'discovery/timeout': 'timeout',
  'discovery/not-json': 'not-json',
  'discovery/too-large': 'too-large',
  'discovery/cancelled': 'cancelled',
  'discovery/issuer-mismatch': 'protocol-violation',
};

const BY_REASON: Readonly<Record<string, EngineErrorCode>> = {
  'invalid-server-url': 'invalid-input',
  'missing-client-id': 'invalid-input',
  'invalid-cimd-url': 'invalid-input',
  'ask-user': 'invalid-input',
  'cimd-not-supported': 'invalid-input',
  'dcr-not-supported': 'invalid-input',
  network: 'unreachable',
  unreachable: 'unreachable',
  cancelled: 'cancelled',
  aborted: 'cancelled',
  'token-rejected': 'http-error',
  'step-up-exhausted': 'http-error',
  'not-protected': 'protocol-violation',
};

/** What an engine-side transport failure was, when the engine's fetch saw it (see transport.ts). */
export type TransportFailureKind = 'redirect-loop' | 'unreachable' | 'timeout';

/**
 * The engine's code for a step's error: the first error finding says most (a metadata URL that
 * answered HTML is `not-json`, not just "no metadata"), then the step's own code.
 */
export function engineErrorOf(
  step: StepName | undefined,
  error: StepError,
  options: { findings?: readonly Finding[]; transport?: TransportFailureKind } = {},
): EngineError {
  const first = options.findings?.find((finding) => finding.severity === 'error');
  let code: EngineErrorCode =
    (first && BY_FINDING[first.id]) ??
    BY_REASON[error.code] ??
    (/^http-\d+$/.test(error.code) ? 'http-error' : 'protocol-violation');
  if (code === 'unreachable' && options.transport === 'redirect-loop') code = 'redirect-loop';
  const url = first && 'url' in first && typeof first.url === 'string' ? first.url : undefined;
  return {
    code,
    message: error.message,
    ...(step ? { step } : {}),
    reason: error.code,
    ...(url ? { url } : {}),
    ...(error.cite ? { cite: error.cite } : {}),
  };
}

/** An error no step explains (a fault in the engine); never a raw exception past the API. */
export function internalError(step: StepName | undefined, error: unknown): EngineError {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `The engine hit an error it cannot explain: ${detail}.`,
    ...(step ? { step } : {}),
    reason: 'unexpected',
  };
}
