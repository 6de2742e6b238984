import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  INITIALIZE_REQUEST_BODY,
  RELAY_MARKER_HEADER,
  RELAY_REQUEST_HEADERS,
  RELAY_TICKET_HEADER,
} from '@mcp-auth-playground/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedAddress } from '../src/relay-address.ts';
import { createRelay, type RelayOptions } from '../src/relay.ts';
import { requestUpstream, type UpstreamRequest } from '../src/relay-upstream.ts';

// Every request here goes to loopback. Names resolve through a table, never through DNS, and
// refused targets are checked without a connection: the upstream requester is counted, and a
// refusal must leave the count at zero.

interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

async function listen(handler: RequestListener): Promise<Listening> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** What the fake upstream server saw. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const seen: Seen[] = [];
const upstreamRoutes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
let upstream: Listening;

const PRM = { resource: 'http://127.0.0.1/mcp', authorization_servers: ['http://127.0.0.1/as'] };

beforeAll(async () => {
  upstream = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const route = upstreamRoutes.get(req.url ?? '');
      if (route) return route(req, res);
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"error":"not_found"}');
    });
  });
});
afterAll(() => upstream.close());
afterEach(() => {
  seen.length = 0;
  upstreamRoutes.clear();
});

const NAMES: Record<string, ResolvedAddress[]> = {
  localhost: [{ address: '127.0.0.1', family: 4 }],
  'mcp.loopback.test': [{ address: '127.0.0.1', family: 4 }],
  'rebind.test': [{ address: '192.168.1.10', family: 4 }],
  'split.test': [
    { address: '127.0.0.1', family: 4 },
    { address: '10.0.0.5', family: 4 },
  ],
};

async function tableResolver(hostname: string): Promise<ResolvedAddress[]> {
  const found = NAMES[hostname];
  if (found) return Promise.resolve(found);
  return Promise.reject(
    Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
  );
}

/** A relay on its own loopback port, counting every upstream connection it makes. */
async function startRelay(options: RelayOptions = {}) {
  const upstreamRequests: UpstreamRequest[] = [];
  const relay = createRelay({
    resolve: tableResolver,
    request: (request) => {
      upstreamRequests.push(request);
      // A guard for the tests themselves: whatever the relay decides, nothing leaves loopback.
      if (request.address.address !== '127.0.0.1') {
        return Promise.resolve({
          kind: 'error',
          message: 'the test harness blocked a non-loopback connection',
        });
      }
      return requestUpstream(request);
    },
    ...options,
  });
  const server = await listen((req, res) => {
    void relay.handle(req, res);
  });
  // Every helper sends the relay's request header, as the playground does; `bare` sends nothing.
  const withRelayHeader = (init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { ...RELAY_REQUEST_HEADERS, ...(init.headers as Record<string, string> | undefined) },
  });
  return {
    upstreamRequests,
    close: () => server.close(),
    get(target: string, headers: Record<string, string> = {}) {
      return fetch(
        `${server.url}/relay?url=${encodeURIComponent(target)}`,
        withRelayHeader({ headers }),
      );
    },
    probe(target: string, init: RequestInit = {}) {
      return fetch(
        `${server.url}/relay/probe?url=${encodeURIComponent(target)}`,
        withRelayHeader({ method: 'POST', ...init }),
      );
    },
    raw(path: string, init: RequestInit = {}) {
      return fetch(`${server.url}${path}`, withRelayHeader(init));
    },
    bare(path: string, init: RequestInit = {}) {
      return fetch(`${server.url}${path}`, init);
    },
    /** Exactly these headers, which fetch would overwrite (it sets Sec-Fetch-Mode itself). */
    exact(path: string, headers: Record<string, string>, method = 'GET') {
      return new Promise<Response>((resolve, reject) => {
        const req = httpRequest(`${server.url}${path}`, { method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const answer = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              if (typeof value === 'string') answer.set(name, value);
            }
            resolve(
              new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: answer }),
            );
          });
        });
        req.on('error', reject);
        req.end();
      });
    },
    self: server.url,
  };
}

