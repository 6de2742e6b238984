import type { IncomingMessage, ServerResponse } from 'node:http';

// The endpoints that only read are credential-less from the browser's point of view: the
// playground sends bearer tokens in a header and never relies on cookies, so a wildcard origin
// gives a page nothing it could not ask for itself. The write endpoints (creating scenarios,
// registering clients) answer the playground's origins only: see write-policy.ts. The
// authorization endpoint and the login and consent pages are navigated to, not fetched, and get
// no CORS headers at all.

/** Request headers an MCP client in a browser sends (MCP transport and authorization specs). */
export const ALLOWED_REQUEST_HEADERS = [
  'Authorization',
  'Content-Type',
  'Mcp-Protocol-Version',
  'Mcp-Session-Id',
  'Last-Event-ID',
].join(', ');

export interface CorsPolicy {
  /** Methods the endpoint answers, besides OPTIONS. */
  methods: readonly string[];
  /** Response headers a browser script may read. */
  expose?: readonly string[];
}

export const MCP_CORS: CorsPolicy = {
  methods: ['GET', 'POST', 'DELETE'],
  // A browser client must read the challenge to discover the authorization server.
  expose: ['WWW-Authenticate', 'Mcp-Session-Id'],
};

export const READ_ONLY_CORS: CorsPolicy = { methods: ['GET'] };
export const POST_CORS: CorsPolicy = { methods: ['POST'] };

/** Sets the headers a simple or actual cross-origin request needs. */
export function allowCrossOrigin(res: ServerResponse, policy: CorsPolicy): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (policy.expose?.length) {
    res.setHeader('Access-Control-Expose-Headers', policy.expose.join(', '));
  }
}

/**
 * Answers a CORS preflight and returns true, or returns false when the request is not one.
 * A preflight is an OPTIONS request carrying Access-Control-Request-Method (Fetch standard §3.2).
 */
export function answerPreflight(
  req: IncomingMessage,
  res: ServerResponse,
  policy: CorsPolicy,
): boolean {
  if (req.method !== 'OPTIONS' || req.headers['access-control-request-method'] === undefined) {
    return false;
  }
  res.writeHead(204, {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': [...policy.methods, 'OPTIONS'].join(', '),
    'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS,
    'Access-Control-Max-Age': '600',
  });
  res.end();
  return true;
}
