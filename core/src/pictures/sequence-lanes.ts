import type { HttpExchange } from '../flow/http-log.ts';
import type { StepName } from '../flow/steps.ts';
import { authServerMetadataUrls, resourceMetadataUrls } from '../protocol/discovery-urls.ts';
import { isJsonObject } from '../schemas/lenient.ts';

/** The three parties of an MCP authorization flow, left to right in a sequence diagram. */
export type SequenceLane = 'client' | 'mcp-server' | 'authorization-server';

export const SEQUENCE_LANES: readonly SequenceLane[] = [
  'client',
  'mcp-server',
  'authorization-server',
];

/** One authorization server the flow knows about. */
export interface KnownAuthServer {
  issuer: string;
  /** Its metadata document as served; every `*_endpoint` URL and `jwks_uri` in it is its own. */
  metadata?: unknown;
  /** The URL the metadata was read from, when it was found. */
  metadataUrl?: string;
}

/** What the flow knows about the parties, from which an exchange's lane follows. */
export interface SequenceParties {
  /** The MCP server URL the flow started from. */
  serverUrl?: string;
  /** The WWW-Authenticate header of the server's challenge; its resource_metadata URL is the server's. */
  wwwAuthenticate?: string;
  /** The URL the protected resource metadata was read from. */
  resourceMetadataUrl?: string;
  authServers?: readonly KnownAuthServer[];
  /** The playground's own origin: a navigation there is the authorization server redirecting back. */
  clientOrigin?: string;
}

export type ArrowOutcome = 'ok' | 'challenge' | 'error' | 'navigation' | 'pending';

/** One HTTP exchange as an arrow between two lanes. */
export interface SequenceArrow {
  /** The exchange's id in the log. */
  id: string;
  step: StepName;
  from: SequenceLane;
  to: SequenceLane;
  method: string;
  /** The request's path; the host too when the URL belongs to none of the known parties. */
  path: string;
  /** The status code, or what happened instead ('navigation', 'CORS', 'network', …). */
  status: string;
  outcome: ArrowOutcome;
  /** True when the URL belongs to none of the known parties (drawn on the client's lane). */
  unknownParty: boolean;
}

function parseUrl(text: string | undefined): URL | undefined {
  if (text === undefined) return undefined;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** The URL without query or fragment: what identifies an endpoint. */
function endpointOf(text: string | undefined): string | undefined {
  const url = parseUrl(text);
  if (!url) return undefined;
  return `${url.origin}${url.pathname}`;
}

/** The endpoint URLs an authorization server's metadata names as its own. */
function metadataEndpoints(metadata: unknown): string[] {
  if (!isJsonObject(metadata)) return [];
  return Object.entries(metadata)
    .filter(
      ([name, value]) =>
        typeof value === 'string' && (name.endsWith('_endpoint') || name === 'jwks_uri'),
    )
    .map(([, value]) => endpointOf(value as string))
    .filter((url): url is string => url !== undefined);
}

/** Whether `url` is `base` or lies under it, on a path-segment boundary. */
function isUnder(url: URL, base: URL): boolean {
  if (url.origin !== base.origin) return false;
  const root = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  return url.pathname === base.pathname || url.pathname.startsWith(root);
}

/**
 * Which party a request URL belongs to, or undefined when it is none of the known ones. Exact
 * endpoints decide first, because on a test server (or behind one gateway) the MCP server and
 * the authorization server can share an origin; then paths under the issuer; then the origins.
 */
export function exchangeLane(url: string, parties: SequenceParties): SequenceLane | undefined {
  const target = parseUrl(url);
  if (!target) return undefined;
  const endpoint = `${target.origin}${target.pathname}`;
  const authServers = parties.authServers ?? [];

  const authServerEndpoints = new Set(
    authServers.flatMap((server) => [
      ...metadataEndpoints(server.metadata),
      ...authServerMetadataUrls(server.issuer),
      ...[endpointOf(server.metadataUrl)].filter((found) => found !== undefined),
    ]),
  );
  if (authServerEndpoints.has(endpoint)) return 'authorization-server';

  const serverUrl = parties.serverUrl;
  const mcpEndpoints = new Set(
    [
      endpointOf(serverUrl),
      endpointOf(parties.resourceMetadataUrl),
      ...(serverUrl === undefined ? [] : resourceMetadataUrls(serverUrl, parties.wwwAuthenticate)),
    ]
      .map((found) => endpointOf(found))
      .filter((found) => found !== undefined),
  );
  if (mcpEndpoints.has(endpoint)) return 'mcp-server';

  const issuers = authServers.map((server) => parseUrl(server.issuer)).filter((found) => !!found);
  if (issuers.some((issuer) => isUnder(target, issuer))) return 'authorization-server';
  const server = parseUrl(serverUrl);
  if (server && isUnder(target, server)) return 'mcp-server';
  if (
    parties.clientOrigin !== undefined &&
    target.origin === parseUrl(parties.clientOrigin)?.origin
  ) {
    return 'client';
  }
  if (server && target.origin === server.origin) return 'mcp-server';
  if (issuers.some((issuer) => issuer.origin === target.origin)) return 'authorization-server';
  return undefined;
}

function statusOf(exchange: HttpExchange): string {
  // A no-cors request gets an opaque answer: the server replied, the page may not see how.
  if (exchange.response)
    return exchange.response.status === 0 ? 'opaque' : String(exchange.response.status);
  if (exchange.failure) return exchange.failure.kind === 'cors' ? 'CORS' : exchange.failure.kind;
  return exchange.kind === 'navigation' ? 'navigation' : '…';
}

function hasBearerChallenge(exchange: HttpExchange): boolean {
  return (exchange.response?.headers ?? []).some(
    ([name, value]) => name.toLowerCase() === 'www-authenticate' && /^\s*bearer\b/i.test(value),
  );
}

function outcomeOf(exchange: HttpExchange, to: SequenceLane): ArrowOutcome {
  if (exchange.failure) return 'error';
  const response = exchange.response;
  if (!response) return exchange.kind === 'navigation' ? 'navigation' : 'pending';
  if (response.status < 400) return 'ok';
  // A protected MCP server's 401, or a 403 asking for more scope, is the flow working as designed.
  const challenged =
    to === 'mcp-server' &&
    (response.status === 401 || response.status === 403) &&
    hasBearerChallenge(exchange);
  return challenged ? 'challenge' : 'error';
}

/**
 * One arrow per exchange of the flow's HTTP log, in the log's order. A request goes from the
 * browser client to the party its URL belongs to; a navigation back to the client's own origin
 * is the authorization server redirecting the browser there, so it runs the other way.
 */
export function sequenceArrows(
  log: readonly HttpExchange[],
  parties: SequenceParties,
): SequenceArrow[] {
  return log.map((exchange) => {
    const lane = exchangeLane(exchange.request.url, parties);
    const url = parseUrl(exchange.request.url);
    const redirectBack = exchange.kind === 'navigation' && lane === 'client';
    const from: SequenceLane = redirectBack ? 'authorization-server' : 'client';
    const to: SequenceLane = redirectBack ? 'client' : (lane ?? 'client');
    const path = url
      ? lane === undefined
        ? `${url.host}${url.pathname}`
        : url.pathname
      : exchange.request.url;
    return {
      id: exchange.id,
      step: exchange.step,
      from,
      to,
      method: exchange.request.method,
      path,
      status: statusOf(exchange),
      outcome: outcomeOf(exchange, to),
      unknownParty: lane === undefined,
    };
  });
}
