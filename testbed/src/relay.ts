import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  findChallenge,
  INITIALIZE_REQUEST_BODY,
  INITIALIZE_REQUEST_HEADERS,
  isWellKnownMetadataUrl,
  METADATA_REQUEST_HEADERS,
  parseWwwAuthenticate,
  RELAY_MARKER_HEADER,
  RELAY_PATHS,
  type RelayRefusal,
  type RelayRefusalCode,
} from '@mcp-auth-playground/core';
import { checkHost, isLoopback, systemResolver, type Resolver } from './relay-address.ts';
import { requestUpstream, type UpstreamRequest, type UpstreamResult } from './relay-upstream.ts';

// The metadata relay: lets the playground read the discovery documents of a server that sends
// no CORS headers, which a browser cannot. It runs in the local testbed only, never in the
// hosted build, and it is deliberately narrow, because any page the user opens could call it:
// - GET /relay?url=… fetches a well-known metadata URL, or the exact resource_metadata URL of a
//   challenge the relay itself received in the last few minutes;
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
  method: 405,
  redirects: 502,
  'too-large': 502,
  unreachable: 502,
  timeout: 504,
};

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const LOOPBACK_ORIGIN = /^https?:\/\/(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/;
const USER_AGENT = 'mcp-auth-playground-relay';
const MAX_CHALLENGE_URLS = 64;

class Refusal extends Error {
  constructor(
    readonly code: RelayRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/** resource_metadata URLs from challenges the relay received, each for a short while. */
class ChallengeUrls {
  private readonly expiry = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  remember(url: string): void {
    this.expiry.delete(url);
    this.expiry.set(url, this.now() + this.ttlMs);
    // Oldest first in a Map: a flood of probes cannot grow the list without bound.
    while (this.expiry.size > MAX_CHALLENGE_URLS) {
      const oldest = this.expiry.keys().next().value;
      if (oldest === undefined) break;
      this.expiry.delete(oldest);
    }
  }

  has(url: string): boolean {
    const until = this.expiry.get(url);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.expiry.delete(url);
    return false;
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
  const challengeUrls = new ChallengeUrls(options.challengeUrlTtlMs ?? 5 * 60_000, now);

  /** The URL rules, checked for the first URL and again for every redirect hop. */
  function checkUrl(kind: Kind, url: URL): void {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Refusal('scheme', `Only http and https URLs are relayed, not ${url.protocol}.`);
    }
    if (url.username !== '' || url.password !== '') {
      throw new Refusal('credentials', 'URLs with a user name or password are not relayed.');
    }
    if (kind === 'fetch' && !isWellKnownMetadataUrl(url) && !challengeUrls.has(url.href)) {
      throw new Refusal(
        'path',
        `${url.href} is not a metadata URL: the relay fetches only /.well-known/oauth-protected-resource, /.well-known/oauth-authorization-server and /.well-known/openid-configuration URLs, or the resource_metadata URL of a challenge it has just seen.`,
      );
    }
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
  ): Promise<UpstreamResult & { kind: 'response' }> {
    let url = target;
    const method = kind === 'probe' ? 'POST' : 'GET';
    for (let hop = 0; ; hop++) {
      checkUrl(kind, url);
      const checked = await beforeDeadline(checkHost(url.hostname, resolve), signal, url);
      if (!checked.ok) {
        throw new Refusal(
          'address',
          `Refused ${url.host}: ${checked.reason}; the relay reaches public servers and this machine's loopback only.`,
        );
      }
      const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
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

  /** Lets the playground's loopback origins read answers; any other page gets nothing. */
  function corsHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (origin === undefined || !LOOPBACK_ORIGIN.test(origin)) return {};
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': `WWW-Authenticate, ${RELAY_MARKER_HEADER}`,
      Vary: 'Origin',
    };
  }

  function refuse(req: IncomingMessage, res: ServerResponse, refusal: RelayRefusal): void {
    const body = JSON.stringify(refusal);
    res.writeHead(REFUSAL_STATUS[refusal.error], {
      ...corsHeaders(req),
      [RELAY_MARKER_HEADER]: 'refused',
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    });
    res.end(body);
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

  function rememberChallenge(result: UpstreamResult & { kind: 'response' }): void {
    const header = result.headers['www-authenticate'];
    if (typeof header !== 'string') return;
    const named = findChallenge(parseWwwAuthenticate(header), 'Bearer')?.params[
      'resource_metadata'
    ];
    if (named === undefined) return;
    try {
      const url = new URL(named.trim());
      // The discovery runner requests this URL without its fragment; so does the relay.
      url.hash = '';
      challengeUrls.remember(url.href);
    } catch {
      // not a URL: nothing to allow
    }
  }

  async function relay(
    req: IncomingMessage,
    res: ServerResponse,
    kind: Kind,
    target: URL,
  ): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const result = await exchange(kind, target, req.socket.localPort ?? 0, controller.signal);
      const headers: Record<string, string> = {
        ...corsHeaders(req),
        [RELAY_MARKER_HEADER]: 'relayed',
        'Cache-Control': 'no-store',
      };
      if (kind === 'probe') {
        rememberChallenge(result);
        const challenge = result.headers['www-authenticate'];
        if (typeof challenge === 'string') headers['WWW-Authenticate'] = challenge;
        res.writeHead(result.status, headers);
        res.end();
        return;
      }
      const type = result.headers['content-type'];
      if (typeof type === 'string') headers['Content-Type'] = type;
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
        const origin = req.headers.origin;
        // No Origin: a tool such as curl, not a page. "null" is a sandboxed or file: page.
        if (origin !== undefined && !LOOPBACK_ORIGIN.test(origin)) {
          throw new Refusal(
            'origin',
            `The relay serves the local playground only, not pages from ${origin}.`,
          );
        }
        if (req.method === 'OPTIONS') {
          res.writeHead(204, { ...corsHeaders(req), 'Access-Control-Allow-Methods': 'GET, POST' });
          res.end();
          return;
        }
        if (pathname === RELAY_PATHS.health) {
          if (req.method !== 'GET') throw new Refusal('method', 'Read the relay health with GET.');
          const body = JSON.stringify({ relay: 'ok', maxBytes, timeoutMs, maxRedirects });
          res.writeHead(200, {
            ...corsHeaders(req),
            'Content-Type': 'application/json; charset=utf-8',
            'Cache-Control': 'no-store',
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
        checkUrl(kind, target);
        await relay(req, res, kind, target);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        refuse(req, res, { error: error.code, message: error.message });
      }
    },
  };
}