type RelayHandle = Awaited<ReturnType<typeof startRelay>>;
let relay: RelayHandle;
beforeAll(async () => {
  relay = await startRelay();
});
afterAll(() => relay.close());
afterEach(() => {
  relay.upstreamRequests.length = 0;
});

async function refusal(response: Response) {
  expect(response.headers.get(RELAY_MARKER_HEADER)).toBe('refused');
  return {
    status: response.status,
    ...((await response.json()) as { error: string; message: string }),
  };
}

function serveJson(path: string, body: unknown, headers: Record<string, string> = {}): void {
  upstreamRoutes.set(path, (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  });
}

describe('the relay fetches metadata', () => {
  it('relays a well-known document, marked, without forwarding or returning credentials', async () => {
    serveJson('/.well-known/oauth-protected-resource/mcp', PRM, {
      'Set-Cookie': 'session=upstream',
    });
    const response = await relay.get(`${upstream.url}/.well-known/oauth-protected-resource/mcp`, {
      Cookie: 'session=browser',
      Authorization: 'Bearer secret-token',
    });

    expect(response.status).toBe(200);
    expect(response.headers.get(RELAY_MARKER_HEADER)).toBe('relayed');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.json()).toEqual(PRM);

    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.cookie).toBeUndefined();
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(seen[0]?.headers.accept).toBe('application/json');
  });

  it('passes a 404 through as the server answered it', async () => {
    const response = await relay.get(`${upstream.url}/.well-known/oauth-authorization-server/as`);
    expect(response.status).toBe(404);
    expect(response.headers.get(RELAY_MARKER_HEADER)).toBe('relayed');
  });

  it('connects to the address the name resolved to, keeping the name in the Host header', async () => {
    serveJson('/.well-known/openid-configuration', { issuer: 'x' });
    const response = await relay.get(
      `http://mcp.loopback.test:${upstream.port}/.well-known/openid-configuration`,
    );
    expect(response.status).toBe(200);
    expect(seen[0]?.headers.host).toBe(`mcp.loopback.test:${upstream.port}`);
    expect(relay.upstreamRequests[0]?.address).toEqual({ address: '127.0.0.1', family: 4 });
  });

  it('lets loopback origins read its answers and refuses every other page', async () => {
    serveJson('/.well-known/oauth-protected-resource', PRM);
    const target = `${upstream.url}/.well-known/oauth-protected-resource`;
    const local = await relay.get(target, { Origin: 'http://localhost:5173' });
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(local.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
    expect(local.headers.get('access-control-allow-credentials')).toBeNull();

    const foreign = await relay.get(target, { Origin: 'https://evil.example' });
    expect(await refusal(foreign)).toMatchObject({ status: 403, error: 'origin' });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const sandboxed = await relay.get(target, { Origin: 'null' });
    expect(await refusal(sandboxed)).toMatchObject({ status: 403, error: 'origin' });
    expect(relay.upstreamRequests).toHaveLength(1);
  });

  it('answers its health check', async () => {
    const response = await relay.raw('/relay/health', {
      headers: { Origin: 'http://localhost:5173' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      relay: 'ok',
      maxBytes: 1_000_000,
      timeoutMs: 10_000,
      maxRedirects: 3,
    });
  });
});

