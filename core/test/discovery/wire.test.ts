import { describe, expect, it } from 'vitest';
import {
  authServerMetadataUrls,
  effectivePort,
  isUnderWellKnownMetadataPath,
  isWellKnownMetadataUrl,
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
