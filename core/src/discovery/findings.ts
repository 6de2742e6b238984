import { CITES, type Cite } from '../cite.ts';
import type { DocumentSubject, Finding } from '../types.ts';
import type { DiscoveryFinding, DiscoveryStep } from './types.ts';
import type { RelayRefusal } from './wire.ts';

// The problems discovery reports, each a Finding a server author can act on. Messages name the
// URL and say what to change; the ids are stable so the UI and tests can refer to them.

function finding(
  id: string,
  severity: Finding['severity'],
  subject: DocumentSubject,
  message: string,
  cite: Cite | undefined,
  url?: string,
): DiscoveryFinding {
  const result: DiscoveryFinding = { id, severity, subject, message };
  if (cite) result.cite = cite;
  if (url !== undefined) result.url = url;
  return result;
}

export function subjectOf(step: DiscoveryStep): DocumentSubject {
  if (step === 'challenge') return 'www-authenticate';
  return step === 'resource-metadata' ? 'resource-metadata' : 'auth-server-metadata';
}

function kilobytes(bytes: number): string {
  return bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1000)} kB`;
}

export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/**
 * Keeps the first unreachable finding of each origin: a host that refuses a connection refuses
 * them all, and one line says so better than one per URL.
 */
export function oncePerUnreachableOrigin(
  findings: readonly DiscoveryFinding[],
): DiscoveryFinding[] {
  const seen = new Set<string>();
  return findings.filter((found) => {
    if (found.id !== 'discovery/unreachable' || found.url === undefined) return true;
    const origin = new URL(found.url).origin;
    if (seen.has(origin)) return false;
    seen.add(origin);
    return true;
  });
}

export function invalidServerUrl(serverUrl: string, reason: string): DiscoveryFinding {
  return finding(
    'discovery/invalid-server-url',
    'error',
    'server-url',
    `Discovery needs the MCP server's full URL: ${reason}`,
    CITES.canonicalServerUri,
    serverUrl,
  );
}

/** The browser could not read the answer because the server sent no CORS headers. */
export function corsBlocked(step: DiscoveryStep, url: string, relayed: boolean): DiscoveryFinding {
  const origin = new URL(url).origin;
  const workaround = relayed
    ? ' The local relay read it instead, which a hosted client cannot do.'
    : '';
  const message =
    step === 'challenge'
      ? `Your MCP server at ${origin} answers without CORS headers, so a browser-based client cannot read its 401: answer the preflight OPTIONS with Access-Control-Allow-Origin, Access-Control-Allow-Methods: POST and Access-Control-Allow-Headers: Content-Type, Authorization, Mcp-Protocol-Version, Mcp-Session-Id, and send Access-Control-Allow-Origin and Access-Control-Expose-Headers: WWW-Authenticate on the 401 itself.${workaround}`
      : `${url} is served without CORS headers, so a browser-based client cannot read it: send Access-Control-Allow-Origin: * (or the client's origin) on this metadata response.${workaround}`;
  return finding('discovery/cors', 'error', subjectOf(step), message, CITES.corsProtocol, url);
}

/** A cross-origin 401 whose WWW-Authenticate the relay saw but the browser could not. */
export function challengeHeaderNotExposed(url: string): DiscoveryFinding {
  return finding(
    'discovery/challenge-not-exposed',
    'error',
    'www-authenticate',
    `Your 401 carries a WWW-Authenticate header that browsers are not allowed to read: add Access-Control-Expose-Headers: WWW-Authenticate to the 401 response from ${url}.`,
    CITES.corsProtocol,
    url,
  );
}

/** A cross-origin 401 without a readable WWW-Authenticate, and no relay to tell why. */
export function challengeHeaderUnreadable(url: string): DiscoveryFinding {
  return finding(
    'discovery/challenge-unreadable',
    'warning',
    'www-authenticate',
    `The browser sees no WWW-Authenticate on the 401 from ${url}: send one (Bearer with resource_metadata), and if you already do, add Access-Control-Expose-Headers: WWW-Authenticate so browser-based clients can read it.`,
    CITES.corsProtocol,
    url,
  );
}

export function challengeHeaderMissing(url: string): DiscoveryFinding {
  return finding(
    'discovery/challenge-missing',
    'warning',
    'www-authenticate',
    `Your 401 from ${url} has no WWW-Authenticate header: send WWW-Authenticate: Bearer resource_metadata="…" with your Protected Resource Metadata URL, so clients need not guess well-known URLs.`,
    CITES.prmChallenge,
    url,
  );
}

export function notUnauthorized(url: string, status: number): DiscoveryFinding {
  const message =
    status >= 200 && status < 300
      ? `${url} answered ${status} to a request without a token, so it does not require authorization and clients will never start OAuth against it; answer 401 with a WWW-Authenticate challenge if it should be protected.`
      : `${url} answered ${status} to an unauthenticated MCP initialize request where clients expect 401 with a WWW-Authenticate challenge; check that this is your MCP endpoint and that it answers 401 without a token.`;
  return finding('discovery/not-401', 'warning', 'server-url', message, CITES.flowSteps, url);
}

/** Every Protected Resource Metadata URL answered 404. */
export function noResourceMetadata(
  serverUrl: string,
  urls: readonly string[],
  recommended: string,
): DiscoveryFinding {
  const origin = new URL(serverUrl).origin;
  const list = urls.join(', ');
  return finding(
    'discovery/no-resource-metadata',
    'error',
    'resource-metadata',
    `Every Protected Resource Metadata URL answered 404 (${list}), so this server does not implement RFC 9728: serve the document at ${recommended}; until then a client following the spec cannot discover your authorization server and stops (or uses values configured by hand), while some clients, such as the MCP TypeScript SDK, fall back to the older behaviour of treating ${origin} itself as the authorization server.`,
    CITES.prmDiscovery,
    urls[0],
  );
}

