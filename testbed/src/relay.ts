import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  effectivePort,
  findChallenge,
  INITIALIZE_REQUEST_BODY,
  INITIALIZE_REQUEST_HEADERS,
  isUnderWellKnownMetadataPath,
  isWellKnownMetadataUrl,
  METADATA_REQUEST_HEADERS,
  parseWwwAuthenticate,
  RELAY_MARKER_HEADER,
  RELAY_PATHS,
  RELAY_REQUEST_HEADER,
  RELAY_TICKET_HEADER,
  type RelayRefusal,
  type RelayRefusalCode,
} from '@mcp-auth-playground/core';
import { playgroundOrigins } from './config.ts';
import { checkHost, isLoopback, systemResolver, type Resolver } from './relay-address.ts';
import { requestUpstream, type UpstreamRequest, type UpstreamResult } from './relay-upstream.ts';

// The metadata relay: lets the playground read the discovery documents of a server that sends
// no CORS headers, which a browser cannot. It runs in the local testbed only, never in the
// hosted build, and it is deliberately narrow, because any page the user opens could call it:
// - only the playground's own pages may call it: a request must carry a custom header (which a
//   link, a form or an image cannot send, and a script elsewhere cannot without a preflight the
//   relay refuses), must not be a navigation or come from another site, and an Origin, when
//   sent, must be one of the playground's;
// - it answers JSON only, never a page: a body that is not JSON is refused, and every answer is
//   sent with nosniff, a sandboxing CSP and Content-Disposition: attachment, so no browser ever
//   renders or runs what an upstream server sent;
// - GET /relay?url=… fetches a metadata URL of exactly the shape discovery builds, or the
//   resource_metadata URL of a challenge, when it is on the probed server's origin under a
//   well-known metadata path and the caller sends the ticket its own probe was given;
// - POST /relay/probe?url=… sends the fixed MCP initialize request to a server URL and returns
//   only the status and WWW-Authenticate header, never the body;
// - http(s) only, no user information in the URL, nothing of the caller's request forwarded
//   (no cookies, no Authorization), no cookies returned;
// - private, link-local and metadata addresses are refused before connecting, the socket goes
//   to the very address that was checked, and each redirect hop (at most 3) is checked again;
// - 1 MB and 10 s caps, as in the browser-side discovery.

export interface RelayOptions {
  resolve?: Resolver;
  /** The upstream HTTP exchange; tests replace it to prove a refused target is never contacted. */
  request?: (upstream: UpstreamRequest) => Promise<UpstreamResult>;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** How long a resource_metadata URL seen in a probe's challenge may be fetched. */
  challengeUrlTtlMs?: number;
  now?: () => number;
  /** Origins whose pages may call the relay; the playground's dev server and preview by default. */
  allowedOrigins?: ReadonlySet<string>;
}

