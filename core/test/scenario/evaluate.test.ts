import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_CLIENT_ID,
  EXAMPLE_REDIRECT_URI,
  evaluateScenario,
  PROFILES,
  type Scenario,
} from '../../src/index.ts';

const PRM_URL = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';

const AS_METADATA = {
  issuer: 'https://auth.example.com',
  authorization_endpoint: 'https://auth.example.com/authorize',
  token_endpoint: 'https://auth.example.com/token',
  response_types_supported: ['code'],
  code_challenge_methods_supported: ['S256'],
  scopes_supported: ['files:read', 'files:write', 'offline_access'],
  client_id_metadata_document_supported: true,
};

const TYPICAL: Scenario = {
  serverUrl: 'https://mcp.example.com/mcp',
  wwwAuthenticate: `Bearer resource_metadata="${PRM_URL}", scope="files:read"`,
  resourceMetadata: {
    resource: 'https://mcp.example.com/mcp',
    authorization_servers: ['https://auth.example.com'],
    scopes_supported: ['files:read', 'files:write'],
  },
  authServerMetadata: AS_METADATA,
  clientMetadata: {
    client_id: 'https://app.example.com/oauth/client.json',
    client_name: 'Example MCP Client',
    redirect_uris: ['http://127.0.0.1:3000/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
  },
};

const param = (evaluation: ReturnType<typeof evaluateScenario>, name: string) =>
  evaluation.authorizationRequest.ok
    ? evaluation.authorizationRequest.params
        .filter(([key]) => key === name)
        .map(([, value]) => value)
    : [];

describe('evaluateScenario', () => {
  it('reads the challenge, decides, compares, lints and builds the request in one call', () => {
    const evaluation = evaluateScenario(TYPICAL);
    expect(evaluation.profile).toBe('mcp-2026-07-28');
    expect(evaluation.challenge?.params).toMatchObject({
      scope: 'files:read',
      resource_metadata: PRM_URL,
    });
    expect(evaluation.input).toMatchObject({ challengeScope: 'files:read' });
    expect(evaluation.decision).toMatchObject({
      profile: 'mcp-2026-07-28',
      scope: 'files:read offline_access',
      source: 'challenge',
      offlineAccess: 'added',
    });
    expect(evaluation.comparison.map((decision) => decision.profile)).toEqual(
      PROFILES.map((profile) => profile.id),
    );
    expect(evaluation.comparison[0]).toEqual(evaluation.decision);
    expect(evaluation.findings.map((finding) => finding.id)).toEqual([]);
    expect(evaluation.authorizationRequest).toMatchObject({ ok: true, fromDecision: ['scope'] });
    expect(param(evaluation, 'scope')).toEqual(['files:read offline_access']);
    expect(param(evaluation, 'client_id')).toEqual(['https://app.example.com/oauth/client.json']);
    expect(param(evaluation, 'redirect_uri')).toEqual(['http://127.0.0.1:3000/callback']);
    expect(param(evaluation, 'resource')).toEqual(['https://mcp.example.com/mcp']);
    expect(param(evaluation, 'code_challenge_method')).toEqual(['S256']);
    // The spec profile's decision leaves prompt=consent out, but the request the playground shows
    // is the one the live flow sends: core's prompt policy adds it with offline_access.
    expect(evaluation.decision.promptConsent).toBe(false);
    expect(param(evaluation, 'prompt')).toEqual(['consent']);
  });

  it('decides a document served as broken JSON as if absent, and says where it breaks', () => {
    const { resourceMetadata: _prm, ...withoutPrm } = TYPICAL;
    const text =
      '{\n  "resource": "https://mcp.example.com/mcp",\n  "scopes_supported": ["files:read"],\n}';
    const broken = evaluateScenario({
      ...withoutPrm,
      unparsedDocuments: { resourceMetadata: text },
    });
    const absent = evaluateScenario(withoutPrm);
    expect(broken.decision).toEqual(absent.decision);
    expect(broken.unparsedDocuments).toEqual([
      {
        field: 'resourceMetadata',
        subject: 'resource-metadata',
        at: { line: 4, column: 1, offset: text.lastIndexOf('}') },
        finding: broken.findings[0],
      },
    ]);
    expect(broken.findings[0]).toMatchObject({ id: 'prm/invalid-json', path: [] });
    expect(broken.findings.map((finding) => finding.id)).not.toContain('prm/not-found');
    expect(absent.findings.map((finding) => finding.id)).toContain('prm/not-found');
    expect(absent.unparsedDocuments).toEqual([]);
  });

  it('decides for the chosen profile and marks prompt=consent as the decision’s', () => {
    const evaluation = evaluateScenario({ ...TYPICAL, profile: 'typescript-sdk-2' });
    expect(evaluation.profile).toBe('typescript-sdk-2');
    expect(evaluation.decision.promptConsent).toBe(true);
    expect(evaluation.authorizationRequest).toMatchObject({
      ok: true,
      fromDecision: ['scope', 'prompt'],
    });
    expect(param(evaluation, 'prompt')).toEqual(['consent']);
  });

  it('falls back to the default profile for an id it does not know', () => {
    const evaluation = evaluateScenario({ ...TYPICAL, profile: 'netscape' as Scenario['profile'] });
    expect(evaluation.profile).toBe('mcp-2026-07-28');
  });

  it('uses illustrative client values when the client metadata has none', () => {
    const evaluation = evaluateScenario({ ...TYPICAL, clientMetadata: undefined });
    expect(param(evaluation, 'client_id')).toEqual([EXAMPLE_CLIENT_ID]);
    expect(param(evaluation, 'redirect_uri')).toEqual([EXAMPLE_REDIRECT_URI]);
    expect(param(evaluation, 'state')).toEqual(['example-state']);
  });

  it('takes the resource from the PRM when there is no server URL', () => {
    const evaluation = evaluateScenario({ ...TYPICAL, serverUrl: undefined });
    expect(param(evaluation, 'resource')).toEqual(['https://mcp.example.com/mcp']);
  });

  it('refuses the request a spec client must not send, and shows the SDK sending it', () => {
    const { code_challenge_methods_supported: _pkce, ...withoutPkce } = AS_METADATA;
    const spec = evaluateScenario({ ...TYPICAL, authServerMetadata: withoutPkce });
    expect(spec.authorizationRequest.ok).toBe(false);
    expect(
      !spec.authorizationRequest.ok && spec.authorizationRequest.findings.map((f) => f.id),
    ).toEqual(['as/pkce-not-advertised']);
    expect(spec.findings.map((finding) => finding.id)).toContain('as/pkce-not-advertised');

    const sdk = evaluateScenario({
      ...TYPICAL,
      authServerMetadata: withoutPkce,
      profile: 'typescript-sdk-1',
    });
    expect(sdk.authorizationRequest.ok).toBe(true);
    expect(sdk.authorizationRequest.ok && sdk.authorizationRequest.deviations?.[0]).toMatch(
      /refuse/,
    );
  });

  it('runs a step-up from a 403 challenge and the previous scope', () => {
    const evaluation = evaluateScenario({
      ...TYPICAL,
      wwwAuthenticate: `Bearer error="insufficient_scope", scope="files:write", resource_metadata="${PRM_URL}"`,
      previousScope: 'files:read',
    });
    expect(evaluation.input).toMatchObject({
      challengeError: 'insufficient_scope',
      challengeScope: 'files:write',
      previousScope: 'files:read',
    });
    expect(evaluation.decision.scope).toBe('files:read files:write offline_access');
    expect(evaluation.decision.source).toBe('step-up-union');
  });

  it('reads only a Bearer challenge', () => {
    const evaluation = evaluateScenario({
      ...TYPICAL,
      wwwAuthenticate: 'Basic realm="x", Bearer scope="from-bearer"',
    });
    expect(evaluation.challenge?.scheme).toBe('Bearer');
    expect(evaluation.input.challengeScope).toBe('from-bearer');
    const basicOnly = evaluateScenario({ ...TYPICAL, wwwAuthenticate: 'Basic realm="x"' });
    expect(basicOnly.challenge).toBeUndefined();
    expect(basicOnly.decision.source).toBe('resource-metadata');
  });

  it('evaluates an empty scenario without throwing', () => {
    const evaluation = evaluateScenario({});
    expect(evaluation.decision.scope).toBeUndefined();
    expect(evaluation.findings.map((finding) => finding.id)).toEqual([
      'prm/not-found',
      'as/not-found',
    ]);
    expect(evaluation.authorizationRequest).toMatchObject({
      ok: false,
      findings: [expect.objectContaining({ id: 'as/not-found' })],
    });
  });

  it('keeps hostile keys from polluting anything', () => {
    const hostile = JSON.parse(
      `{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}},
        "resourceMetadata": {"__proto__": {"scopes_supported": ["admin"]}},
        "authServerMetadata": {"__proto__": {"authorization_endpoint": "https://evil.example"}}}`,
    ) as Scenario;
    const evaluation = evaluateScenario(hostile);
    expect(evaluation.decision.scope).toBeUndefined();
    expect(evaluation.authorizationRequest.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports a javascript: authorization endpoint instead of building a link to it', () => {
    const evaluation = evaluateScenario({
      ...TYPICAL,
      authServerMetadata: { ...AS_METADATA, authorization_endpoint: 'javascript:alert(1)' },
    });
    expect(evaluation.authorizationRequest).toMatchObject({
      ok: false,
      findings: [expect.objectContaining({ id: 'as/authorization-endpoint-insecure' })],
    });
  });

  // The bench times a 1 MB document; this checks what a large one yields.
  it('evaluates a large document and keeps the trace short', () => {
    const scopes = Array.from({ length: 20_000 }, (_, index) => `scope:${index}`);
    const evaluation = evaluateScenario({
      ...TYPICAL,
      wwwAuthenticate: `Bearer resource_metadata="${PRM_URL}"`,
      resourceMetadata: { ...(TYPICAL.resourceMetadata as object), scopes_supported: scopes },
    });
    expect(JSON.stringify(scopes).length).toBeGreaterThan(200_000);
    expect(evaluation.decision.scope?.startsWith('scope:0 scope:1 ')).toBe(true);
    expect(evaluation.decision.steps[0]?.detail.length).toBeLessThan(400);
  });
});