describe('the relay answers inert JSON to the playground only', () => {
  const INERT = {
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'content-disposition': 'attachment',
  };

  function expectInert(response: Response, what: string): void {
    for (const [name, value] of Object.entries(INERT)) {
      expect(response.headers.get(name), `${what}: ${name}`).toBe(value);
    }
    if (response.status !== 204) {
      expect(response.headers.get('content-type'), what).toBe('application/json');
    }
  }

  it('marks every answer as inert data: relayed, refused, health and preflight', async () => {
    serveJson('/.well-known/oauth-protected-resource', PRM);
    expectInert(
      await relay.get(`${upstream.url}/.well-known/oauth-protected-resource`),
      'relayed 200',
    );
    expectInert(await relay.get(`${upstream.url}/.well-known/openid-configuration`), 'relayed 404');
    expectInert(await relay.get(`${upstream.url}/admin`), 'refused');
    expectInert(await relay.raw('/relay/health'), 'health');
    expectInert(
      await relay.bare('/relay', {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' },
      }),
      'preflight',
    );
  });

  it('refuses an answer that is not JSON, whatever its Content-Type says, without passing it on', async () => {
    for (const [type, body] of [
      ['text/html', '<script>alert(document.domain)</script>'],
      ['application/json', '<html><script>alert(1)</script></html>'],
      ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ] as const) {
      upstreamRoutes.set('/.well-known/openid-configuration', (_req, res) => {
        res.writeHead(200, { 'Content-Type': type });
        res.end(body);
      });
      const response = await relay.get(`${upstream.url}/.well-known/openid-configuration`);
      const refused = await refusal(response);
      expect(refused, type).toMatchObject({ status: 502, error: 'not-json' });
      expect(JSON.stringify(refused)).not.toContain('script');
      expectInert(response, type);
    }
  });

  it('refuses navigations, other sites, other origins and requests without its header, before connecting', async () => {
    serveJson('/.well-known/oauth-protected-resource', PRM);
    const path = `/relay?url=${encodeURIComponent(`${upstream.url}/.well-known/oauth-protected-resource`)}`;
    const refusedCalls: [string, Response][] = [
      [
        'navigation',
        await relay.exact(path, { ...RELAY_REQUEST_HEADERS, 'Sec-Fetch-Mode': 'navigate' }),
      ],
      [
        'iframe',
        await relay.exact(path, { ...RELAY_REQUEST_HEADERS, 'Sec-Fetch-Mode': 'nested-navigate' }),
      ],
      [
        'cross-site',
        await relay.raw(path, {
          headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'cors' },
        }),
      ],
      ['no header (a link or a form)', await relay.bare(path)],
      [
        'another loopback origin',
        await relay.raw(path, { headers: { Origin: 'http://localhost:8080' } }),
      ],
      [
        'a navigation without the header',
        await relay.exact(path, { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' }),
      ],
    ];
    for (const [what, response] of refusedCalls) {
      expect(await refusal(response), what).toMatchObject({ status: 403, error: 'origin' });
      expect(response.headers.get('access-control-allow-origin'), what).toBeNull();
    }
    const probe = await relay.bare(
      `/relay/probe?url=${encodeURIComponent(`${upstream.url}/mcp`)}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
      },
    );
    expect(await refusal(probe)).toMatchObject({ status: 403, error: 'origin' });
    expect(relay.upstreamRequests).toEqual([]);

    // Same-site scripts of the playground pass.
    const local = await relay.raw(path, {
      headers: {
        Origin: 'http://localhost:5173',
        'Sec-Fetch-Site': 'same-site',
        'Sec-Fetch-Mode': 'cors',
      },
    });
    expect(local.status).toBe(200);
  });

  it("answers a preflight only for the playground's origins, allowing its header", async () => {
    const preflight = (origin: string) =>
      relay.bare('/relay/probe', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'x-mcp-auth-relay-request',
        },
      });
    const ok = await preflight('http://localhost:5173');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(ok.headers.get('access-control-allow-headers')).toContain('x-mcp-auth-relay-request');
    const foreign = await preflight('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the relay refuses, before connecting', () => {
  it('a path that is not a metadata URL', async () => {
    upstreamRoutes.set('/admin', (_req, res) => res.end('secret'));
    for (const target of [
      `${upstream.url}/admin`,
      `${upstream.url}/mcp`,
      `${upstream.url}/.well-known/security.txt`,
    ]) {
      expect(await refusal(await relay.get(target))).toMatchObject({ status: 403, error: 'path' });
    }
    expect(relay.upstreamRequests).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('a metadata URL that is not of the exact shape discovery builds, and port 0', async () => {
    for (const target of [
      `${upstream.url}/.well-known/openid-configuration?x=1`,
      `${upstream.url}/.well-known/oauth-authorization-server/as?next=/admin`,
      `${upstream.url}/.well-known/oauth-protected-resource/a//b`,
      `${upstream.url}/.well-known/oauth-protected-resource/%2e%2e/admin`,
      `${upstream.url}/.well-known/oauth-protected-resource/a%2Fb`,
      `${upstream.url}/.well-known/oauth-protected-resource/`,
      `${upstream.url}/.well-known/oauth-protected-resourcex`,
      `${upstream.url}/.well-known/openid-configuration/.well-known/openid-configuration/x?y`,
    ]) {
      expect(await refusal(await relay.get(target)), target).toMatchObject({
        status: 403,
        error: 'path',
      });
    }
    expect(
      await refusal(await relay.get('http://127.0.0.1:0/.well-known/openid-configuration')),
    ).toMatchObject({ status: 400, error: 'bad-url' });
    expect(relay.upstreamRequests).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('link-local, private and metadata targets, by address or by name', async () => {
    const targets = [
      'http://169.254.169.254/.well-known/oauth-protected-resource',
      'http://10.0.0.1/.well-known/oauth-protected-resource',
      'http://172.16.5.4/.well-known/openid-configuration',
      'http://192.168.0.1/.well-known/openid-configuration',
      'http://0.0.0.0/.well-known/openid-configuration',
      'http://[fe80::1]/.well-known/openid-configuration',
      'http://[fd00:ec2::254]/.well-known/openid-configuration',
      'http://[::ffff:169.254.169.254]/.well-known/openid-configuration',
      'http://metadata.google.internal/.well-known/openid-configuration',
      'http://rebind.test/.well-known/openid-configuration',
      'http://split.test/.well-known/openid-configuration',
      'http://nowhere.test/.well-known/openid-configuration',
    ];
    for (const target of targets) {
      const refused = await refusal(await relay.get(target));
      expect(refused, target).toMatchObject({ status: 403, error: 'address' });
    }
    expect(relay.upstreamRequests).toEqual([]);

    const linkLocal = await refusal(await relay.get(targets[0] ?? ''));
    expect(linkLocal.message).toContain('169.254.169.254 is a link-local (169.254.0.0/16) address');
    const rebound = await refusal(
      await relay.get('http://rebind.test/.well-known/openid-configuration'),
    );
    expect(rebound.message).toContain(
      'rebind.test resolves to 192.168.1.10, a private (192.168.0.0/16) address',
    );
  });

  it('anything but http(s), and URLs with credentials', async () => {
    for (const target of [
      'file:///etc/passwd',
      'ftp://127.0.0.1/.well-known/openid-configuration',
      'javascript:alert(1)',
    ]) {
      expect(await refusal(await relay.get(target)), target).toMatchObject({
        status: 400,
        error: 'scheme',
      });
    }
    const withUser = `http://user:pass@127.0.0.1:${upstream.port}/.well-known/openid-configuration`;
    expect(await refusal(await relay.get(withUser))).toMatchObject({
      status: 400,
      error: 'credentials',
    });
    expect(await refusal(await relay.get('not a url'))).toMatchObject({
      status: 400,
      error: 'bad-url',
    });
    expect(relay.upstreamRequests).toEqual([]);
  });

  it('other methods, and requests to itself', async () => {
    const target = encodeURIComponent(`${upstream.url}/.well-known/openid-configuration`);
    expect(
      await refusal(await relay.raw(`/relay?url=${target}`, { method: 'POST' })),
    ).toMatchObject({ status: 405, error: 'method' });
    expect(await refusal(await relay.raw(`/relay/probe?url=${target}`))).toMatchObject({
      status: 405,
      error: 'method',
    });
    expect(
      await refusal(await relay.raw(`/relay?url=${target}`, { method: 'DELETE' })),
    ).toMatchObject({ error: 'method' });
    const itself = await relay.probe(`${relay.self}/relay/probe?url=${target}`);
    expect(await refusal(itself)).toMatchObject({ status: 403, error: 'path' });
    expect(relay.upstreamRequests).toEqual([]);
  });
});

describe('the relay caps what it reads', () => {
  it('stops reading a body over 1 MB, declared or streamed', async () => {
    upstreamRoutes.set('/.well-known/oauth-protected-resource/streamed', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const write = () => {
        while (res.write(chunk));
      };
      res.on('drain', write);
      write();
    });
    upstreamRoutes.set('/.well-known/oauth-protected-resource/declared', (_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': String(2_000_000),
      });
      res.write('{');
    });
    for (const path of ['streamed', 'declared']) {
      const response = await relay.get(
        `${upstream.url}/.well-known/oauth-protected-resource/${path}`,
      );
      const refused = await refusal(response);
      expect(refused, path).toMatchObject({ status: 502, error: 'too-large' });
      expect(refused.message).toContain('more than 1000000 bytes');
    }
  });

  it('gives up after its timeout', async () => {
    const quick = await startRelay({ timeoutMs: 150 });
    try {
      upstreamRoutes.set('/.well-known/openid-configuration', () => undefined);
      const started = Date.now();
      const response = await quick.get(`${upstream.url}/.well-known/openid-configuration`);
      expect(await refusal(response)).toMatchObject({ status: 504, error: 'timeout' });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await quick.close();
    }
  });
});

