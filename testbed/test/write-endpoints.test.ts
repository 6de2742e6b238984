import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundOrigins } from '../src/config.ts';
import { createProviderStore } from '../src/provider-store.ts';
import { createRateLimit } from '../src/rate-limit.ts';
import { createLiveRegistry } from '../src/scenarios.ts';
import type { Testbed } from '../src/server.ts';
import { createTestbed } from '../src/server.ts';
import { Browser, pkcePair } from './support.ts';

// The write endpoints (POST /scenarios, client registration) answer the playground's pages only,
// are rate limited per process, and a flood of them cannot evict anyone's state.

const PLAYGROUND = 'http://localhost:5173';
const SCENARIO = { serverUrl: 'https://mcp.example.com/mcp', profile: 'mcp-2026-07-28' };

function postScenario(testbed: Testbed, origin?: string) {
  return fetch(`${testbed.url}/scenarios`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
    body: JSON.stringify(SCENARIO),
  });
}

function register(testbed: Testbed, origin?: string) {
  return fetch(`${testbed.defaultPair.issuer}/reg`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
    body: JSON.stringify({
      redirect_uris: ['http://127.0.0.1:1234/callback'],
      application_type: 'native',
      token_endpoint_auth_method: 'none',
    }),
  });
}

describe('who may write from a browser', () => {
  let testbed: Testbed;
  beforeAll(async () => {
    testbed = await createTestbed({ port: 0 });
  });
  afterAll(() => testbed.close());

  it("answers the dev server's and the preview's origins, and a terminal without Origin", async () => {
    for (const origin of [PLAYGROUND, 'http://localhost:4173']) {
      const created = await postScenario(testbed, origin);
      expect(created.status, origin).toBe(201);
      expect(created.headers.get('access-control-allow-origin')).toBe(origin);
      expect(created.headers.get('vary')).toContain('Origin');
      const registered = await register(testbed, origin);
      expect(registered.status, origin).toBe(201);
      expect(registered.headers.get('access-control-allow-origin')).toBe(origin);
    }
    expect((await postScenario(testbed)).status).toBe(201);
    expect((await register(testbed)).status).toBe(201);
  });

  it('refuses every other origin before doing anything, preflight included', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:8080', 'null']) {
      for (const response of [
        await postScenario(testbed, origin),
        await register(testbed, origin),
      ]) {
        expect(response.status, origin).toBe(403);
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        expect(((await response.json()) as { error: string }).error).toBe('origin_not_allowed');
      }
      const preflight = await fetch(`${testbed.url}/scenarios`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    }
    const index = (await (await fetch(`${testbed.url}/`)).json()) as {
      writes: { browserOrigins: string[] };
    };
    expect(index.writes.browserOrigins).toEqual([PLAYGROUND, 'http://localhost:4173']);
  });

  it('takes other origins from TESTBED_PLAYGROUND_ORIGINS, and refuses what is not an origin', () => {
    expect([...playgroundOrigins({})]).toEqual([PLAYGROUND, 'http://localhost:4173']);
    expect([
      ...playgroundOrigins({ TESTBED_PLAYGROUND_ORIGINS: 'http://127.0.0.1:5173, https://x.test' }),
    ]).toEqual(['http://127.0.0.1:5173', 'https://x.test']);
    expect(() => playgroundOrigins({ TESTBED_PLAYGROUND_ORIGINS: 'http://x.test/path' })).toThrow(
      /must list origins/,
    );
  });
});

