export type CanonicalResourceUri = { ok: true; value: string } | { ok: false; reason: string };

/**
 * The canonical URI of an MCP server, the value of the `resource` parameter (MCP 2026-07-28
 * "Canonical Server URI", CITES.canonicalServerUri; RFC 8707 §2, CITES.resourceIndicators).
 *
 * - It must be an absolute http(s) URI without a fragment (RFC 8707 §2).
 * - Scheme and host are lower-cased, which the URL parser does, together with the other
 *   scheme-based normalisations of RFC 3986 §6.2.3 (default port dropped, dot segments removed).
 * - A bare origin loses its trailing slash: the spec prefers `https://mcp.example.com` to
 *   `https://mcp.example.com/`. A trailing slash after a path is kept, since it may matter.
 * - User credentials are refused: RFC 9110 §4.2.4 forbids sending userinfo in an http(s) URI,
 *   and this value travels to the authorization server.
 */
export function canonicalResourceUri(url: string): CanonicalResourceUri {
  if (typeof url !== 'string') return { ok: false, reason: 'The server URL must be a string.' };
  const text = url.trim();
  if (text === '') return { ok: false, reason: 'The server URL is empty.' };

  if (lacksScheme(text)) {
    return { ok: false, reason: `${quote(text)} has no scheme; put https:// in front of it.` };
  }
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { ok: false, reason: `${quote(text)} is not a valid absolute URI.` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return {
      ok: false,
      reason: `${quote(text)} uses the ${parsed.protocol.slice(0, -1)} scheme; an MCP server URI must be https (or http on a loopback host).`,
    };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return {
      ok: false,
      reason: `The server URL contains user credentials before "@"; remove them, they must never be sent in a URI.`,
    };
  }

  // An empty fragment ("…#") leaves `hash` empty, so look at the text itself.
  if (text.includes('#')) {
    return {
      ok: false,
      reason: `${quote(text)} contains a fragment; remove the "#" and everything after it (RFC 8707 §2).`,
    };
  }
  const value = parsed.pathname === '/' ? `${parsed.origin}${parsed.search}` : parsed.href;
  return { ok: true, value };
}

/**
 * RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":". A host and port such
 * as `localhost:3000` matches that grammar too, but nobody means `localhost` as a scheme.
 */
function lacksScheme(text: string): boolean {
  return !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) || /^[^:/?#]+:\d+(?:[/?#]|$)/.test(text);
}

/** The input as shown in a reason: quoted, and cut short so a pasted document stays readable. */
function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}