describe('the relay follows redirects by hand', () => {
  function redirect(from: string, to: string, status = 302): void {
    upstreamRoutes.set(from, (_req, res) => {
      res.writeHead(status, { Location: to });
      res.end();
    });
  }

  it('up to three hops, each checked again', async () => {
    redirect('/.well-known/openid-configuration/a', '/.well-known/openid-configuration/b');
    redirect('/.well-known/openid-configuration/b', '/.well-known/openid-configuration/c', 301);
    redirect('/.well-known/openid-configuration/c', '/.well-known/openid-configuration/d', 308);
    serveJson('/.well-known/openid-configuration/d', { issuer: 'd' });
    const response = await relay.get(`${upstream.url}/.well-known/openid-configuration/a`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ issuer: 'd' });
    expect(seen.map(({ url }) => url.split('/').pop())).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses a redirect loop after three hops', async () => {
    redirect('/.well-known/openid-configuration/ping', '/.well-known/openid-configuration/pong');
    redirect('/.well-known/openid-configuration/pong', '/.well-known/openid-configuration/ping');
    const response = await relay.get(`${upstream.url}/.well-known/openid-configuration/ping`);
    const refused = await refusal(response);
    expect(refused).toMatchObject({ status: 502, error: 'redirects' });
    expect(refused.message).toContain('redirected more than 3 times');
    expect(seen).toHaveLength(4);
  });

  it('refuses a hop to a path that is not metadata, or to a private address', async () => {
    redirect('/.well-known/openid-configuration/to-admin', '/admin');
    redirect(
      '/.well-known/openid-configuration/to-link-local',
      'http://169.254.169.254/.well-known/openid-configuration',
    );
    expect(
      await refusal(await relay.get(`${upstream.url}/.well-known/openid-configuration/to-admin`)),
    ).toMatchObject({
      error: 'path',
    });
    expect(
      await refusal(
        await relay.get(`${upstream.url}/.well-known/openid-configuration/to-link-local`),
      ),
    ).toMatchObject({ error: 'address' });
    // One connection each, to the first hop only.
    expect(relay.upstreamRequests.map(({ url }) => url.hostname)).toEqual([
      '127.0.0.1',
      '127.0.0.1',
    ]);
  });
});