describe('rate limits', () => {
  let testbed: Testbed;
  beforeAll(async () => {
    testbed = await createTestbed({
      port: 0,
      writes: {
        scenarios: createRateLimit({ burst: 2, perSecond: 0.01 }),
        registrations: createRateLimit({ burst: 3, perSecond: 0.01 }),
      },
    });
  });
  afterAll(() => testbed.close());

  it('answer a burst, then 429 with Retry-After that the playground can read', async () => {
    const scenarios = [];
    for (let i = 0; i < 3; i++) scenarios.push(await postScenario(testbed, PLAYGROUND));
    expect(scenarios.map(({ status }) => status)).toEqual([201, 201, 429]);
    const refused = scenarios[2];
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused?.headers.get('access-control-allow-origin')).toBe(PLAYGROUND);
    expect(refused?.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(((await refused?.json()) as { error: string }).error).toBe('too_many_requests');

    const registrations = [];
    for (let i = 0; i < 4; i++) registrations.push(await register(testbed));
    expect(registrations.map(({ status }) => status)).toEqual([201, 201, 201, 429]);
    expect(Number(registrations[3]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('refill over time', () => {
    let now = 0;
    const limit = createRateLimit({ burst: 2, perSecond: 0.5 }, () => now);
    expect([limit.take().ok, limit.take().ok]).toEqual([true, true]);
    expect(limit.take()).toEqual({ ok: false, retryAfterSeconds: 2 });
    now = 2_000;
    expect(limit.take().ok).toBe(true);
    expect(limit.take().ok).toBe(false);
  });
});

describe('a flood of registrations', () => {
  it('is refused once the client store is full, and never evicts a pending login', async () => {
    const testbed = await createTestbed({
      port: 0,
      writes: { registrations: createRateLimit({ burst: 10_000, perSecond: 1_000 }) },
    });
    try {
      // A login that has reached the login page, as a user's would.
      const browser = new Browser();
      const { challenge } = pkcePair();
      const start = new URL(`${testbed.defaultPair.issuer}/auth`);
      start.search = new URLSearchParams({
        client_id: 'playground',
        response_type: 'code',
        redirect_uri: 'http://localhost:5173/callback',
        scope: 'mcp:read',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state: 'pending',
      }).toString();
      const first = await browser.fetch(start);
      const loginPage = new URL(first.headers.get('location') ?? '', start);

      const statuses = new Map<number, number>();
      for (let i = 0; i < 1_050; i++) {
        const { status } = await register(testbed);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
      // 500 clients fit; the rest are told to wait, and nothing failed.
      expect(Object.fromEntries(statuses)).toEqual({ 201: 500, 429: 550 });

      const page = await browser.fetch(loginPage);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('name="login"');
    } finally {
      await testbed.close();
    }
  }, 30_000);
});

describe('the provider store', () => {
  it('keeps each kind apart: clients are refused when full, others evict only their own kind', async () => {
    let now = 0;
    const store = createProviderStore(
      { maxClients: 2, clientTtlSeconds: 10, maxPerKind: 2 },
      () => now,
    );
    const clients = new store.Adapter('Client');
    const sessions = new store.Adapter('Session');
    const interactions = new store.Adapter('Interaction');
    await sessions.upsert('s1', { uid: 'u1' }, 60);
    await interactions.upsert('i1', {}, 60);
    await clients.upsert('c1', {});
    await clients.upsert('c2', {});
    expect(store.hasClientRoom()).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(await sessions.findByUid('u1')).toEqual({ uid: 'u1' });
    expect(await interactions.find('i1')).toEqual({});

    await interactions.upsert('i2', {}, 60);
    await interactions.upsert('i3', {}, 60);
    expect(await interactions.find('i1')).toBeUndefined();
    expect(await sessions.find('s1')).toBeDefined();

    now = 10_000;
    expect(await clients.find('c1')).toBeUndefined();
    expect(store.hasClientRoom()).toEqual({ ok: true });
  });

  it('revokes every entry of a grant, and marks a consumed code', async () => {
    const store = createProviderStore({ maxClients: 5, clientTtlSeconds: 10, maxPerKind: 5 });
    const codes = new store.Adapter('AuthorizationCode');
    const refresh = new store.Adapter('RefreshToken');
    await codes.upsert('code', { grantId: 'g' }, 60);
    await refresh.upsert('rt', { grantId: 'g' }, 60);
    await refresh.upsert('other', { grantId: 'h' }, 60);
    await codes.consume('code');
    expect(typeof (await codes.find('code'))?.consumed).toBe('number');
    await refresh.revokeByGrantId('g');
    expect(await codes.find('code')).toBeUndefined();
    expect(await refresh.find('rt')).toBeUndefined();
    expect(await refresh.find('other')).toBeDefined();
    expect(store.sizes()).toEqual({ AuthorizationCode: 0, RefreshToken: 1 });
  });
});

describe('the live scenario registry under a flood', () => {
  it('refuses to evict a scenario used in the last protectedMs, and says when to retry', () => {
    let now = 0;
    const registry = createLiveRegistry<string>(
      { maxLive: 2, lifetimeMs: 3_600_000, protectedMs: 600_000 },
      () => now,
    );
    registry.add('mine', 'a');
    now = 100_000;
    registry.add('theirs', 'b');
    now = 200_000;
    expect(registry.hasRoom()).toEqual({ ok: false, retryAfterMs: 400_000 });
    now = 599_999;
    registry.get('mine');
    // 'theirs' is now the least recently used, unused for 599 999 - 100 000 ms.
    now = 700_000;
    expect(registry.hasRoom()).toEqual({ ok: true });
    registry.add('new', 'c');
    expect(registry.get('mine')?.value).toBe('a');
    expect(registry.get('theirs')).toBeUndefined();
  });
});
