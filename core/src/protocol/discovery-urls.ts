import { CITES, type Cite } from '../cite.ts';
import { findChallenge, parseWwwAuthenticate } from './www-authenticate.ts';

/** One URL a client fetches while discovering metadata, in the order it tries them. */
export interface DiscoveryCandidate {
  url: string;
  /** Why this URL is tried, in plain English. */
  reason: string;
  cite: Cite;
}

const PRM_SUFFIX = '/.well-known/oauth-protected-resource';
const OAUTH_AS_SUFFIX = '/.well-known/oauth-authorization-server';
const OIDC_SUFFIX = '/.well-known/openid-configuration';

function parseHttpUrl(text: unknown): URL | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The path with one trailing slash removed; '' for a URL at the root. */
function pathWithoutTrailingSlash(url: URL): string {
  return url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
}

/**
 * The `resource_metadata` URL of the Bearer challenge (RFC 9728 §5.1), when it is an absolute
 * http(s) URL. A fetch never sends a fragment, so none is kept.
 */
function challengeMetadataUrl(wwwAuthenticate: string | undefined): URL | undefined {
  if (typeof wwwAuthenticate !== 'string') return undefined;
  const bearer = findChallenge(parseWwwAuthenticate(wwwAuthenticate), 'Bearer');
  const url = parseHttpUrl(bearer?.params['resource_metadata']);
  if (url) url.hash = '';
  return url;
}

function pushUnique(list: DiscoveryCandidate[], candidate: DiscoveryCandidate): void {
  if (!list.some((existing) => existing.url === candidate.url)) list.push(candidate);
}

/**
 * Where a client looks for the Protected Resource Metadata of `serverUrl`, in order
 * (MCP 2026-07-28 "Protected Resource Metadata Discovery Requirements"):
 * 1. the `resource_metadata` URL of the Bearer challenge;
 * 2. the well-known URL with the server's path inserted after the host (RFC 9728 §3.1), which
 *    keeps the server URL's query, as RFC 9728 §3.1 and the MCP SDKs do;
 * 3. the well-known URL at the root, which the SDKs build without the query.
 * A server at the root has only one well-known URL, with its query. Total: an unusable server
 * URL yields only the challenge's URL, or nothing.
 */
export function resourceMetadataCandidates(
  serverUrl: string,
  wwwAuthenticate?: string,
): DiscoveryCandidate[] {
  const candidates: DiscoveryCandidate[] = [];
  const fromChallenge = challengeMetadataUrl(wwwAuthenticate);
  if (fromChallenge) {
    candidates.push({
      url: fromChallenge.href,
      reason: "From the challenge's resource_metadata parameter, which a client uses first.",
      cite: CITES.prmChallenge,
    });
  }

  const server = parseHttpUrl(serverUrl);
  if (!server) return candidates;
  const fallback = fromChallenge ? ' Tried only if the URL from the challenge fails.' : '';
  const query = server.search;
  const path = pathWithoutTrailingSlash(server);

  if (path !== '') {
    pushUnique(candidates, {
      url: `${server.origin}${PRM_SUFFIX}${path}${query}`,
      reason:
        `Path-inserted well-known URL: the well-known path goes between the host and the server's path ${path}` +
        (query ? `, and the server URL's query ${query} is kept, as the MCP SDKs do.` : '.') +
        fallback,
      cite: CITES.prmWellKnown,
    });
    pushUnique(candidates, {
      url: `${server.origin}${PRM_SUFFIX}`,
      reason:
        'Root well-known URL, tried when the path-inserted URL is not found' +
        (query ? '; the MCP SDKs build it without the query.' : '.') +
        fallback,
      cite: CITES.prmDiscovery,
    });
  } else {
    pushUnique(candidates, {
      url: `${server.origin}${PRM_SUFFIX}${query}`,
      reason:
        'Root well-known URL: the server is at the root, so there is no path to insert' +
        (query ? `; the server URL's query ${query} is kept, as the MCP SDKs do.` : '.') +
        fallback,
      cite: CITES.prmWellKnown,
    });
  }
  return candidates;
}

/** The URLs of {@link resourceMetadataCandidates}, in order. */
export function resourceMetadataUrls(serverUrl: string, wwwAuthenticate?: string): string[] {
  return resourceMetadataCandidates(serverUrl, wwwAuthenticate).map((candidate) => candidate.url);
}

/**
 * Where a client looks for the metadata of the authorization server `issuer`, in the order
 * MCP 2026-07-28 "Authorization Server Metadata Discovery" requires: RFC 8414 with the path
 * inserted, then OpenID Connect Discovery with the path inserted (RFC 8414 §5), then OpenID
 * Connect Discovery with the path appended. A trailing slash on the issuer's path is removed
 * first; an issuer without a path has two URLs. Total: an unusable issuer yields nothing.
 */
export function authServerMetadataCandidates(issuer: string): DiscoveryCandidate[] {
  const url = parseHttpUrl(issuer);
  if (!url) return [];
  const path = pathWithoutTrailingSlash(url);
  // RFC 8414 §2: an issuer has no query or fragment, so the SDKs build these URLs from the
  // origin and path alone.
  const dropped =
    url.search || url.hash
      ? ' The issuer\u2019s query and fragment are left out: an issuer identifier has neither (RFC 8414 §2).'
      : '';

  if (path === '') {
    return [
      {
        url: `${url.origin}${OAUTH_AS_SUFFIX}`,
        reason: `OAuth 2.0 Authorization Server Metadata at the root.${dropped}`,
        cite: CITES.authServerWellKnown,
      },
      {
        url: `${url.origin}${OIDC_SUFFIX}`,
        reason: `OpenID Connect Discovery at the root, tried next.${dropped}`,
        cite: CITES.oidcDiscovery,
      },
    ];
  }
  return [
    {
      url: `${url.origin}${OAUTH_AS_SUFFIX}${path}`,
      reason: `OAuth 2.0 Authorization Server Metadata with the issuer's path ${path} inserted after the host.${dropped}`,
      cite: CITES.authServerWellKnown,
    },
    {
      url: `${url.origin}${OIDC_SUFFIX}${path}`,
      reason: `OpenID Connect Discovery with the issuer's path inserted after the host, the RFC 8414 form.${dropped}`,
      cite: CITES.authServerCompatibility,
    },
    {
      url: `${url.origin}${path}${OIDC_SUFFIX}`,
      reason: `OpenID Connect Discovery appended to the issuer's path, the OpenID Connect form.${dropped}`,
      cite: CITES.oidcDiscovery,
    },
  ];
}

/** The URLs of {@link authServerMetadataCandidates}, in order. */
export function authServerMetadataUrls(issuer: string): string[] {
  return authServerMetadataCandidates(issuer).map((candidate) => candidate.url);
}
