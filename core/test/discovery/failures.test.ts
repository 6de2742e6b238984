import { describe, expect, it } from 'vitest';
import {
  discoverAuthServerMetadata,
  discoverFromServer,
  discoverResourceMetadata,
  RELAY_MARKER_HEADER,
  requestChallenge,
  type DiscoveryAttempt,
} from '../../src/discovery/index.ts';
import { corsResponse, endlessBody, json, status, type SeenRequest } from './fake-network.ts';
import {
  AS_METADATA,
  AS_OAUTH,
  CHALLENGE,
  defaultPair,
  ISSUER,
  PRM,
  PRM_FROM_CHALLENGE,
  PRM_ROOT,
  SERVER,
} from './fixtures.ts';

const RELAY = { origin: 'http://localhost:4000' };
const ids = (findings: { id: string }[]) => findings.map((finding) => finding.id);

/** A relay that fetches from the fake network as the real one would, marking its answers. */
function relayed(
  body: BodyInit | null,
  init: ResponseInit & { headers?: Record<string, string> },
): Response {
  return new Response(body, {
    ...init,
    headers: { ...init.headers, [RELAY_MARKER_HEADER]: 'relayed' },
  });
}

function relayTarget(request: SeenRequest): string {
  return new URL(request.url).searchParams.get('url') ?? '';
}

