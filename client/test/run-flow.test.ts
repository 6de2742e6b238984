import { describe, expect, it } from 'vitest';
import { followAuthorizationRedirects, runFlow } from '../src/index.ts';
import type { RunFlowOptions, StepEvent } from '../src/index.ts';
import {
  countingBytes,
  fakeWorld,
  ISSUER,
  ISSUER_2,
  MCP,
  PRM_CHALLENGE,
  PRM_PATH_INSERTED,
  PRM_ROOT,
  REDIRECT,
} from './fake-world.ts';
import type { WorldOptions } from './fake-world.ts';

async function run(world: WorldOptions = {}, options: Partial<RunFlowOptions> = {}) {
  const fake = fakeWorld(world);
  const events: StepEvent[] = [];
  let clock = 1_000;
  const result = await runFlow({
    serverUrl: MCP,
    profile: 'mcp-2026-07-28',
    redirectUri: REDIRECT,
    io: {
      fetch: fake.fetch,
      now: () => (clock += 5),
      randomBytes: countingBytes(),
      authorize: followAuthorizationRedirects(fake.fetch),
    },
    onStep: (event) => events.push(event),
    ...options,
  });
  const finished = events.filter((event) => event.status !== 'running');
  return { result, recorded: fake.recorded, events, steps: finished.map((event) => event.step) };
}

const param = (url: URL | undefined, name: string) => url?.searchParams.get(name);