describe('the 401 probe', () => {
  const challengeUrl = () => `${upstream.url}/custom/prm.json#fragment`;

  function protectedMcp(): void {
    upstreamRoutes.set('/mcp', (_req, res) => {
      res.writeHead(401, {
        'WWW-Authenticate': `Bearer resource_metadata="${challengeUrl()}", scope="notes:read"`,
        'Content-Type': 'application/json',
        'Set-Cookie': 'tracking=1',
      });
      res.end('{"jsonrpc":"2.0","error":{"code":-32001,"message":"secret body"}}');
    });
    serveJson('/custom/prm.json', PRM);
  }

  it('posts the fixed initialize body with no user headers, returning only status and challenge', async () => {
    protectedMcp();
    const response = await relay.probe(`${upstream.url}/mcp`, {
      body: '{"jsonrpc":"2.0","method":"tools/call"}',
      headers: { Authorization: 'Bearer stolen', Cookie: 'a=b', 'Content-Type': 'text/plain' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get(RELAY_MARKER_HEADER)).toBe('relayed');
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${challengeUrl()}", scope="notes:read"`,
    );
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toBe('');

    expect(seen[0]).toMatchObject({ method: 'POST', url: '/mcp', body: INITIALIZE_REQUEST_BODY });
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(seen[0]?.headers.accept).toBe('application/json, text/event-stream');
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(seen[0]?.headers.cookie).toBeUndefined();
  });

  it("lets only the probing caller fetch the challenge's resource_metadata URL, for a while, on the probed origin under a well-known path", async () => {
    const clock = { now: 1_000 };
    const timed = await startRelay({ now: () => clock.now, challengeUrlTtlMs: 60_000 });
    try {
      // A challenge URL that is under a well-known path but not of the exact shape discovery
      // builds (a query on an AS-style path), so only a ticket lets it through.
      const named = `${upstream.url}/.well-known/oauth-protected-resource/mcp/?tenant=a`;
      upstreamRoutes.set('/mcp', (_req, res) => {
        res.writeHead(401, { 'WWW-Authenticate': `Bearer resource_metadata="${named}"` });
        res.end();
      });
      serveJson('/.well-known/oauth-protected-resource/mcp/?tenant=a', PRM);
      expect(await refusal(await timed.get(named))).toMatchObject({ error: 'path' });

      const probe = await timed.probe(`${upstream.url}/mcp`);
      const ticket = probe.headers.get(RELAY_TICKET_HEADER) ?? '';
      expect(ticket).toMatch(/^[A-Za-z0-9_-]{24}$/);

      // Without the ticket (any other caller), or with it for another URL: refused.
      expect(await refusal(await timed.get(named))).toMatchObject({ error: 'path' });
      expect(
        await refusal(
          await timed.get(`${upstream.url}/.well-known/oauth-protected-resource/other/`, {
            [RELAY_TICKET_HEADER]: ticket,
          }),
        ),
      ).toMatchObject({ error: 'path' });

      const allowed = await timed.get(named, { [RELAY_TICKET_HEADER]: ticket });
      expect(allowed.status).toBe(200);
      expect(await allowed.json()).toEqual(PRM);

      clock.now += 60_001;
      expect(
        await refusal(await timed.get(named, { [RELAY_TICKET_HEADER]: ticket })),
      ).toMatchObject({ error: 'path' });
    } finally {
      await timed.close();
    }
  });

  it('issues no ticket for a challenge URL on another origin or outside the well-known paths', async () => {
    for (const named of [
      `${upstream.url}/custom/prm.json`,
      `http://localhost:${upstream.port}/.well-known/oauth-protected-resource/mcp`,
      `http://127.0.0.1:6379/.well-known/oauth-protected-resource`,
      `${upstream.url}/admin?/.well-known/oauth-protected-resource`,
    ]) {
      upstreamRoutes.set('/mcp', (_req, res) => {
        res.writeHead(401, { 'WWW-Authenticate': `Bearer resource_metadata="${named}"` });
        res.end();
      });
      const probe = await relay.probe(`${upstream.url}/mcp`);
      expect(probe.status, named).toBe(401);
      expect(probe.headers.get(RELAY_TICKET_HEADER), named).toBeNull();
    }
    upstreamRoutes.set('/custom/prm.json', (_req, res) => res.end('{}'));
    expect(await refusal(await relay.get(`${upstream.url}/custom/prm.json`))).toMatchObject({
      error: 'path',
    });
  });

  it('reports a redirect that would turn the probe into a GET instead of following it', async () => {
    redirect307('/mcp-moved', '/mcp-login');
    upstreamRoutes.set('/mcp-login', (_req, res) => {
      res.writeHead(302, { Location: '/login' });
      res.end();
    });
    const response = await relay.probe(`${upstream.url}/mcp-moved`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBeNull();
    expect(seen.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST /mcp-moved',
      'POST /mcp-login',
    ]);
    expect(seen[1]?.body).toBe(INITIALIZE_REQUEST_BODY);

    function redirect307(from: string, to: string): void {
      upstreamRoutes.set(from, (_req, res) => {
        res.writeHead(307, { Location: to });
        res.end();
      });
    }
  });

  it('says when nothing listens', async () => {
    const closed = await listen(() => undefined);
    await closed.close();
    const refused = await refusal(await relay.probe(`${closed.url}/mcp`));
    expect(refused).toMatchObject({ status: 502, error: 'unreachable' });
    expect(refused.message).toMatch(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });
});
