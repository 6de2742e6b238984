import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CITES } from '../../src/cite.ts';
import {
  authServerMetadataCandidates,
  authServerMetadataUrls,
  resourceMetadataCandidates,
  resourceMetadataUrls,
} from '../../src/protocol/discovery-urls.ts';

const CHALLENGE =
  'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource", scope="files:read"';

describe('resourceMetadataUrls', () => {
  it('follows the spec example: path-inserted, then root', () => {
    expect(resourceMetadataUrls('https://example.com/public/mcp')).toEqual([
      'https://example.com/.well-known/oauth-protected-resource/public/mcp',
      'https://example.com/.well-known/oauth-protected-resource',
    ]);
  });

  it("tries the challenge's resource_metadata first", () => {
    expect(resourceMetadataUrls('https://mcp.example.com/mcp', CHALLENGE)).toEqual([
      'https://mcp.example.com/.well-known/oauth-protected-resource',
      'https://mcp.example.com/.well-known/oauth-protected-resource/mcp',
    ]);
    expect(
      resourceMetadataUrls(
        'https://example.com/public/mcp',
        'Bearer resource_metadata="https://meta.example.com/prm"',
      ),
    ).toEqual([
      'https://meta.example.com/prm',
      'https://example.com/.well-known/oauth-protected-resource/public/mcp',
      'https://example.com/.well-known/oauth-protected-resource',
    ]);
  });

  it('has no path-inserted URL for a server at the root', () => {
    expect(resourceMetadataUrls('https://mcp.example.com')).toEqual([
      'https://mcp.example.com/.well-known/oauth-protected-resource',
    ]);
    expect(resourceMetadataUrls('https://mcp.example.com/')).toEqual([
      'https://mcp.example.com/.well-known/oauth-protected-resource',
    ]);
  });

  it('removes one trailing slash from the path, as the SDKs do', () => {
    expect(resourceMetadataUrls('https://example.com/public/mcp/')).toEqual([
      'https://example.com/.well-known/oauth-protected-resource/public/mcp',
      'https://example.com/.well-known/oauth-protected-resource',
    ]);
  });

  it('keeps the query on the path-inserted URL and says so, but not on the root URL', () => {
    const candidates = resourceMetadataCandidates('https://example.com/mcp?tenant=a#frag');
    expect(candidates.map((candidate) => candidate.url)).toEqual([
      'https://example.com/.well-known/oauth-protected-resource/mcp?tenant=a',
      'https://example.com/.well-known/oauth-protected-resource',
    ]);
    expect(candidates[0]?.reason).toMatch(/query \?tenant=a is kept, as the MCP SDKs do/);
    expect(candidates[1]?.reason).toMatch(/without the query/);
    expect(resourceMetadataUrls('https://example.com/?tenant=a')).toEqual([
      'https://example.com/.well-known/oauth-protected-resource?tenant=a',
    ]);
  });

  it('explains and cites every candidate', () => {
    const candidates = resourceMetadataCandidates('https://mcp.example.com/mcp', CHALLENGE);
    expect(candidates.map((candidate) => candidate.cite)).toEqual([
      CITES.prmChallenge,
      CITES.prmWellKnown,
    ]);
    expect(candidates[0]?.reason).toMatch(/from the challenge's resource_metadata/i);
    expect(candidates[1]?.reason).toMatch(/path-inserted well-known URL/i);
    expect(candidates[1]?.reason).toMatch(/only if the URL from the challenge fails/);
    expect(resourceMetadataCandidates('https://example.com/a')[1]?.reason).toMatch(
      /^Root well-known URL/,
    );
  });

  it('uses resource_metadata only from a Bearer challenge and only when absolute http(s)', () => {
    const server = 'https://mcp.example.com';
    const root = ['https://mcp.example.com/.well-known/oauth-protected-resource'];
    expect(resourceMetadataUrls(server, 'DPoP resource_metadata="https://x.example/prm"')).toEqual(
      root,
    );
    expect(resourceMetadataUrls(server, 'Bearer resource_metadata="/prm"')).toEqual(root);
    expect(resourceMetadataUrls(server, 'Bearer resource_metadata="javascript:alert(1)"')).toEqual(
      root,
    );
    expect(
      resourceMetadataUrls(
        server,
        'Basic realm="x", bearer Resource_Metadata="HTTPS://X.example/p#f"',
      ),
    ).toEqual(['https://x.example/p', ...root]);
  });

  it('is total: an unusable server URL yields only what the challenge gives', () => {
    expect(resourceMetadataUrls('not a url')).toEqual([]);
    expect(resourceMetadataUrls('')).toEqual([]);
    expect(resourceMetadataUrls('file:///etc/passwd')).toEqual([]);
    expect(resourceMetadataUrls(undefined as unknown as string, 42 as unknown as string)).toEqual(
      [],
    );
    expect(resourceMetadataUrls('nope', CHALLENGE)).toEqual([
      'https://mcp.example.com/.well-known/oauth-protected-resource',
    ]);
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: undefined }), (server, header) => {
        const urls = resourceMetadataUrls(server, header);
        expect(new Set(urls).size).toBe(urls.length);
        for (const url of urls) expect(url).toMatch(/^https?:\/\//);
      }),
      { numRuns: 300 },
    );
  });

  it('never sends user credentials from the server URL', () => {
    expect(resourceMetadataUrls('https://user:pw@example.com/mcp')).toEqual([
      'https://example.com/.well-known/oauth-protected-resource/mcp',
      'https://example.com/.well-known/oauth-protected-resource',
    ]);
  });
});

