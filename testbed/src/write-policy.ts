import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsPolicy } from './cors.ts';
import { ALLOWED_REQUEST_HEADERS } from './cors.ts';
import { sendError } from './http.ts';
import type { RateLimit } from './rate-limit.ts';

// The rules for the testbed's write endpoints (POST /scenarios, client registration). Unlike the
// read-only documents, which any page may read, these change the process's state, so a browser
// may call them from the playground's own origins only, and each kind is rate limited per process.
// A request without an Origin header (a terminal, a test, the conformance suite) is not a page:
// it is allowed, and rate limited like the rest.

export interface WritePolicy {
  /** The playground's origins (config.ts playgroundOrigins unless a test says otherwise). */
  origins: ReadonlySet<string>;
  scenarios: RateLimit;
  registrations: RateLimit;
}

/**
 * Refuses a page from another origin (403), answers a preflight from the playground's, and sets
 * the CORS headers of the actual request. Returns true when it has answered.
 */
export function guardWrite(
  req: IncomingMessage,
  res: ServerResponse,
  cors: CorsPolicy,
  origins: ReadonlySet<string>,
): boolean {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  if (origin !== undefined && !origins.has(origin)) {
    req.resume();
    sendError(
      res,
      403,
      'origin_not_allowed',
      `Only the playground's pages (${[...origins].join(', ')}) may call this from a browser, not ${origin}. Set TESTBED_PLAYGROUND_ORIGINS to add an origin.`,
    );
    return true;
  }
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
    req.resume();
    res.writeHead(204, {
      'Access-Control-Allow-Origin': origin ?? 'null',
      'Access-Control-Allow-Methods': [...cors.methods, 'OPTIONS'].join(', '),
      'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS,
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return true;
  }
  if (origin !== undefined) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (cors.expose?.length) res.setHeader('Access-Control-Expose-Headers', cors.expose.join(', '));
  }
  return false;
}

/** Answers 429 with Retry-After and returns true when `limit` has no request left just now. */
export function refuseOverLimit(
  req: IncomingMessage,
  res: ServerResponse,
  limit: RateLimit,
  what: string,
): boolean {
  const decision = limit.take();
  if (decision.ok) return false;
  req.resume();
  const seconds = decision.retryAfterSeconds;
  sendError(
    res,
    429,
    'too_many_requests',
    `Too many ${what} in a short time (at most ${limit.options.burst} at once, then ${limit.options.perSecond} a second): try again in ${seconds} s.`,
    { 'Retry-After': String(seconds), 'Access-Control-Expose-Headers': 'Retry-After' },
  );
  return true;
}