describe('runFlow over a fake fetch', () => {
  it('runs discovery, DCR, the PKCE authorization, the token request and tools/list', async () => {
    const { result, recorded, steps, events } = await run({ challengeScope: 'mcp:read' });
    expect(result).toMatchObject({ ok: true, tools: ['test-tool'] });
    expect(steps).toEqual([
      'probe',
      'resource-metadata',
      'authorization-server-metadata',
      'registration',
      'scope',
      'authorization-request',
      'authorization-response',
      'token',
      'mcp',
    ]);
    expect(events[0]).toMatchObject({ status: 'running', title: 'Unauthenticated MCP request' });
    const [authorization] = recorded.authorizations;
    expect(param(authorization, 'code_challenge_method')).toBe('S256');
    expect(param(authorization, 'code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(param(authorization, 'resource')).toBe(MCP);
    expect(param(authorization, 'scope')).toBe('mcp:read');
    expect(param(authorization, 'client_id')).toBe('client-of-auth.example.com');
    const [token] = recorded.tokens;
    expect(token?.body.get('resource')).toBe(MCP);
    expect(token?.body.get('code_verifier')).toMatch(/^[\w-]{43}$/);
    expect(token?.headers.get('authorization')).toBeNull();
    expect(recorded.registrations[0]?.body).toMatchObject({
      application_type: 'native',
      grant_types: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_method: 'none',
    });
  });

  it('never lets a token, a code or a verifier out in the exchanges or step events', async () => {
    const { result, events } = await run({ refreshTokens: true });
    expect(result.ok).toBe(true);
    const shown = JSON.stringify([result.exchanges, result.steps, events]);
    expect(shown).not.toMatch(/at-\d+-secretvalue|rt-\d+-secretvalue/);
    expect(shown).not.toMatch(/code_verifier=[\w-]{43}/);
    expect(shown).not.toMatch(/[?&]code=code-\d/);
  });

  it('uses the refresh token once, with resource, when one was issued', async () => {
    const { result, recorded, steps } = await run({ refreshTokens: true });
    expect(result.ok).toBe(true);
    expect(steps.at(-1)).toBe('refresh');
    const refresh = recorded.tokens.find((t) => t.body.get('grant_type') === 'refresh_token');
    expect(refresh?.body.get('resource')).toBe(MCP);
  });

  describe('Protected Resource Metadata discovery', () => {
    it.each([
      ['challenge', PRM_CHALLENGE],
      ['path-inserted', PRM_PATH_INSERTED],
      ['root', PRM_ROOT],
    ] as const)('finds the metadata at the %s URL', async (prmAt, url) => {
      const { result } = await run({ prmAt });
      expect(result.ok).toBe(true);
      expect(result.steps['resource-metadata']?.url).toBe(url);
    });

    it('sends the origin the root metadata publishes as resource, exactly', async () => {
      const { result, recorded } = await run({ prmAt: 'root' });
      expect(result.ok).toBe(true);
      expect(param(recorded.authorizations[0], 'resource')).toBe('https://mcp.example.com');
      expect(recorded.tokens[0]?.body.get('resource')).toBe('https://mcp.example.com');
    });

    it('stops before any authorization request when the PRM describes another resource', async () => {
      const { result, recorded } = await run({ prm: { resource: 'https://evil.example.com/mcp' } });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'protocol-violation',
          reason: 'resource-mismatch',
          step: 'resource-metadata',
        },
      });
      expect(recorded.authorizations).toHaveLength(0);
    });
  });

  describe('authorization server metadata discovery', () => {
    it('falls back to the OpenID configuration', async () => {
      const { result } = await run({ asMetadataAt: 'openid' });
      expect(result.ok).toBe(true);
      expect(result.steps['authorization-server-metadata']?.url).toBe(
        `${ISSUER}/.well-known/openid-configuration`,
      );
    });

    it('refuses metadata whose issuer is not the one the URL was built from', async () => {
      const { result, recorded } = await run({
        asMetadata: { issuer: 'https://attacker.example.com' },
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'protocol-violation' } });
      expect(recorded.authorizations).toHaveLength(0);
    });

    it('refuses a server that does not advertise PKCE S256', async () => {
      const { result, recorded } = await run({
        asMetadata: { code_challenge_methods_supported: null },
      });
      expect(result).toMatchObject({ ok: false, error: { reason: 'pkce-not-supported' } });
      expect(recorded.authorizations).toHaveLength(0);
    });
  });

  describe('registration and client authentication', () => {
    it('uses an https client id URL when the server supports CIMD', async () => {
      const cimd = 'https://client.example.com/metadata.json';
      const { result, recorded } = await run(
        { asMetadata: { client_id_metadata_document_supported: true } },
        { clientMetadataUrl: cimd },
      );
      expect(result.ok).toBe(true);
      expect(recorded.registrations).toHaveLength(0);
      expect(param(recorded.authorizations[0], 'client_id')).toBe(cimd);
    });

    it('sends a pre-registered secret with client_secret_basic when the server lists it', async () => {
      const { result, recorded } = await run(
        { asMetadata: { token_endpoint_auth_methods_supported: ['client_secret_basic'] } },
        { clientId: 'pre-registered-client', clientSecret: 'pre-registered-secret' },
      );
      expect(result.ok).toBe(true);
      expect(recorded.registrations).toHaveLength(0);
      const header = recorded.tokens[0]?.headers.get('authorization') ?? '';
      expect(atob(header.replace(/^Basic /, ''))).toBe(
        'pre-registered-client:pre-registered-secret',
      );
      expect(JSON.stringify(result.exchanges)).not.toContain('pre-registered-secret');
    });

    it('sends a pre-registered secret in the body when the server lists only client_secret_post', async () => {
      const { recorded } = await run(
        { asMetadata: { token_endpoint_auth_methods_supported: ['client_secret_post'] } },
        { clientId: 'pre-registered-client', clientSecret: 's3cret-value' },
      );
      expect(recorded.tokens[0]?.body.get('client_secret')).toBe('s3cret-value');
      expect(recorded.tokens[0]?.headers.get('authorization')).toBeNull();
    });

    it('registers for and uses the secret method a server without public clients wants', async () => {
      const { result, recorded } = await run({
        asMetadata: { token_endpoint_auth_methods_supported: ['client_secret_post'] },
        registered: { client_secret: 'issued-secret-1' },
      });
      expect(result.ok).toBe(true);
      expect(recorded.registrations[0]?.body.token_endpoint_auth_method).toBe('client_secret_post');
      expect(recorded.tokens[0]?.body.get('client_secret')).toBe('issued-secret-1');
    });

    it('stays a public client when a server hands a secret to a client registered with none', async () => {
      const { recorded } = await run({ registered: { client_secret: 'unasked-secret-1' } });
      expect(recorded.tokens[0]?.headers.get('authorization')).toBeNull();
      expect(recorded.tokens[0]?.body.get('client_secret')).toBeNull();
    });
  });

  describe('scope selection', () => {
    it('asks for every scope the PRM lists when the challenge names none', async () => {
      const { recorded } = await run({ prm: { scopes_supported: ['mcp:basic', 'mcp:read'] } });
      expect(param(recorded.authorizations[0], 'scope')).toBe('mcp:basic mcp:read');
    });

    it('leaves scope out when neither the challenge nor the PRM gives one', async () => {
      const { recorded } = await run();
      expect(recorded.authorizations[0]?.searchParams.has('scope')).toBe(false);
    });

    it('adds offline_access, with prompt=consent, when the server offers it (SEP-2207)', async () => {
      const { recorded } = await run({
        challengeScope: 'mcp:basic',
        asMetadata: { scopes_supported: ['mcp:basic', 'offline_access'] },
      });
      expect(param(recorded.authorizations[0], 'scope')).toBe('mcp:basic offline_access');
      expect(param(recorded.authorizations[0], 'prompt')).toBe('consent');
    });
  });

  describe('step-up', () => {
    it('asks for the union of the old and the challenged scope, then retries the call', async () => {
      const { result, recorded, steps } = await run(
        { challengeScope: 'mcp:basic', listScope: 'mcp:basic', callScope: 'mcp:write' },
        { callTool: {} },
      );
      expect(result).toMatchObject({ ok: true, toolResult: 'done' });
      expect(recorded.authorizations.map((url) => param(url, 'scope'))).toEqual([
        'mcp:basic',
        'mcp:basic mcp:write',
      ]);
      expect(steps.slice(-5)).toEqual([
        'write-note',
        'step-up-authorization-request',
        'step-up-authorization-response',
        'step-up-token',
        'write-note-retry',
      ]);
    });

    it('stops after one step-up when the server keeps answering 403', async () => {
      const { result, recorded } = await run({
        challengeScope: 'mcp:admin',
        alwaysForbidden: true,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'http-error', reason: 'step-up-exhausted' },
      });
      expect(recorded.authorizations.length).toBeLessThanOrEqual(3);
    });
  });

  describe('RFC 9207 iss in the authorization response', () => {
    it('exchanges the code when iss matches', async () => {
      const { recorded } = await run({ iss: 'correct' });
      expect(recorded.tokens).toHaveLength(1);
    });

    it('refuses a wrong iss before the code is used', async () => {
      const { result, recorded } = await run({ iss: 'wrong' });
      expect(result).toMatchObject({ ok: false, error: { reason: 'issuer-mismatch' } });
      expect(recorded.tokens).toHaveLength(0);
    });

    it('refuses a missing iss from a server that advertises it', async () => {
      const { recorded } = await run({ iss: 'omit' });
      expect(recorded.tokens).toHaveLength(0);
    });

    it('proceeds without iss from a server that does not advertise it', async () => {
      const { result } = await run({
        iss: 'omit',
        asMetadata: { authorization_response_iss_parameter_supported: null },
      });
      expect(result.ok).toBe(true);
    });

    it('refuses an unexpected wrong iss from a server that does not advertise it', async () => {
      const { recorded } = await run({
        iss: 'wrong',
        asMetadata: { authorization_response_iss_parameter_supported: null },
      });
      expect(recorded.tokens).toHaveLength(0);
    });
  });

  it('registers again with a new authorization server, never showing it the old client', async () => {
    const { result, recorded } = await run({ migrate: true }, { callTool: {} });
    expect(result).toMatchObject({ ok: true, toolResult: 'done' });
    expect(recorded.registrations.map((r) => r.issuer)).toEqual([ISSUER, ISSUER_2]);
    const atSecond = recorded.authorizations.filter((url) => url.origin === ISSUER_2);
    expect(atSecond.map((url) => param(url, 'client_id'))).toEqual(['client-of-auth2.example.com']);
  });

  it('speaks the stateless revision to a server that refuses initialize', async () => {
    const { result, recorded } = await run({ stateless: true });
    expect(result).toMatchObject({ ok: true, tools: ['test-tool'] });
    const listed = recorded.mcp.find((call) => call.body.method === 'tools/list');
    expect(listed?.headers.get('mcp-protocol-version')).toBe('2026-07-28');
    expect(listed?.body.params).toMatchObject({
      _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' },
    });
  });
});
