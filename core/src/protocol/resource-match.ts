import { CITES } from '../cite.ts';
import type { Cite } from '../cite.ts';
import { canonicalResourceUri } from './resource-uri.ts';
import type { CanonicalResourceUri } from './resource-uri.ts';

const WELL_KNOWN = '/.well-known/oauth-protected-resource';

export type ResourceMatch = { ok: true } | { ok: false; message: string; cite: Cite };

/**
 * The resource identifier a well-known metadata URL was built from (RFC 9728 §3.1): the origin
 * plus whatever path follows the well-known prefix. Undefined for any other URL, such as a
 * challenge's `resource_metadata` at a path of the server's choosing.
 */
function identifierOfWellKnown(metadataUrl: string | undefined): string | undefined {
  if (metadataUrl === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(metadataUrl);
  } catch {
    return undefined;
  }
  if (url.pathname !== WELL_KNOWN && !url.pathname.startsWith(`${WELL_KNOWN}/`)) return undefined;
  return `${url.origin}${url.pathname.slice(WELL_KNOWN.length)}`;
}

/** Whether `inner` is `outer` or lies under it: same origin, and `outer`'s path as a path prefix. */
function isWithin(inner: string, outer: string): boolean {
  const a = new URL(inner);
  const b = new URL(outer);
  if (a.origin !== b.origin) return false;
  const prefix = b.pathname.endsWith('/') ? b.pathname : `${b.pathname}/`;
  return a.pathname === b.pathname || b.pathname === '/' || a.pathname.startsWith(prefix);
}

/**
 * Whether a client may use Protected Resource Metadata for the MCP server at `serverUrl`
 * (RFC 9728 §3.3, MCP 2026-07-28 "Protected Resource Metadata Discovery"). Its `resource` must
 * be the server's canonical URI, or the identifier the well-known URL it came from was built
 * from when the server lies under it (metadata at the host's root describing the whole host).
 * Anything else describes another resource, and the client must not use it: a token obtained
 * with it would be for whatever the document names. A document without `resource` passes here.
 */
export function checkResourceMatch(
  resource: unknown,
  serverUrl: string,
  metadataUrl?: string,
): ResourceMatch {
  const cite = CITES.protectedResourceMetadataValidation;
  const server = canonicalResourceUri(serverUrl);
  if (!server.ok) return { ok: false, message: server.reason, cite };
  // A document without `resource` names no other resource; the lint reports the missing field
  // (prm/resource-missing), and the flow goes on as the SDKs do.
  if (resource === undefined) return { ok: true };
  if (typeof resource !== 'string') {
    return {
      ok: false,
      message: `The Protected Resource Metadata's resource is not a string, so it cannot be checked against ${server.value}; the client must not use the document.`,
      cite,
    };
  }
  const declared = canonicalResourceUri(resource);
  if (declared.ok && declared.value === server.value) return { ok: true };
  const identifier = identifierOfWellKnown(metadataUrl);
  const built = identifier === undefined ? undefined : canonicalResourceUri(identifier);
  if (declared.ok && built?.ok && declared.value === built.value) {
    if (isWithin(server.value, built.value)) return { ok: true };
  }
  return {
    ok: false,
    message: `The Protected Resource Metadata describes ${JSON.stringify(resource)}, not this MCP server (${server.value}); the client must not use it, and stops before any authorization request.`,
    cite,
  };
}

/**
 * The `resource` of the authorization and token requests (RFC 8707 §2): the identifier the
 * Protected Resource Metadata publishes, once `checkResourceMatch` accepted it for this server,
 * in canonical form (for a server whose metadata sits at the host's root, the origin, exactly as
 * the metadata has it); otherwise the server's canonical URI.
 */
export function resourceIndicator(
  serverUrl: string,
  resource: unknown,
  metadataUrl?: string,
): CanonicalResourceUri {
  const server = canonicalResourceUri(serverUrl);
  if (!server.ok || typeof resource !== 'string') return server;
  if (!checkResourceMatch(resource, serverUrl, metadataUrl).ok) return server;
  const declared = canonicalResourceUri(resource);
  return declared.ok ? declared : server;
}
