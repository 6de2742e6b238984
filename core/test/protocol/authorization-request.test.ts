import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildAuthorizationUrl,
  type AuthorizationRequestInput,
} from '../../src/protocol/authorization-request.ts';
import { pkceChallenge } from '../../src/protocol/pkce.ts';
import type { ProfileId } from '../../src/types.ts';

const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'; // RFC 7636 Appendix B

const METADATA = {
  issuer: 'https://auth.example.com',
  authorization_endpoint: 'https://auth.example.com/authorize',
  token_endpoint: 'https://auth.example.com/token',
  response_types_supported: ['code'],
  code_challenge_methods_supported: ['S256'],
};

function request(overrides: Partial<AuthorizationRequestInput> = {}): AuthorizationRequestInput {
  return {
    authServerMetadata: METADATA,
    clientId: 'client-1',
    redirectUri: 'http://localhost:5173/callback',
    scope: 'files:read',
    state: 'state-1',
    codeChallenge: CHALLENGE,
    resource: 'https://mcp.example.com/mcp',
    ...overrides,
  };
}

function ids(input: AuthorizationRequestInput): string[] {
  const result = buildAuthorizationUrl(input);
  return result.ok ? [] : result.findings.map((finding) => finding.id);
}

describe('buildAuthorizationUrl', () => {
  it('sets every parameter of the authorization code flow with PKCE, in order', () => {
    const result = buildAuthorizationUrl(request());
    expect(result).toEqual({
      ok: true,
      url:
        'https://auth.example.com/authorize?response_type=code&client_id=client-1' +
        `&code_challenge=${CHALLENGE}&code_challenge_method=S256` +
        '&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2Fcallback&state=state-1&scope=files%3Aread' +
        '&resource=https%3A%2F%2Fmcp.example.com%2Fmcp',
      params: [
        ['response_type', 'code'],
        ['client_id', 'client-1'],
        ['code_challenge', CHALLENGE],
        ['code_challenge_method', 'S256'],
        ['redirect_uri', 'http://localhost:5173/callback'],
        ['state', 'state-1'],
        ['scope', 'files:read'],
        ['resource', 'https://mcp.example.com/mcp'],
      ],
    });
  });

  it('sends the resource of the spec example in its canonical form', () => {
    const result = buildAuthorizationUrl(request({ resource: 'HTTPS://MCP.example.com/' }));
    expect(result.ok && result.url).toContain('&resource=https%3A%2F%2Fmcp.example.com');
    expect(result.ok && result.url.endsWith('&resource=https%3A%2F%2Fmcp.example.com')).toBe(true);
  });

  it('leaves out an undefined or empty scope', () => {
    for (const scope of [undefined, '']) {
      const result = buildAuthorizationUrl(request({ scope }));
      expect(result.ok && result.params.map(([name]) => name)).not.toContain('scope');
    }
  });

  it('asks for consent when offline_access is a scope token, or when the caller says so', () => {
    const prompts = (input: AuthorizationRequestInput) => {
      const result = buildAuthorizationUrl(input);
      return result.ok ? result.params.filter(([name]) => name === 'prompt') : 'refused';
    };
    expect(prompts(request({ scope: 'files:read offline_access' }))).toEqual([
      ['prompt', 'consent'],
    ]);
    expect(prompts(request({ scope: 'files:read offline_accessible' }))).toEqual([]);
    expect(prompts(request({ scope: 'offline_access', promptConsent: false }))).toEqual([]);
    expect(prompts(request({ scope: 'files:read', promptConsent: true }))).toEqual([
      ['prompt', 'consent'],
    ]);
    const result = buildAuthorizationUrl(request({ scope: 'a offline_access' }));
    expect(result.ok && result.params.map(([name]) => name)).toEqual([
      'response_type',
      'client_id',
      'code_challenge',
      'code_challenge_method',
      'redirect_uri',
      'state',
      'scope',
      'prompt',
      'resource',
    ]);
  });

  it('keeps the endpoint query and sends each of its own parameters once', () => {
    const result = buildAuthorizationUrl(
      request({
        authServerMetadata: {
          ...METADATA,
          authorization_endpoint:
            'https://auth.example.com/authorize?tenant=a&code_challenge_method=plain&prompt=login#frag',
        },
        promptConsent: true,
      }),
    );
    expect(result.ok && result.params).toEqual([
      ['tenant', 'a'],
      ['code_challenge_method', 'S256'],
      ['prompt', 'consent'],
      ['response_type', 'code'],
      ['client_id', 'client-1'],
      ['code_challenge', CHALLENGE],
      ['redirect_uri', 'http://localhost:5173/callback'],
      ['state', 'state-1'],
      ['scope', 'files:read'],
      ['resource', 'https://mcp.example.com/mcp'],
    ]);
    expect(result.ok && result.url).not.toContain('#');
    expect(result.ok && result.deviations).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['code missing', { response_types_supported: ['token'] }, 'as/code-response-type-missing'],
    [
      'PKCE not advertised',
      { code_challenge_methods_supported: undefined },
      'as/pkce-not-advertised',
    ],
    ['S256 missing', { code_challenge_methods_supported: ['plain'] }, 'as/s256-not-supported'],
    [
      'endpoint missing',
      { authorization_endpoint: undefined },
      'as/authorization-endpoint-missing',
    ],
    [
      'endpoint over http',
      { authorization_endpoint: 'http://auth.example.com/authorize' },
      'as/authorization-endpoint-insecure',
    ],
    [
      'javascript: endpoint',
      { authorization_endpoint: 'javascript:alert(1)' },
      'as/authorization-endpoint-insecure',
    ],
  ])('refuses an authorization server with %s', (_, change, id) => {
    expect(ids(request({ authServerMetadata: { ...METADATA, ...change } }))).toEqual([id]);
  });

  it('allows plain http on a loopback authorization endpoint', () => {
    const result = buildAuthorizationUrl(
      request({
        authServerMetadata: { ...METADATA, authorization_endpoint: 'http://127.0.0.1:4000/auth' },
      }),
    );
    expect(result.ok && result.url).toMatch(/^http:\/\/127\.0\.0\.1:4000\/auth\?/);
  });

  it('refuses missing or unusable metadata', () => {
    expect(ids(request({ authServerMetadata: undefined }))).toEqual(['as/not-found']);
    expect(buildAuthorizationUrl(request({ authServerMetadata: 'text' })).ok).toBe(false);
    expect(buildAuthorizationUrl(request({ authServerMetadata: [] })).ok).toBe(false);
  });

  it("refuses the client's own unusable values", () => {
    expect(ids(request({ clientId: '' }))).toEqual(['request/client-id-missing']);
    expect(ids(request({ redirectUri: '/callback' }))).toEqual(['request/redirect-uri-invalid']);
    expect(ids(request({ redirectUri: 'http://localhost/cb#x' }))).toEqual([
      'request/redirect-uri-invalid',
    ]);
    expect(ids(request({ codeChallenge: 'short' }))).toEqual(['request/code-challenge-invalid']);
    const resource = buildAuthorizationUrl(request({ resource: 'https://mcp.example.com#frag' }));
    expect(resource.ok ? [] : resource.findings).toMatchObject([
      { id: 'request/resource-invalid', subject: 'server-url', message: /fragment/ },
    ]);
  });

  it('says so when the request has no resource', () => {
    const result = buildAuthorizationUrl(request({ resource: undefined }));
    expect(result.ok && result.deviations).toEqual([
      'The request has no resource parameter; MCP clients must name the MCP server in it (RFC 8707).',
    ]);
  });

  describe('how much of code_challenge_methods_supported each client reads (spec-notes §8)', () => {
    const WITHOUT_FIELD = { ...METADATA, code_challenge_methods_supported: undefined };
    const WITHOUT_S256 = { ...METADATA, code_challenge_methods_supported: ['plain'] };
    const outcome = (profile: ProfileId, authServerMetadata: unknown) => {
      const result = buildAuthorizationUrl(request({ profile, authServerMetadata }));
      return result.ok
        ? result.params.some(
            ([name, value]) => name === 'code_challenge_method' && value === 'S256',
          )
          ? 'sends S256'
          : 'sends no S256'
        : result.findings.map((finding) => finding.id).join(' ');
    };

    it.each([
      // profile, field absent, list without S256
      ['mcp-2026-07-28', 'as/pkce-not-advertised', 'as/s256-not-supported'],
      ['csharp-sdk', 'as/pkce-not-advertised', 'as/s256-not-supported'],
      ['typescript-sdk-2', 'sends S256', 'as/s256-not-supported'],
      ['mcp-remote', 'sends S256', 'as/s256-not-supported'],
      ['rust-sdk', 'sends S256', 'as/s256-not-supported'],
      ['codex', 'sends S256', 'as/s256-not-supported'],
      ['go-sdk', 'as/pkce-not-advertised', 'sends S256'],
      ['vscode', 'sends S256', 'sends S256'],
    ] as const)('%s: absent field → %s; list without S256 → %s', (profile, absent, noS256) => {
      expect(outcome(profile, WITHOUT_FIELD)).toBe(absent);
      expect(outcome(profile, WITHOUT_S256)).toBe(noS256);
    });

    it('names every check it lets through as a departure from the spec', () => {
      const result = buildAuthorizationUrl(
        request({ profile: 'go-sdk', authServerMetadata: WITHOUT_S256 }),
      );
      expect(result.ok && result.deviations).toEqual([
        'The authorization server does not list S256 in code_challenge_methods_supported; the spec says to refuse, but this client never looks for S256 and sends it anyway.',
      ]);
    });
  });

  describe('TypeScript SDK quirks', () => {
    const sdks: ProfileId[] = ['typescript-sdk-1', 'typescript-sdk-2'];

    it.each(sdks)('%s proceeds without code_challenge_methods_supported and says so', (profile) => {
      const result = buildAuthorizationUrl(
        request({
          profile,
          authServerMetadata: { ...METADATA, code_challenge_methods_supported: undefined },
        }),
      );
      expect(result.ok && result.params).toContainEqual(['code_challenge_method', 'S256']);
      expect(result.ok && result.deviations).toEqual([
        'The authorization server does not advertise code_challenge_methods_supported; the spec says to refuse, but this SDK proceeds and sends S256 anyway.',
      ]);
    });

    it.each(sdks)('%s still refuses a list without S256', (profile) => {
      expect(
        ids(
          request({
            profile,
            authServerMetadata: { ...METADATA, code_challenge_methods_supported: ['plain'] },
          }),
        ),
      ).toEqual(['as/s256-not-supported']);
    });

    it.each(sdks)('%s appends a second prompt to the endpoint’s own', (profile) => {
      const result = buildAuthorizationUrl(
        request({
          profile,
          scope: 'offline_access',
          authServerMetadata: {
            ...METADATA,
            authorization_endpoint: 'https://auth.example.com/authorize?prompt=login',
          },
        }),
      );
      expect(result.ok && result.params.filter(([name]) => name === 'prompt')).toEqual([
        ['prompt', 'login'],
        ['prompt', 'consent'],
      ]);
      expect(result.ok && result.deviations?.[0]).toMatch(/carries prompt twice/);
    });

    it('the spec profiles refuse where the SDKs proceed', () => {
      for (const profile of ['mcp-2026-07-28', 'mcp-2025-11-25', 'python-sdk'] as const) {
        expect(
          ids(
            request({
              profile,
              authServerMetadata: { ...METADATA, code_challenge_methods_supported: undefined },
            }),
          ),
        ).toEqual(['as/pkce-not-advertised']);
      }
    });
  });

  it('serialises the query exactly as URLSearchParams does, for any values', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        (scope, state) => {
          const result = buildAuthorizationUrl(request({ scope, state }));
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const expected = new URLSearchParams(result.params).toString();
          expect(result.url).toBe(`https://auth.example.com/authorize?${expected}`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every authorization URL carries exactly one code_challenge_method, S256', async () => {
    const challenge = await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    const queryPart = fc.array(
      fc.tuple(
        fc.constantFrom('code_challenge_method', 'prompt', 'scope', 'x', 'response_type'),
        fc.constantFrom('plain', 'S256', 'login', ''),
      ),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(
        queryPart,
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.constantFrom<ProfileId>(
          'mcp-2026-07-28',
          'mcp-2025-11-25',
          'typescript-sdk-2',
          'typescript-sdk-1',
          'python-sdk',
        ),
        fc.option(fc.constantFrom<unknown>(undefined, [], ['S256'], ['plain', 'S256']), {
          nil: undefined,
        }),
        (query, scope, promptConsent, profile, methods) => {
          const endpoint = new URL('https://auth.example.com/authorize');
          for (const [name, value] of query) endpoint.searchParams.append(name, value);
          const result = buildAuthorizationUrl(
            request({
              scope,
              promptConsent,
              profile,
              codeChallenge: challenge,
              authServerMetadata: {
                ...METADATA,
                authorization_endpoint: endpoint.href,
                code_challenge_methods_supported: methods,
              },
            }),
          );
          if (!result.ok) return;
          const sent = new URL(result.url).searchParams;
          expect(sent.getAll('code_challenge_method')).toEqual(['S256']);
          expect(sent.getAll('response_type')).toEqual(['code']);
          expect(sent.getAll('code_challenge')).toEqual([challenge]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