describe('CORS', () => {
  it('names a CORS failure, with the exact headers to send, when a no-cors probe gets an answer', async () => {
    const network = defaultPair().withoutCors('https://mcp.example.test');
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });

    expect(result.attempts[0]).toMatchObject({ step: 'challenge', outcome: 'cors' });
    expect(network.seen[1]).toMatchObject({ url: SERVER, mode: 'no-cors', credentials: 'omit' });
    const challenge = result.findings.find(({ subject }) => subject === 'www-authenticate');
    expect(challenge).toMatchObject({ id: 'discovery/cors', severity: 'error' });
    expect(challenge?.message).toContain('Access-Control-Allow-Origin');
    expect(challenge?.message).toContain('Access-Control-Expose-Headers: WWW-Authenticate');
    expect(challenge?.cite?.url).toBe('https://fetch.spec.whatwg.org/#http-cors-protocol');

    // The metadata URLs on the same host fail the same way; one finding says so.
    const metadata = result.findings.filter(({ subject }) => subject === 'resource-metadata');
    expect(ids(metadata)).toEqual(['discovery/cors']);
    expect(metadata[0]?.message).toContain('Access-Control-Allow-Origin: *');
    expect(result.attempts.filter(({ outcome }) => outcome === 'cors')).toHaveLength(3);
  });

  it('says the server is unreachable when the no-cors probe fails too', async () => {
    const network = defaultPair().offline('https://mcp.example.test');
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });
    expect(result.attempts[0]).toMatchObject({ outcome: 'unreachable' });
    expect(result.findings[0]).toMatchObject({ id: 'discovery/unreachable' });
    expect(result.findings[0]?.message).toContain('could not be reached (Failed to fetch)');
    // Every request to the host failed the same way; one line says so.
    expect(result.attempts.map(({ outcome }) => outcome)).toEqual([
      'unreachable',
      'unreachable',
      'unreachable',
    ]);
    expect(ids(result.findings)).toEqual(['discovery/unreachable']);
  });

  it('reads a CORS-less server through the relay, marks the attempts relayed and still names CORS', async () => {
    const network = defaultPair()
      .withoutCors('https://mcp.example.test')
      .route(`${RELAY.origin}/relay/probe?url=${encodeURIComponent(SERVER)}`, (request) => {
        expect(request.method).toBe('POST');
        return relayed(null, { status: 401, headers: { 'www-authenticate': CHALLENGE } });
      })
      .route(`${RELAY.origin}/relay?url=${encodeURIComponent(PRM_FROM_CHALLENGE)}`, (request) => {
        expect(relayTarget(request)).toBe(PRM_FROM_CHALLENGE);
        return relayed(JSON.stringify(PRM), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      });
    const result = await discoverFromServer(SERVER, { fetch: network.fetch, relay: RELAY });

    expect(result.wwwAuthenticate).toBe(CHALLENGE);
    expect(result.resourceMetadata).toEqual(PRM);
    expect(result.authServerMetadata).toEqual(AS_METADATA); // its host sends CORS headers
    expect(result.attempts.map(({ relayed }) => relayed ?? false)).toEqual([true, true, false]);
    expect(ids(result.findings)).toEqual(['discovery/cors', 'discovery/cors']);
    expect(result.findings[0]?.message).toContain('The local relay read it instead');
    // No no-cors probe is needed when the relay answers.
    expect(network.seen.some(({ mode }) => mode === 'no-cors')).toBe(false);
  });

  it('reports what the relay refused, with its reason', async () => {
    const network = defaultPair()
      .withoutCors('https://mcp.example.test')
      .route(
        `${RELAY.origin}/relay/probe?url=${encodeURIComponent(SERVER)}`,
        () =>
          new Response(
            JSON.stringify({
              error: 'address',
              message: 'mcp.example.test resolves to 10.0.0.7, a private address.',
            }),
            {
              status: 403,
              headers: { [RELAY_MARKER_HEADER]: 'refused' },
            },
          ),
      );
    const result = await requestChallenge(SERVER, { fetch: network.fetch, relay: RELAY });
    expect(result.attempts[0]).toMatchObject({ outcome: 'refused', relayed: true });
    expect(result.findings[0]).toMatchObject({ id: 'discovery/relay-refused' });
    expect(result.findings[0]?.message).toContain('10.0.0.7, a private address');
  });

  it('maps the relay reporting a timeout to a timeout', async () => {
    const network = defaultPair()
      .withoutCors('https://mcp.example.test')
      .route(
        `${RELAY.origin}/relay?url=${encodeURIComponent(PRM_ROOT)}`,
        () =>
          new Response(JSON.stringify({ error: 'timeout', message: 'No answer within 10 s.' }), {
            status: 504,
            headers: { [RELAY_MARKER_HEADER]: 'refused' },
          }),
      );
    const result = await discoverResourceMetadata(SERVER, undefined, {
      fetch: network.fetch,
      relay: RELAY,
    });
    const root = result.attempts.find(({ url }) => url === PRM_ROOT);
    expect(root).toMatchObject({ outcome: 'timeout', relayed: true });
  });

  it('words a relayed connection failure as a sentence the next one can follow', async () => {
    const network = defaultPair()
      .withoutCors('https://mcp.example.test')
      .route(
        `${RELAY.origin}/relay/probe?url=${encodeURIComponent(SERVER)}`,
        () =>
          new Response(
            JSON.stringify({ error: 'unreachable', message: 'connect ECONNREFUSED 127.0.0.1:9' }),
            {
              status: 502,
              headers: { [RELAY_MARKER_HEADER]: 'refused' },
            },
          ),
      );
    const result = await requestChallenge(SERVER, { fetch: network.fetch, relay: RELAY });
    expect(result.attempts[0]).toMatchObject({ outcome: 'unreachable', relayed: true });
    expect(result.attempts[0]?.reason).toBe(
      'No HTTP answer (through the relay): connect ECONNREFUSED 127.0.0.1:9. Discovery goes on with the well-known metadata URLs.',
    );
    expect(result.findings[0]?.message).toContain(
      'could not be reached (connect ECONNREFUSED 127.0.0.1:9)',
    );
  });

  it('falls back to the no-cors probe when the relay is not running', async () => {
    const network = defaultPair().withoutCors('https://mcp.example.test').offline(RELAY.origin);
    const result = await requestChallenge(SERVER, { fetch: network.fetch, relay: RELAY });
    expect(result.attempts[0]).toMatchObject({ outcome: 'cors' });
  });

  it('ignores an answer from something at the relay address that is not the relay', async () => {
    const network = defaultPair()
      .withoutCors('https://mcp.example.test')
      .route(
        `${RELAY.origin}/relay/probe?url=${encodeURIComponent(SERVER)}`,
        status(401, { 'www-authenticate': 'Bearer' }),
      );
    const result = await requestChallenge(SERVER, { fetch: network.fetch, relay: RELAY });
    expect(result.wwwAuthenticate).toBeUndefined();
    expect(result.attempts[0]).toMatchObject({ outcome: 'refused' });
    expect(result.findings[0]?.message).toContain('without its marker header');
  });

  it('tells a hidden WWW-Authenticate from a missing one on a cross-origin 401', async () => {
    const hidden = defaultPair().route(SERVER, () => corsResponse(401));
    const unknown = await requestChallenge(SERVER, { fetch: hidden.fetch });
    expect(ids(unknown.findings)).toEqual(['discovery/challenge-unreadable']);
    expect(unknown.findings[0]?.message).toContain(
      'Access-Control-Expose-Headers: WWW-Authenticate',
    );

    hidden.route(`${RELAY.origin}/relay/probe?url=${encodeURIComponent(SERVER)}`, () =>
      relayed(null, { status: 401, headers: { 'www-authenticate': CHALLENGE } }),
    );
    const known = await requestChallenge(SERVER, { fetch: hidden.fetch, relay: RELAY });
    expect(known.wwwAuthenticate).toBe(CHALLENGE);
    expect(ids(known.findings)).toEqual(['discovery/challenge-not-exposed']);
    expect(known.attempts.map(({ relayed }) => relayed ?? false)).toEqual([false, true]);

    hidden.route(`${RELAY.origin}/relay/probe?url=${encodeURIComponent(SERVER)}`, () =>
      relayed(null, { status: 401 }),
    );
    const missing = await requestChallenge(SERVER, { fetch: hidden.fetch, relay: RELAY });
    expect(missing.wwwAuthenticate).toBeUndefined();
    expect(ids(missing.findings)).toEqual(['discovery/challenge-missing']);
  });
});

