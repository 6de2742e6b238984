import { describe, expect, it } from 'vitest';
import {
  authServerMetadataUrls,
  discoverFromServer,
  effectivePort,
  type FetchLike,
  isUnderWellKnownMetadataPath,
  isWellKnownMetadataUrl,
  RELAY_MARKER_HEADER,
  RELAY_REQUEST_HEADER,
  RELAY_TICKET_HEADER,
  resourceMetadataUrls,
} from '../../src/index.ts';

describe('the exact well-known metadata URL shapes the relay accepts', () => {
  it('accepts every URL discovery builds, for servers and issuers with and without paths', () => {
    const built = [
      ...resourceMetadataUrls('https://a.test/mcp'),
      ...resourceMetadataUrls('https://a.test/'),
      ...resourceMetadataUrls('https://a.test/t/1/mcp?tenant=1'),
      ...resourceMetadataUrls('https://a.test?tenant=1'),
      ...authServerMetadataUrls('https://a.test'),
      ...authServerMetadataUrls('https://a.test/as/default'),
      ...authServerMetadataUrls('https://a.test/realms/x/'),
    ];
    expect(built.length).toBeGreaterThan(10);
    for (const url of built) expect(isWellKnownMetadataUrl(new URL(url)), url).toBe(true);
  });

  it('refuses any other path prefix, query, fragment or hidden separator', () => {
    for (const url of [
      // Appended OIDC form under a path that is itself a well-known path, or with a query.
      'https://a.test/.well-known/oauth-protected-resource/x/.well-known/openid-configuration?q',
      'https://a.test/admin/.well-known/openid-configuration?delete=1',
      'https://a.test/.well-known/openid-configuration?x=1',
      'https://a.test/.well-known/oauth-authorization-server/as?x=1',
      'https://a.test/.well-known/oauth-protected-resource#top',
      'https://a.test/.well-known/oauth-protected-resource/',
      'https://a.test/.well-known/oauth-protected-resource//mcp',
      'https://a.test/.well-known/oauth-protected-resource/%2e%2e/admin',
      'https://a.test/.well-known/oauth-protected-resource/a%2fb',
      'https://a.test/.well-known/oauth-protected-resource/a%5Cb',
      'https://a.test//.well-known/openid-configuration',
      'https://a.test/a%2f/.well-known/openid-configuration',
      'https://a.test/.well-known/openid-configurationx',
    ]) {
      expect(isWellKnownMetadataUrl(new URL(url)), url).toBe(false);
    }
  });

  it('keeps a query only on the protected resource forms, as RFC 9728 keeps the server URL query', () => {
    expect(
      isWellKnownMetadataUrl(
        new URL('https://a.test/.well-known/oauth-protected-resource/mcp?t=1'),
      ),
    ).toBe(true);
  });

  it('has a looser test for challenge-named URLs: anything under a well-known prefix', () => {
    expect(
      isUnderWellKnownMetadataPath(new URL('https://a.test/.well-known/oauth-protected-resource/')),
    ).toBe(true);
    expect(isUnderWellKnownMetadataPath(new URL('https://a.test/custom/prm.json'))).toBe(false);
    expect(
      isUnderWellKnownMetadataPath(new URL('https://a.test/x/.well-known/openid-configuration')),
    ).toBe(false);
  });
});

describe('the port a URL connects to', () => {
  it('is the explicit port or the scheme default, and port 0 is no port', () => {
    expect(effectivePort(new URL('http://a.test/'))).toBe(80);
    expect(effectivePort(new URL('https://a.test/'))).toBe(443);
    expect(effectivePort(new URL('http://a.test:80/'))).toBe(80);
    expect(effectivePort(new URL('http://a.test:4000/'))).toBe(4000);
    expect(effectivePort(new URL('http://a.test:0/'))).toBeUndefined();
    expect(effectivePort(new URL('http://a.test:00000/'))).toBeUndefined();
  });
});

describe('the relay ticket', () => {
  it('is sent back with every later relay request of the run that received it, with the request header', async () => {
    const relayOrigin = 'http://localhost:4000';
    const challengeUrl = 'https://a.test/.well-known/oauth-protected-resource/mcp/';
    const seen: { target: string; headers: Headers }[] = [];
    const fetch: FetchLike = (input, init) => {
      const url = new URL(input);
      if (url.origin !== relayOrigin) return Promise.reject(new TypeError('Failed to fetch'));
      const target = url.searchParams.get('url') ?? '';
      seen.push({ target, headers: new Headers(init?.headers) });
      const relayed = { [RELAY_MARKER_HEADER]: 'relayed' };
      if (url.pathname === '/relay/probe') {
        return Promise.resolve(
          new Response(null, {
            status: 401,
            headers: {
              ...relayed,
              [RELAY_TICKET_HEADER]: 'ticket-1',
              'WWW-Authenticate': `Bearer resource_metadata="${challengeUrl}"`,
            },
          }),
        );
      }
      const body =
        target === challengeUrl
          ? { resource: 'https://a.test/mcp', authorization_servers: ['https://a.test'] }
          : { issuer: 'https://a.test', authorization_endpoint: 'https://a.test/auth' };
      return Promise.resolve(
        new Response(JSON.stringify(body), {
          status: 200,
          headers: { ...relayed, 'Content-Type': 'application/json' },
        }),
      );
    };
    await discoverFromServer('https://a.test/mcp', { fetch, relay: { origin: relayOrigin } });
    expect(seen.map(({ target }) => target)).toContain(challengeUrl);
    for (const { headers } of seen) expect(headers.get(RELAY_REQUEST_HEADER)).toBe('1');
    expect(seen[0]?.headers.get(RELAY_TICKET_HEADER)).toBeNull();
    for (const { headers } of seen.slice(1))
      expect(headers.get(RELAY_TICKET_HEADER)).toBe('ticket-1');
  });
});