describe('authServerMetadataUrls', () => {
  it('follows the spec example for an issuer with a path', () => {
    expect(authServerMetadataUrls('https://auth.example.com/tenant1')).toEqual([
      'https://auth.example.com/.well-known/oauth-authorization-server/tenant1',
      'https://auth.example.com/.well-known/openid-configuration/tenant1',
      'https://auth.example.com/tenant1/.well-known/openid-configuration',
    ]);
  });

  it('follows the spec example for an issuer without a path', () => {
    expect(authServerMetadataUrls('https://auth.example.com')).toEqual([
      'https://auth.example.com/.well-known/oauth-authorization-server',
      'https://auth.example.com/.well-known/openid-configuration',
    ]);
    expect(authServerMetadataUrls('https://auth.example.com/')).toEqual([
      'https://auth.example.com/.well-known/oauth-authorization-server',
      'https://auth.example.com/.well-known/openid-configuration',
    ]);
  });

  it('strips a trailing slash from the path first', () => {
    expect(authServerMetadataUrls('http://localhost:4000/as/default/')).toEqual([
      'http://localhost:4000/.well-known/oauth-authorization-server/as/default',
      'http://localhost:4000/.well-known/openid-configuration/as/default',
      'http://localhost:4000/as/default/.well-known/openid-configuration',
    ]);
  });

  it('leaves out a query and fragment and says why', () => {
    const candidates = authServerMetadataCandidates('https://auth.example.com/t?x=1#y');
    expect(candidates.map((candidate) => candidate.url)).toEqual([
      'https://auth.example.com/.well-known/oauth-authorization-server/t',
      'https://auth.example.com/.well-known/openid-configuration/t',
      'https://auth.example.com/t/.well-known/openid-configuration',
    ]);
    expect(candidates[0]?.reason).toMatch(/RFC 8414 §2/);
    expect(candidates.map((candidate) => candidate.cite)).toEqual([
      CITES.authServerWellKnown,
      CITES.authServerCompatibility,
      CITES.oidcDiscovery,
    ]);
  });

  it('is total', () => {
    expect(authServerMetadataUrls('auth.example.com')).toEqual([]);
    expect(authServerMetadataUrls('javascript:alert(1)')).toEqual([]);
    expect(authServerMetadataUrls(null as unknown as string)).toEqual([]);
    fc.assert(
      fc.property(fc.string(), (issuer) => {
        const urls = authServerMetadataUrls(issuer);
        expect([0, 2, 3]).toContain(urls.length);
      }),
      { numRuns: 300 },
    );
  });
});
