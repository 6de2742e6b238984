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

const PRM_PREFIX = '/.well-known/oauth-protected-resource';
const OIDC_APPENDED_SUFFIX = '/.well-known/openid-configuration';

/**
 * A path a metadata URL may insert or be appended to: empty, or `/`-separated non-empty segments
 * that are not dot segments, not another `.well-known`, and hide no separator behind
 * percent-encoding (so the server cannot read it as a different path from the one checked here).
 */
function isPlainPath(path: string): boolean {
  if (path === '') return true;
  if (!path.startsWith('/')) return false;
  return path
    .slice(1)
    .split('/')
    .every(
      (segment) =>
        segment !== '' &&
        segment !== '.' &&
        segment !== '..' &&
        segment !== '.well-known' &&
        !/%(?:2f|5c|2e)/i.test(segment),
    );
}

/**
 * True when `url` has exactly the shape of a metadata URL that discovery builds, and nothing else:
 * - a well-known prefix at the root, then nothing or the resource's or issuer's path
 *   (RFC 9728 §3.1, RFC 8414 §3.1);
 * - OpenID Connect Discovery appended to an issuer's path (OpenID Connect Discovery 1.0 §4).
 * Only the protected resource form may carry a query, the server URL's own, which RFC 9728 §3.1
 * keeps; an issuer has no query (RFC 8414 §2), so neither do its metadata URLs. No fragment.
 */
export function isWellKnownMetadataUrl(url: URL): boolean {
  if (url.hash !== '') return false;
  const path = url.pathname;
  for (const prefix of WELL_KNOWN_METADATA_PREFIXES) {
    if (path !== prefix && !path.startsWith(`${prefix}/`)) continue;
    if (url.search !== '' && prefix !== PRM_PREFIX) return false;
    return isPlainPath(path.slice(prefix.length));
  }
  if (url.search !== '' || !path.endsWith(OIDC_APPENDED_SUFFIX)) return false;
  const issuerPath = path.slice(0, -OIDC_APPENDED_SUFFIX.length);
  return issuerPath !== '' && isPlainPath(issuerPath);
}

/**
 * True when `url`'s path lies under one of the well-known metadata prefixes, whatever follows it.
 * Looser than {@link isWellKnownMetadataUrl}: the relay accepts it only for a `resource_metadata`
 * URL that a probe of the same origin has just received in its challenge.
 */
export function isUnderWellKnownMetadataPath(url: URL): boolean {
  const path = url.pathname;
  return WELL_KNOWN_METADATA_PREFIXES.some(
    (prefix) => path === prefix || path.startsWith(`${prefix}/`),
  );
}

/**
 * The port a connection to `url` uses: its explicit port, or the scheme's default. Undefined for
 * port 0, which names no server (a connection library would quietly use the default instead).
 */
export function effectivePort(url: URL): number | undefined {
  if (url.port === '') return url.protocol === 'https:' ? 443 : 80;
  const port = Number(url.port);
  return Number.isInteger(port) && port > 0 && port <= 65_535 ? port : undefined;
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

/**
 * Every request to the relay must carry this header (any value). A link, a form or an image
 * cannot send a custom header, and a script on another origin must first pass a CORS preflight
 * that the relay answers only for the playground's origins.
 */
export const RELAY_REQUEST_HEADER = 'x-mcp-auth-relay-request';

/** The headers the playground sends with every relay request. */
export const RELAY_REQUEST_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  [RELAY_REQUEST_HEADER]: '1',
});

/**
 * A probe answer names, in this header, a ticket for the `resource_metadata` URL of the challenge
 * it received. A later fetch of that URL sends the ticket back in the same header: the relay
 * fetches a URL that only a challenge named for the caller that holds the ticket.
 */
export const RELAY_TICKET_HEADER = 'x-mcp-auth-relay-ticket';

export type RelayRefusalCode =
  | 'bad-url'
  | 'scheme'
  | 'credentials'
  | 'path'
  | 'address'
  | 'method'
  | 'origin'
  | 'not-json'
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
  'not-json',
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
