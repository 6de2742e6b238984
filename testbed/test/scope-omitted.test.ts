import { canonicalResourceUri } from '@mcp-auth-playground/core';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDefaultScope } from '../src/auth-server.ts';
import type { Testbed } from '../src/server.ts';
import { createTestbed } from '../src/server.ts';
import {
  authorize,
  Browser,
  exchangeCode,
  INITIALIZE_PARAMS,
  mcpRequest,
  postScenario,
} from './support.ts';

// MCP clients omit `scope` when neither the challenge nor the PRM names one (MCP 2026-07-28
// "Scope Selection Strategy"); RFC 6749 §3.3 lets the server apply a default. The testbed grants
// mcp:read then, instead of oidc-provider's bare access_denied.

let testbed: Testbed;
beforeAll(async () => {
  testbed = await createTestbed({ port: 0 });
});
afterAll(() => testbed.close());

/** A scenario whose documents give a client no scope to ask for. */
const SCOPELESS = {
  serverUrl: 'https://mcp.example.com/mcp',
  wwwAuthenticate:
    'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"',
  resourceMetadata: {
    resource: 'https://mcp.example.com/mcp',
    authorization_servers: ['https://auth.example.com'],
  },
  authServerMetadata: {
    issuer: 'https://auth.example.com',
    authorization_endpoint: 'https://auth.example.com/authorize',
    token_endpoint: 'https://auth.example.com/token',
    registration_endpoint: 'https://auth.example.com/register',
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
  },
  profile: 'mcp-2026-07-28',
};

describe('an authorization request without scope', () => {
  it('is granted mcp:read on a scope-omitted scenario, which the notes say, and lists tools', async () => {
    const created = await postScenario(testbed.url, SCOPELESS);
    expect(created.status).toBe(201);
    const live = created.body as { issuer: string; serverUrl: string; notes: string[] };
    expect(live.notes).toContain(
      'An authorization request without scope is granted mcp:read for the MCP server (the scope tools/list and read_notes need), or the scope a client registered with when that leaves mcp:read out; ask for other scopes by name.',
    );
    const canonical = canonicalResourceUri(live.serverUrl);
    if (!canonical.ok) throw new Error(canonical.reason);
    const resource = canonical.value;

    const result = await authorize(new Browser(), { issuer: live.issuer, resource });
    expect(result.callback.searchParams.get('error')).toBeNull();
    const tokens = await exchangeCode(live.issuer, result, resource);
    expect(tokens.status).toBe(200);
    expect(tokens.body.scope).toBe('mcp:read');
    expect(decodeJwt(tokens.body.access_token ?? '').aud).toBe(resource);

    const token = tokens.body.access_token;
    expect((await mcpRequest(live.serverUrl, token, 'initialize', INITIALIZE_PARAMS)).status).toBe(
      200,
    );
    const tools = await mcpRequest(live.serverUrl, token, 'tools/list');
    expect(tools.status).toBe(200);
    expect(JSON.stringify(tools.body)).toContain('read_notes');
  });

  it('is granted mcp:read on the default pair, without resource too, and an empty scope counts as none', async () => {
    const { issuer, resource } = testbed.defaultPair;
    for (const params of [{}, { scope: '' }, { resource: undefined }]) {
      const result = await authorize(new Browser(), { issuer, resource, params });
      expect(result.callback.searchParams.get('error'), JSON.stringify(params)).toBeNull();
      const tokens = await exchangeCode(issuer, result, resource);
      expect(tokens.body.scope, JSON.stringify(params)).toBe('mcp:read');
      expect(decodeJwt(tokens.body.access_token ?? '').aud).toBe(resource);
    }
  });

  it('keeps a request that names its scope, a request object or a PAR reference as sent', () => {
    expect(withDefaultScope('?client_id=a', ['mcp:read'])).toBe('?client_id=a&scope=mcp%3Aread');
    expect(withDefaultScope('?scope=%20&client_id=a', ['mcp:read'])).toBe(
      '?scope=mcp%3Aread&client_id=a',
    );
    expect(withDefaultScope('?scope=mcp%3Awrite', ['mcp:read'])).toBe('?scope=mcp%3Awrite');
    expect(withDefaultScope('?request_uri=urn%3Ax', ['mcp:read'])).toBe('?request_uri=urn%3Ax');
    expect(withDefaultScope('?request=eyJ', ['mcp:read'])).toBe('?request=eyJ');
  });
});

describe('a client registered with a scope of its own', () => {
  it('is granted that scope when it leaves the default out, and the default when it includes it', async () => {
    const { issuer, resource } = testbed.defaultPair;
    for (const [registered, granted] of [
      ['mcp:write', 'mcp:write'],
      ['mcp:read mcp:write', 'mcp:read'],
      ['mcp:write offline_access', 'mcp:write'],
    ]) {
      const answer = await fetch(`${issuer}/reg`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          redirect_uris: ['http://localhost:5173/callback'],
          token_endpoint_auth_method: 'none',
          scope: registered,
        }),
      });
      const { client_id: clientId } = (await answer.json()) as { client_id: string };
      const result = await authorize(new Browser(), { issuer, resource, clientId });
      expect(result.callback.searchParams.get('error'), registered).toBeNull();
      const tokens = await exchangeCode(issuer, result, resource);
      expect(tokens.body.scope, registered).toBe(granted);
    }
  });
});