/** No PRM URL served a document, for reasons other than (only) 404. */
export function resourceMetadataUnavailable(
  statuses: readonly { url: string; status: number }[],
): DiscoveryFinding {
  const list = statuses.map(({ url, status }) => `${url} → ${status}`).join(', ');
  const protectedOne = statuses.find(({ status }) => status === 401 || status === 403);
  const advice = protectedOne
    ? `serve it without requiring a token (${protectedOne.url} answered ${protectedOne.status}), since a client reads it before it has one`
    : 'serve it with status 200 at one of these URLs';
  return finding(
    'discovery/resource-metadata-unavailable',
    'error',
    'resource-metadata',
    `No Protected Resource Metadata was served (${list}): ${advice}.`,
    CITES.prmDiscovery,
    statuses[0]?.url,
  );
}

/** The challenge named a metadata URL that failed, while a well-known URL worked. */
export function challengeUrlBroken(challengeUrl: string, foundAt: string): DiscoveryFinding {
  return finding(
    'discovery/challenge-url-broken',
    'warning',
    'www-authenticate',
    `The resource_metadata URL in your challenge (${challengeUrl}) did not serve the metadata, which was found at ${foundAt} instead: clients use the challenge's URL first and many stop there, so point resource_metadata at ${foundAt}.`,
    CITES.prmChallenge,
    challengeUrl,
  );
}

export function notJson(
  step: DiscoveryStep,
  url: string,
  contentType: string | null,
  detail: string,
): DiscoveryFinding {
  const served = contentType ? `a ${contentType} body` : 'a body';
  return finding(
    'discovery/not-json',
    'error',
    subjectOf(step),
    `${url} served ${served} that is not a JSON object (${detail}): serve the metadata as a JSON object with Content-Type: application/json.`,
    step === 'resource-metadata' ? CITES.prmWellKnown : CITES.authServerWellKnown,
    url,
  );
}

export function tooLarge(
  step: DiscoveryStep,
  url: string,
  bytes: number,
  maxBytes: number,
): DiscoveryFinding {
  return finding(
    'discovery/too-large',
    'error',
    subjectOf(step),
    `${url} sent more than ${kilobytes(maxBytes)} (at least ${kilobytes(bytes)}), so discovery stopped reading it: a metadata document should be a few kilobytes, so check that this URL serves the metadata and nothing else.`,
    CITES.securityConsiderations,
    url,
  );
}

export function timedOut(step: DiscoveryStep, url: string, timeoutMs: number): DiscoveryFinding {
  return finding(
    'discovery/timeout',
    'error',
    subjectOf(step),
    `${url} did not answer within ${seconds(timeoutMs)}: check that the server is running and reachable, and that this URL answers promptly without waiting on a stream.`,
    undefined,
    url,
  );
}

export function unreachable(step: DiscoveryStep, url: string, detail: string): DiscoveryFinding {
  return finding(
    'discovery/unreachable',
    'error',
    subjectOf(step),
    `${url} could not be reached (${detail}): check the host name and port, that the server is running, and that its TLS certificate is valid.`,
    undefined,
    url,
  );
}

export function relayRefused(
  step: DiscoveryStep,
  url: string,
  refusal: RelayRefusal,
): DiscoveryFinding {
  return finding(
    'discovery/relay-refused',
    'warning',
    subjectOf(step),
    `The browser could not read ${url}, and the local relay refused to fetch it: ${refusal.message}`,
    CITES.corsProtocol,
    url,
  );
}

export function noAuthorizationServers(url: string | undefined): DiscoveryFinding {
  return finding(
    'discovery/no-authorization-servers',
    'error',
    'resource-metadata',
    'Your Protected Resource Metadata lists no authorization server: add "authorization_servers" with at least one issuer URL, since that is how a client finds where to authorize.',
    CITES.authServerDiscovery,
    url,
  );
}

export function unusableIssuer(issuer: string): DiscoveryFinding {
  return finding(
    'discovery/unusable-issuer',
    'error',
    'resource-metadata',
    `The authorization server ${JSON.stringify(issuer)} in authorization_servers is not an http(s) URL, so no metadata URL can be built from it: list the issuer URL exactly as the authorization server states it.`,
    CITES.authServerDiscovery,
  );
}

export function issuerMismatch(issuer: string, url: string, served: unknown): DiscoveryFinding {
  const said =
    typeof served === 'string'
      ? `says "issuer": ${JSON.stringify(served)}`
      : 'has no "issuer" string';
  return finding(
    'discovery/issuer-mismatch',
    'error',
    'auth-server-metadata',
    `${url} ${said}, but it was fetched for the issuer ${JSON.stringify(issuer)}, and a client must not use metadata whose issuer differs even by a slash: make "issuer" and the authorization_servers entry the identical string.`,
    CITES.authServerDiscovery,
    url,
  );
}

export function noAuthServerMetadata(
  issuer: string,
  statuses: readonly { url: string; status: number }[],
): DiscoveryFinding {
  const list = statuses.map(({ url, status }) => `${url} → ${status}`).join(', ');
  return finding(
    'discovery/no-auth-server-metadata',
    'error',
    'auth-server-metadata',
    `No authorization server metadata was served for ${issuer} (${list}): serve RFC 8414 metadata at ${statuses[0]?.url ?? 'its well-known URL'} (or OpenID Connect Discovery), since a client cannot build an authorization request without it.`,
    CITES.authServerDiscovery,
    statuses[0]?.url,
  );
}

export function cancelled(): DiscoveryFinding {
  return finding(
    'discovery/cancelled',
    'info',
    'server-url',
    'Discovery was cancelled; what was found before that is kept.',
    undefined,
  );
}
