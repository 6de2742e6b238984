import {
  discoverFromServer,
  findChallenge,
  parseWwwAuthenticate,
  RELAY_MARKER_HEADER,
  RELAY_REQUEST_HEADERS,
  type DiscoveryAttempt,
  type FetchLike,
} from '@mcp-auth-playground/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelay } from '../src/relay.ts';
import { createTestbed, type Testbed } from '../src/server.ts';
import { postScenario } from './support.ts';

// Core's discovery runner against the real testbed over HTTP, with Node's fetch: what the
// playground's Discover button does in a browser, minus CORS (covered in core's tests).

let testbed: Testbed;
beforeAll(async () => {
  testbed = await createTestbed({ port: 0, mounts: [createRelay()] });
});
afterAll(() => testbed.close());

describe('discovery against the testbed', () => {
  it('fills all three documents and the challenge from the default pair', async () => {
    const { serverUrl, issuer, resource, resourceMetadataUrl } = testbed.defaultPair;
    const reported: DiscoveryAttempt[] = [];
    const result = await discoverFromServer(serverUrl, {
      onAttempt: (attempt) => reported.push(attempt),
    });

    expect(result.findings).toEqual([]);
    expect(result.challengeStatus).toBe(401);
    const bearer = findChallenge(parseWwwAuthenticate(result.wwwAuthenticate ?? ''), 'Bearer');
    expect(bearer?.params).toMatchObject({
      resource_metadata: resourceMetadataUrl,
      scope: 'mcp:read',
    });

    expect(result.resourceMetadataUrl).toBe(resourceMetadataUrl);
    expect(result.resourceMetadata).toMatchObject({
      resource,
      authorization_servers: [issuer],
      scopes_supported: ['mcp:read', 'mcp:write'],
    });

    expect(result.authorizationServer).toBe(issuer);
    expect(result.authServerMetadataUrl).toBe(
      `${testbed.url}/.well-known/oauth-authorization-server/as/default`,
    );
    expect(result.authServerMetadata).toMatchObject({
      issuer,
      code_challenge_methods_supported: ['S256'],
    });
    expect((result.authServerMetadata as { scopes_supported: string[] }).scopes_supported).toEqual(
      expect.arrayContaining(['mcp:read', 'mcp:write', 'offline_access']),
    );

    expect(result.attempts.map(({ step, status, outcome }) => [step, status, outcome])).toEqual([
      ['challenge', 401, 'ok'],
      ['resource-metadata', 200, 'ok'],
      ['auth-server-metadata', 200, 'ok'],
    ]);
    expect(reported.filter(({ outcome }) => outcome === 'pending')).toHaveLength(3);
  });

  it('shows the fallback attempts for a live scenario that serves no PRM', async () => {
    const created = await postScenario(testbed.url, {
      wwwAuthenticate: 'Bearer scope="mcp:read"',
      authServerMetadata: { issuer: 'https://auth.example.com', scopes_supported: ['mcp:read'] },
    });
    expect(created.status).toBe(201);
    const serverUrl = created.body['serverUrl'] as string;
    const path = new URL(serverUrl).pathname;

    const result = await discoverFromServer(serverUrl);
    expect(result.challengeStatus).toBe(401);
    expect(result.wwwAuthenticate).toContain('scope="mcp:read"');
    expect(result.resourceMetadata).toBeUndefined();
    expect(result.authServerMetadata).toBeUndefined();

    // The challenge names no metadata URL, so both well-known URLs are tried, path first.
    const tried = result.attempts.filter(({ step }) => step === 'resource-metadata');
    expect(tried.map(({ url, status }) => [url, status])).toEqual([
      [`${testbed.url}/.well-known/oauth-protected-resource${path}`, 404],
      [`${testbed.url}/.well-known/oauth-protected-resource`, 404],
    ]);
    expect(tried[0]?.reason).toContain(
      `Trying ${testbed.url}/.well-known/oauth-protected-resource next.`,
    );
    const finding = result.findings.find(({ id }) => id === 'discovery/no-resource-metadata');
    expect(finding?.message).toContain('does not implement RFC 9728');
  });
});

describe('the relay, mounted in the testbed', () => {
  /**
   * A browser's view of a server without CORS headers: every direct request fails as
   * "Failed to fetch" and a no-cors request gets an opaque answer, while the relay, on another
   * origin with CORS, answers normally.
   */
  function browserBlockedFromServer(): { fetch: FetchLike; direct: string[] } {
    const direct: string[] = [];
    const fetch: FetchLike = (url, init) => {
      if (new URL(url).pathname.startsWith('/relay')) return globalThis.fetch(url, init);
      direct.push(url);
      if (init?.mode === 'no-cors') return Promise.resolve(new Response(null));
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    return { fetch, direct };
  }

  it('reads the default pair through the relay when the browser may not, naming CORS', async () => {
    const { serverUrl, issuer } = testbed.defaultPair;
    const { fetch } = browserBlockedFromServer();
    const result = await discoverFromServer(serverUrl, { fetch, relay: { origin: testbed.url } });

    expect(result.attempts.map(({ relayed }) => relayed)).toEqual([true, true, true]);
    expect(result.wwwAuthenticate).toContain('resource_metadata=');
    expect(result.resourceMetadata).toMatchObject({ authorization_servers: [issuer] });
    expect(result.authServerMetadata).toMatchObject({ issuer });
    expect(result.findings.map(({ id }) => id)).toEqual([
      'discovery/cors',
      'discovery/cors',
      'discovery/cors',
    ]);
  });

  it('answers its health check and marks what it relays', async () => {
    const health = await fetch(`${testbed.url}/relay/health`, {
      headers: { ...RELAY_REQUEST_HEADERS, Origin: 'http://localhost:5173' },
    });
    expect(health.status).toBe(200);
    expect(health.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');

    const prm = await fetch(
      `${testbed.url}/relay?url=${encodeURIComponent(testbed.defaultPair.resourceMetadataUrl)}`,
      { headers: RELAY_REQUEST_HEADERS },
    );
    expect(prm.status).toBe(200);
    expect(prm.headers.get(RELAY_MARKER_HEADER)).toBe('relayed');
  });

  it('refuses a path of the testbed that is not metadata', async () => {
    const refused = await fetch(
      `${testbed.url}/relay?url=${encodeURIComponent(`${testbed.url}/scenarios`)}`,
      { headers: RELAY_REQUEST_HEADERS },
    );
    expect(refused.status).toBe(403);
    expect(refused.headers.get(RELAY_MARKER_HEADER)).toBe('refused');
    expect(await refused.json()).toMatchObject({ error: 'path' });
  });
});