export interface Relay {
  /** True for the paths the relay answers. */
  owns(path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

const REFUSAL_STATUS: Readonly<Record<RelayRefusalCode, number>> = {
  'bad-url': 400,
  scheme: 400,
  credentials: 400,
  path: 403,
  address: 403,
  origin: 403,
  'not-json': 502,
  method: 405,
  redirects: 502,
  'too-large': 502,
  unreachable: 502,
  timeout: 504,
};

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'mcp-auth-playground-relay';
const MAX_TICKETS = 64;

/**
 * On every answer, whatever it is: a browser that is somehow made to open one treats it as a
 * download of inert data, never as a page (no sniffing, no script, no plugins, its own origin).
 */
const INERT_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Content-Disposition': 'attachment',
  'Cache-Control': 'no-store',
};

const JSON_TYPE = 'application/json';

class Refusal extends Error {
  constructor(
    readonly code: RelayRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Tickets for resource_metadata URLs named in challenges the relay received: each lets the caller
 * that holds it fetch that one URL for a short while. A hostile server's challenge therefore
 * widens nothing for any other caller, and nothing beyond its own origin's metadata paths.
 */
class ChallengeTickets {
  private readonly tickets = new Map<string, { url: string; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  issue(url: string): string {
    const ticket = randomBytes(18).toString('base64url');
    this.tickets.set(ticket, { url, until: this.now() + this.ttlMs });
    // Oldest first in a Map: a flood of probes cannot grow the list without bound.
    while (this.tickets.size > MAX_TICKETS) {
      const oldest = this.tickets.keys().next().value;
      if (oldest === undefined) break;
      this.tickets.delete(oldest);
    }
    return ticket;
  }

  allows(ticket: string | undefined, url: string): boolean {
    if (ticket === undefined) return false;
    const entry = this.tickets.get(ticket);
    if (entry === undefined) return false;
    if (entry.until <= this.now()) {
      this.tickets.delete(ticket);
      return false;
    }
    return entry.url === url;
  }
}

type Kind = 'fetch' | 'probe';

export function createRelay(options: RelayOptions = {}): Relay {
  const resolve = options.resolve ?? systemResolver;
  const request = options.request ?? requestUpstream;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? 3;
  const now = options.now ?? Date.now;
  const allowedOrigins = options.allowedOrigins ?? playgroundOrigins();
  const tickets = new ChallengeTickets(options.challengeUrlTtlMs ?? 5 * 60_000, now);

  /** The URL rules, checked for the first URL and again for every redirect hop. */
  function checkUrl(kind: Kind, url: URL, ticket: string | undefined): number {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Refusal('scheme', `Only http and https URLs are relayed, not ${url.protocol}.`);
    }
    if (url.username !== '' || url.password !== '') {
      throw new Refusal('credentials', 'URLs with a user name or password are not relayed.');
    }
    const port = effectivePort(url);
    if (port === undefined) {
      throw new Refusal('bad-url', `${url.href} names port 0, which no server listens on.`);
    }
    if (kind === 'fetch' && !isWellKnownMetadataUrl(url) && !tickets.allows(ticket, url.href)) {
      throw new Refusal(
        'path',
        `${url.href} is not a metadata URL: the relay fetches only /.well-known/oauth-protected-resource, /.well-known/oauth-authorization-server and /.well-known/openid-configuration URLs as discovery builds them, or the resource_metadata URL that your own probe's challenge named on the probed server's origin.`,
      );
    }
    return port;
  }

  /** Rejects with a timeout refusal when the deadline passes first (a slow DNS lookup, say). */
  function beforeDeadline<T>(promise: Promise<T>, signal: AbortSignal, url: URL): Promise<T> {
    return new Promise<T>((resolvePromise, reject) => {
      const onAbort = () =>
        reject(new Refusal('timeout', `${url.host} did not resolve within ${timeoutMs / 1000} s.`));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolvePromise(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  async function exchange(
    kind: Kind,
    target: URL,
    localPort: number,
    signal: AbortSignal,
    ticket: string | undefined,
  ): Promise<UpstreamResult & { kind: 'response' }> {
    let url = target;
    const method = kind === 'probe' ? 'POST' : 'GET';
    for (let hop = 0; ; hop++) {
      const port = checkUrl(kind, url, ticket);
      const checked = await beforeDeadline(checkHost(url.hostname, resolve), signal, url);
      if (!checked.ok) {
        throw new Refusal(
          'address',
          `Refused ${url.host}: ${checked.reason}; the relay reaches public servers and this machine's loopback only.`,
        );
      }
      if (
        isLoopback(checked.address.address) &&
        port === localPort &&
        url.pathname.startsWith(RELAY_PATHS.fetch)
      ) {
        throw new Refusal('path', 'The relay does not relay requests to itself.');
      }
      const result = await request({
        url,
        address: checked.address,
        method,
        headers: {
          ...(method === 'POST' ? INITIALIZE_REQUEST_HEADERS : METADATA_REQUEST_HEADERS),
          'user-agent': USER_AGENT,
        },
        ...(method === 'POST' ? { body: INITIALIZE_REQUEST_BODY } : {}),
        signal,
        maxBytes,
        wantBody: (status) => kind === 'fetch' && status >= 200 && status < 300,
      });
      if (signal.aborted)
        throw new Refusal('timeout', `${url.href} did not answer within ${timeoutMs / 1000} s.`);
      if (result.kind === 'error') {
        // The network's own words, as a client would show them; a failing hop is named.
        const hop = url.href === target.href ? '' : `after a redirect to ${url.href}, `;
        throw new Refusal('unreachable', `${hop}${result.message}`);
      }
      if (result.kind === 'too-large') {
        throw new Refusal(
          'too-large',
          `${url.href} sent more than ${maxBytes} bytes, so the relay stopped reading.`,
        );
      }
      const location = result.headers.location;
      if (!REDIRECTS.has(result.status) || typeof location !== 'string') return result;
      // The probe follows only the redirects that keep it a POST of the same body. Any other one
      // would turn it into a GET of some page: the redirect itself is the answer to report.
      if (kind === 'probe' && result.status !== 307 && result.status !== 308) return result;
      if (hop >= maxRedirects) {
        throw new Refusal(
          'redirects',
          `${target.href} redirected more than ${maxRedirects} times; the last hop was ${url.href}.`,
        );
      }
      try {
        url = new URL(location, url);
      } catch {
        throw new Refusal(
          'bad-url',
          `${url.href} redirected to ${JSON.stringify(location)}, which is not a URL.`,
        );
      }
    }
  }

  /** Lets the playground's pages read answers; any other page gets nothing. */
  function corsHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (origin === undefined || !allowedOrigins.has(origin)) return { Vary: 'Origin' };
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': `WWW-Authenticate, ${RELAY_MARKER_HEADER}, ${RELAY_TICKET_HEADER}`,
      Vary: 'Origin',
    };
  }

  function refuse(req: IncomingMessage, res: ServerResponse, refusal: RelayRefusal): void {
    const body = JSON.stringify(refusal);
    res.writeHead(REFUSAL_STATUS[refusal.error], {
      ...corsHeaders(req),
      ...INERT_ANSWER_HEADERS,
      [RELAY_MARKER_HEADER]: 'refused',
      'Content-Type': JSON_TYPE,
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
  }

  /**
   * Refuses what is not the playground's own script: navigations (a link, a form, a window the
   * page opens), requests from another site, other origins, and requests without the relay's
   * request header, which only a script can add (and, cross-origin, only after a preflight).
   */
  function checkCaller(req: IncomingMessage): void {
    const mode = req.headers['sec-fetch-mode'];
    if (mode === 'navigate' || mode === 'nested-navigate') {
      throw new Refusal('origin', 'The relay answers scripts, not page navigations.');
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      throw new Refusal('origin', 'The relay does not answer requests from other sites.');
    }
    const origin = req.headers.origin;
    // No Origin: a tool such as curl, or a same-origin GET. "null" is a sandboxed or file: page.
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      throw new Refusal(
        'origin',
        `The relay serves the local playground only (${[...allowedOrigins].join(', ')}), not pages from ${origin}.`,
      );
    }
    if (req.method !== 'OPTIONS' && req.headers[RELAY_REQUEST_HEADER] === undefined) {
      throw new Refusal(
        'origin',
        `Send the ${RELAY_REQUEST_HEADER} header: the relay answers only scripts that ask for it explicitly.`,
      );
    }
  }

  /** The answer must be JSON: a page, a script or an image is never passed on. */
  function checkJson(url: URL, body: Buffer): void {
    try {
      JSON.parse(body.toString('utf8'));
    } catch {
      throw new Refusal(
        'not-json',
        `${url.href} answered with a body that is not JSON, and the relay passes on JSON only.`,
      );
    }
  }

  function parseTarget(raw: string | null): URL {
    if (raw === null || raw === '')
      throw new Refusal('bad-url', 'Name the URL to relay in the url query parameter.');
    try {
      return new URL(raw);
    } catch {
      throw new Refusal('bad-url', `${JSON.stringify(raw.slice(0, 200))} is not an absolute URL.`);
    }
  }

  /**
   * A ticket for the challenge's resource_metadata URL, when it names the probed server's own
   * origin under a well-known metadata path; undefined otherwise.
   */
  function ticketForChallenge(
    probed: URL,
    result: UpstreamResult & { kind: 'response' },
  ): string | undefined {
    const header = result.headers['www-authenticate'];
    if (typeof header !== 'string') return undefined;
    const named = findChallenge(parseWwwAuthenticate(header), 'Bearer')?.params[
      'resource_metadata'
    ];
    if (named === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(named.trim());
    } catch {
      return undefined;
    }
    // The discovery runner requests this URL without its fragment; so does the relay.
    url.hash = '';
    if (url.origin !== probed.origin || !isUnderWellKnownMetadataPath(url)) return undefined;
    return tickets.issue(url.href);
  }

  async function relay(
    req: IncomingMessage,
    res: ServerResponse,
    kind: Kind,
    target: URL,
  ): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const ticketHeader = req.headers[RELAY_TICKET_HEADER];
    const ticket = typeof ticketHeader === 'string' ? ticketHeader : undefined;
    try {
      const result = await exchange(
        kind,
        target,
        req.socket.localPort ?? 0,
        controller.signal,
        ticket,
      );
      const headers: Record<string, string> = {
        ...corsHeaders(req),
        ...INERT_ANSWER_HEADERS,
        [RELAY_MARKER_HEADER]: 'relayed',
      };
      if (kind === 'probe') {
        const issued = ticketForChallenge(target, result);
        if (issued !== undefined) headers[RELAY_TICKET_HEADER] = issued;
        const challenge = result.headers['www-authenticate'];
        if (typeof challenge === 'string') headers['WWW-Authenticate'] = challenge;
        res.writeHead(result.status, headers);
        res.end();
        return;
      }
      // Only a successful answer has a body (see wantBody); it is passed on only when it is JSON.
      if (result.body.length > 0) checkJson(target, result.body);
      headers['Content-Type'] = JSON_TYPE;
      headers['Content-Length'] = String(result.body.length);
      res.writeHead(result.status, headers);
      res.end(result.body);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    owns: (path) => path === RELAY_PATHS.fetch || path.startsWith(`${RELAY_PATHS.fetch}/`),

    async handle(req, res) {
      // The caller's body, if any, is never used: the probe sends its own fixed body.
      req.resume();
      const { pathname, searchParams } = new URL(req.url ?? '/', 'http://relay.invalid');
      try {
        checkCaller(req);
        if (req.method === 'OPTIONS') {
          res.writeHead(204, {
            ...corsHeaders(req),
            ...INERT_ANSWER_HEADERS,
            'Access-Control-Allow-Methods': 'GET, POST',
            'Access-Control-Allow-Headers': `${RELAY_REQUEST_HEADER}, ${RELAY_TICKET_HEADER}`,
            'Access-Control-Max-Age': '600',
          });
          res.end();
          return;
        }
        if (pathname === RELAY_PATHS.health) {
          if (req.method !== 'GET') throw new Refusal('method', 'Read the relay health with GET.');
          const body = JSON.stringify({ relay: 'ok', maxBytes, timeoutMs, maxRedirects });
          res.writeHead(200, {
            ...corsHeaders(req),
            ...INERT_ANSWER_HEADERS,
            'Content-Type': JSON_TYPE,
            'Content-Length': String(Buffer.byteLength(body)),
          });
          res.end(body);
          return;
        }
        const kind: Kind | undefined =
          pathname === RELAY_PATHS.fetch
            ? 'fetch'
            : pathname === RELAY_PATHS.probe
              ? 'probe'
              : undefined;
        if (kind === undefined) {
          throw new Refusal(
            'path',
            `The relay answers ${RELAY_PATHS.fetch}, ${RELAY_PATHS.probe} and ${RELAY_PATHS.health} only.`,
          );
        }
        if (req.method !== (kind === 'fetch' ? 'GET' : 'POST')) {
          throw new Refusal(
            'method',
            kind === 'fetch' ? 'The relay fetches metadata with GET only.' : 'The probe is a POST.',
          );
        }
        const target = parseTarget(searchParams.get('url'));
        const ticket = req.headers[RELAY_TICKET_HEADER];
        checkUrl(kind, target, typeof ticket === 'string' ? ticket : undefined);
        await relay(req, res, kind, target);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        refuse(req, res, { error: error.code, message: error.message });
      }
    },
  };
}