describe('bodies', () => {
  it('names a body that is not JSON, and an HTML page as such', async () => {
    const network = defaultPair()
      .route(
        PRM_FROM_CHALLENGE,
        new Response('<!doctype html><p>Sign in', { headers: { 'content-type': 'text/html' } }),
      )
      .route(PRM_ROOT, json([PRM]));
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });
    expect(result.resourceMetadata).toBeUndefined();
    expect(result.attempts[1]?.reason).toBe(
      `Not a JSON object: it looks like HTML. Trying ${PRM_ROOT} next.`,
    );
    expect(result.findings.map(({ id, severity }) => `${id}:${severity}`)).toEqual([
      'discovery/not-json:error',
      'discovery/not-json:error',
    ]);
    expect(result.findings[0]?.message).toContain('a text/html body');
    expect(result.findings[0]?.message).toContain('Content-Type: application/json');
    expect(result.findings[1]?.message).toContain('it is an array');
  });

  it('points at the first JSON syntax error, and accepts a byte order mark', async () => {
    const network = defaultPair()
      .route(PRM_FROM_CHALLENGE, new Response('{\n  "resource": "x",\n  oops\n}'))
      .route(PRM_ROOT, new Response(`\ufeff${JSON.stringify(PRM)}`));
    const result = await discoverResourceMetadata(SERVER, CHALLENGE, { fetch: network.fetch });
    expect(result.findings[0]?.message).toContain('invalid JSON at line 3, column 3: expected');
    expect(result.document).toEqual(PRM);
  });

  it('stops reading a body past the cap, and cancels the stream', async () => {
    const endless = endlessBody();
    const network = defaultPair().route(PRM_FROM_CHALLENGE, () => endless.response);
    const result = await discoverResourceMetadata(SERVER, CHALLENGE, {
      fetch: network.fetch,
      maxBytes: 200_000,
    });
    expect(result.attempts[0]).toMatchObject({ outcome: 'invalid', status: 200 });
    expect(result.findings[0]).toMatchObject({ id: 'discovery/too-large' });
    expect(result.findings[0]?.message).toContain('more than 200 kB');
    expect(endless.pulled()).toBeLessThanOrEqual(5);
    expect(endless.cancelled()).toBe(true);
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    const network = defaultPair().route(AS_OAUTH, () => {
      const endless = endlessBody();
      return new Response(endless.response.body, { headers: { 'content-length': '5000000' } });
    });
    const result = await discoverAuthServerMetadata(ISSUER, { fetch: network.fetch });
    expect(result.findings[0]).toMatchObject({ id: 'discovery/too-large', url: AS_OAUTH });
    expect(result.findings[0]?.message).toContain('more than 1.0 MB (at least 5.0 MB)');
  });

  it('keeps hostile keys as plain data', async () => {
    const network = defaultPair().route(
      PRM_FROM_CHALLENGE,
      new Response(`{"__proto__": {"polluted": true}, "authorization_servers": ["${ISSUER}"]}`),
    );
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(result.resourceMetadata as object)).toContain('__proto__');
  });
});

