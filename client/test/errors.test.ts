import { describe, expect, it } from 'vitest';
import { discover, followAuthorizationRedirects, runFlow } from '../src/index.ts';
import type { ExchangeEvent } from '../src/index.ts';
import {
  countingBytes,
  fakeWorld,
  ISSUER,
  MCP,
  PRM_PATH_INSERTED,
  REDIRECT,
} from './fake-world.ts';

type Fetch = typeof globalThis.fetch;

/** The URL of a fetch call, without touching a Request's body. */
const urlOf = (input: RequestInfo | URL): string =>
  input instanceof Request ? input.url : String(input);

/** The fake world, with one URL answered differently. */
function replacing(url: string, answer: () => Response | Promise<Response>): Fetch {
  const world = fakeWorld();
  return (input, init) => {
    return urlOf(input) === url ? Promise.resolve(answer()) : world.fetch(input, init);
  };
}

const failing =
  (cause: unknown): Fetch =>
  () =>
    Promise.reject(new TypeError('fetch failed', { cause }));

async function discoverWith(fetch: Fetch) {
  return discover({ serverUrl: MCP, io: { fetch, now: () => 0 } });
}

describe('discover', () => {
  it('returns the documents and reports each exchange with its status as it happens', async () => {
    const seen: ExchangeEvent[] = [];
    const outcome = await discover({
      serverUrl: MCP,
      io: { fetch: fakeWorld({ challengeScope: 'mcp:read' }).fetch, now: () => 0 },
      onExchange: (event) => seen.push(event),
    });
    expect(outcome).toMatchObject({
      ok: true,
      documents: {
        wwwAuthenticate: 'Bearer scope="mcp:read"',
        resourceMetadata: { resource: MCP, authorization_servers: [ISSUER] },
        authServerMetadata: { issuer: ISSUER },
      },
    });
    expect(
      seen.map(({ exchange }) => [exchange.request.method, exchange.response?.status]),
    ).toEqual([
      ['POST', 401],
      ['GET', 200],
      ['GET', 200],
    ]);
    expect(seen.every(({ exchange }) => typeof exchange.durationMs === 'number')).toBe(true);
    expect(outcome.exchanges).toHaveLength(3);
  });

  it('names an unreachable server, with what to check', async () => {
    const outcome = await discoverWith(failing({ code: 'ECONNREFUSED' }));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unreachable', step: 'probe' } });
    expect(outcome.error?.message).toMatch(/refused the connection/);
  });

  it('names a redirect loop', async () => {
    const outcome = await discoverWith(failing(new Error('redirect count exceeded')));
    expect(outcome.error?.code).toBe('redirect-loop');
  });

  it('says metadata that is an HTML page is not JSON', async () => {
    const html = () =>
      new Response('<!doctype html><title>Sign in</title>', {
        headers: { 'content-type': 'text/html' },
      });
    const outcome = await discoverWith(replacing(PRM_PATH_INSERTED, html));
    expect(outcome.error).toMatchObject({ code: 'not-json', step: 'resource-metadata' });
  });

  it('stops reading a 10 MB answer', async () => {
    const huge = () =>
      new Response(`{"resource":"${'x'.repeat(10 * 1024 * 1024)}"}`, {
        headers: { 'content-type': 'application/json' },
      });
    const outcome = await discoverWith(replacing(PRM_PATH_INSERTED, huge));
    expect(outcome.error).toMatchObject({ code: 'too-large', step: 'resource-metadata' });
  });

  it('turns a server URL that is not one into invalid-input, sending nothing', async () => {
    let sent = 0;
    const outcome = await discover({
      serverUrl: 'not a url',
      io: { fetch: () => Promise.resolve(new Response(String(++sent))), now: () => 0 },
    });
    expect(outcome.error?.code).toBe('invalid-input');
    expect(sent).toBe(0);
  });
});

describe('runFlow failures', () => {
  const io = (fetch: Fetch) => ({
    fetch,
    now: () => 0,
    randomBytes: countingBytes(),
    authorize: followAuthorizationRedirects(fetch),
  });
  const base = { serverUrl: MCP, profile: 'mcp-2026-07-28' as const, redirectUri: REDIRECT };

  it('refuses options that cannot work before sending anything', async () => {
    const result = await runFlow({
      ...base,
      profile: 'no-such-client' as never,
      io: io(fakeWorld().fetch),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' }, exchanges: [] });
  });

  it('names a headless authorization that redirects forever a redirect loop', async () => {
    const loop = () =>
      new Response(null, { status: 302, headers: { location: `${ISSUER}/authorize?again=1` } });
    const world = fakeWorld();
    const fetch: Fetch = (input, init) =>
      urlOf(input).startsWith(`${ISSUER}/authorize`)
        ? Promise.resolve(loop())
        : world.fetch(input, init);
    const result = await runFlow({ ...base, io: io(fetch) });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'redirect-loop', step: 'authorization-response' },
    });
  });

  it('says a sign-in page needs a person', async () => {
    const world = fakeWorld();
    const fetch: Fetch = (input, init) =>
      urlOf(input).startsWith(`${ISSUER}/authorize`)
        ? Promise.resolve(new Response('<form>Sign in</form>', { status: 200 }))
        : world.fetch(input, init);
    const result = await runFlow({ ...base, io: io(fetch) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/run the flow interactively/);
  });

  it('ends a cancelled run with cancelled, before anything is sent', async () => {
    const controller = new AbortController();
    controller.abort();
    let sent = 0;
    const world = fakeWorld();
    const result = await runFlow({
      ...base,
      signal: controller.signal,
      io: io((input, init) => {
        sent += 1;
        return world.fetch(input, init);
      }),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled', step: 'probe' } });
    expect(sent).toBe(0);
  });

  it('reports an exception from the injected fetch as a result, never a rejection', async () => {
    const result = await runFlow({
      ...base,
      io: io(() => {
        throw new Error('boom');
      }),
    });
    expect(result.ok).toBe(false);
  });
});
