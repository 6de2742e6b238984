// The fixed requests discovery sends, and the contract between the discovery runner and the
// local metadata relay. Both sides import these, so the relay can refuse anything else.

/**
 * The body of the unauthenticated MCP request: a JSON-RPC `initialize` that any Streamable HTTP
 * server accepts as a first message. A server that requires authorization answers it with 401
 * and its challenge (MCP 2026-07-28 "Authorization Flow Steps"). It carries no user data.
 */
export const INITIALIZE_REQUEST_BODY = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 'mcp-auth-playground-discovery', version: '1.0.0' },
  },
});

/** Headers of the unauthenticated request, as a Streamable HTTP client sends them. */
export const INITIALIZE_REQUEST_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
});

/** Header of every metadata request. */
export const METADATA_REQUEST_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  accept: 'application/json',
});

export const DEFAULT_MAX_BYTES = 1_000_000;
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The well-known path prefixes whose documents the relay may fetch. */
export const WELL_KNOWN_METADATA_PREFIXES = [
  '/.well-known/oauth-protected-resource',
  '/.well-known/oauth-authorization-server',
  '/.well-known/openid-configuration',
] as const;

const OIDC_APPENDED_SUFFIX = '/.well-known/openid-configuration';

/**
 * True when `url` is one of the metadata URLs discovery builds: a well-known prefix at the
 * root, followed by nothing or by a path (RFC 9728 §3.1, RFC 8414 §3.1), or OpenID Connect
 * Discovery appended to an issuer's path (OpenID Connect Discovery 1.0 §4).
 */
export function isWellKnownMetadataUrl(url: URL): boolean {
  const path = url.pathname;
  const inserted = WELL_KNOWN_METADATA_PREFIXES.some(
    (prefix) => path === prefix || path.startsWith(`${prefix}/`),
  );
  return inserted || path.endsWith(OIDC_APPENDED_SUFFIX);
}

/** Paths of the relay, served by the local testbed only. */
export const RELAY_PATHS = {
  /** `GET ?url=…`: fetch a metadata document. */
  fetch: '/relay',
  /** `POST ?url=…`: send the fixed initialize request to an MCP server URL. */
  probe: '/relay/probe',
  /** `GET`: answers 200 when the relay is there. */
  health: '/relay/health',
} as const;

/** Set on every relay answer: `relayed` when it forwards the server's, `refused` otherwise. */
export const RELAY_MARKER_HEADER = 'x-mcp-auth-relay';

export type RelayRefusalCode =
  | 'bad-url'
  | 'scheme'
  | 'credentials'
  | 'path'
  | 'address'
  | 'method'
  | 'origin'
  | 'redirects'
  | 'too-large'
  | 'timeout'
  | 'unreachable';

/** Body of a relay refusal (`RELAY_MARKER_HEADER: refused`). */
export interface RelayRefusal {
  error: RelayRefusalCode;
  message: string;
}

const REFUSAL_CODES: ReadonlySet<string> = new Set<RelayRefusalCode>([
  'bad-url',
  'scheme',
  'credentials',
  'path',
  'address',
  'method',
  'origin',
  'redirects',
  'too-large',
  'timeout',
  'unreachable',
]);

/** Reads a refusal body; anything else becomes a generic refusal, so a relay bug cannot throw. */
export function parseRelayRefusal(text: string): RelayRefusal {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) {
      const { error, message } = value as Record<string, unknown>;
      if (typeof error === 'string' && REFUSAL_CODES.has(error) && typeof message === 'string') {
        return { error: error as RelayRefusalCode, message };
      }
    }
  } catch {
    // falls through to the generic refusal
  }
  return { error: 'bad-url', message: 'The relay refused the request without saying why.' };
}

export function relayUrl(origin: string, kind: 'fetch' | 'probe', target: string): string {
  const url = new URL(RELAY_PATHS[kind], origin);
  url.searchParams.set('url', target);
  return url.href;
}