describe('timeouts and cancel', () => {
  it('gives up on a request after the timeout, even when fetch ignores the signal', async () => {
    const network = defaultPair().route(SERVER, 'hang-deaf').route(PRM_FROM_CHALLENGE, 'hang');
    const result = await discoverFromServer(SERVER, { fetch: network.fetch, timeoutMs: 20 });
    expect(result.attempts[0]).toMatchObject({ outcome: 'timeout' });
    expect(result.findings[0]).toMatchObject({ id: 'discovery/timeout' });
    expect(result.findings[0]?.message).toContain('within 0.02 s');
    // The challenge timed out, so the path-inserted URL is tried without a challenge.
    expect(result.attempts[1]).toMatchObject({ url: PRM_FROM_CHALLENGE, outcome: 'timeout' });
    expect(result.resourceMetadata).toBeUndefined();
  });

  it('times out a body that stops streaming halfway', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"issuer":'));
      },
    });
    const network = defaultPair().route(AS_OAUTH, () => new Response(stalled));
    const result = await discoverAuthServerMetadata(ISSUER, {
      fetch: network.fetch,
      timeoutMs: 20,
    });
    expect(result.attempts[0]).toMatchObject({ outcome: 'timeout', url: AS_OAUTH });
  });

  it('stops at once when cancelled mid-request, keeps what it found and sends nothing more', async () => {
    const controller = new AbortController();
    const reported: DiscoveryAttempt[] = [];
    const network = defaultPair().route(PRM_FROM_CHALLENGE, 'hang-deaf');
    const running = discoverFromServer(SERVER, {
      fetch: network.fetch,
      signal: controller.signal,
      onAttempt: (attempt) => {
        reported.push(attempt);
        if (attempt.step === 'resource-metadata' && attempt.outcome === 'pending') {
          queueMicrotask(() => controller.abort());
        }
      },
    });
    const result = await running;
    expect(result.cancelled).toBe(true);
    expect(result.wwwAuthenticate).toBe(CHALLENGE);
    expect(result.attempts.at(-1)).toMatchObject({ url: PRM_FROM_CHALLENGE, outcome: 'cancelled' });
    expect(ids(result.findings)).toEqual(['discovery/cancelled']);
    expect(network.seen).toHaveLength(2);
  });

  it('sends nothing when cancelled before it starts', async () => {
    const network = defaultPair();
    const result = await discoverFromServer(SERVER, {
      fetch: network.fetch,
      signal: AbortSignal.abort(),
    });
    expect(result.cancelled).toBe(true);
    expect(result.attempts).toMatchObject([{ outcome: 'cancelled' }]);
  });

  it('is not disturbed by a progress listener that throws', async () => {
    const network = defaultPair();
    const result = await discoverFromServer(SERVER, {
      fetch: network.fetch,
      onAttempt: () => {
        throw new Error('display broke');
      },
    });
    expect(result.authServerMetadata).toEqual(AS_METADATA);
  });

  it('treats a fetch that throws something other than an Error as unreachable', async () => {
    const result = await requestChallenge(SERVER, {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the case under test
      fetch: () => Promise.reject('a string, not an Error'),
    });
    expect(result.attempts[0]).toMatchObject({ outcome: 'unreachable' });
  });
});
