import {
  canonicalResourceUri,
  findChallenge,
  parseWwwAuthenticate,
} from '@mcp-auth-playground/core';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Testbed } from '../src/server.ts';
import { createTestbed } from '../src/server.ts';
import {
  authorize,
  Browser,
  exchangeCode,
  INITIALIZE_PARAMS,
  mcpRequest,
  obtainTokens,
  tokenRequest,
} from './support.ts';

let testbed: Testbed;
beforeAll(async () => {
  testbed = await createTestbed({ port: 0 });
});
afterAll(() => testbed.close());

function defaults() {
  const { issuer, serverUrl, resource } = testbed.defaultPair;
  return { issuer, serverUrl, resource };
}

describe('the authorization code flow with PKCE against the default pair', () => {
  it('issues a JWT access token for the MCP server, with iss in the redirect', async () => {
    const { issuer, resource } = defaults();
    const browser = new Browser();
    const result = await authorize(browser, { issuer, resource, scope: 'mcp:read' });

    expect(result.callback.searchParams.get('state')).toBe(result.state);
    expect(result.callback.searchParams.get('iss')).toBe(issuer);
    const tokens = await exchangeCode(issuer, result, resource);
    expect(tokens.status).toBe(200);
    // The browser calls the token endpoint from the playground's origin.
    expect(tokens.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(tokens.body.scope).toBe('mcp:read');

    const token = tokens.body.access_token ?? '';
    expect(decodeProtectedHeader(token).typ).toBe('at+jwt');
    const claims = decodeJwt(token);
    // The audience is the MCP server's canonical URI, as core computes it from the server URL.
    const canonical = canonicalResourceUri(testbed.defaultPair.serverUrl);
    if (!canonical.ok) throw new Error(canonical.reason);
    expect(claims.aud).toBe(canonical.value);
    expect(claims.aud).toBe(`${testbed.url}/mcp`);
    expect(claims.iss).toBe(issuer);
    expect(claims.scope).toBe('mcp:read');
    expect(claims.client_id).toBe('playground');
    expect(typeof claims.exp).toBe('number');
  });

  it('refuses a token request without the PKCE verifier', async () => {
    const { issuer, resource } = defaults();
    const result = await authorize(new Browser(), { issuer, resource, scope: 'mcp:read' });
    const tokens = await tokenRequest(issuer, {
      grant_type: 'authorization_code',
      code: result.callback.searchParams.get('code') ?? '',
      redirect_uri: result.redirectUri,
      client_id: result.clientId,
      resource,
    });
    expect(tokens.status).toBe(400);
    expect(tokens.body.error).toBe('invalid_grant');
  });

  it('refuses an authorization request without a code challenge', async () => {
    const { issuer, resource } = defaults();
    const result = await authorize(new Browser(), {
      issuer,
      resource,
      scope: 'mcp:read',
      params: { code_challenge: undefined, code_challenge_method: undefined },
    });
    expect(result.callback.searchParams.get('error')).toBe('invalid_request');
    expect(result.callback.searchParams.get('code')).toBeNull();
  });

  it('refuses a resource other than its MCP server', async () => {
    const { issuer } = defaults();
    const result = await authorize(new Browser(), {
      issuer,
      resource: 'http://localhost:9/elsewhere',
      scope: 'mcp:read',
    });
    expect(result.callback.searchParams.get('error')).toBe('invalid_target');
  });
});

describe('refresh tokens', () => {
  it('rotates the refresh token, and a replayed one revokes the grant', async () => {
    const { issuer, resource } = defaults();
    const first = await obtainTokens(new Browser(), {
      issuer,
      resource,
      scope: 'mcp:read offline_access',
      prompt: 'consent',
    });
    expect(first.refresh_token).toBeTruthy();

    const refresh = (refreshToken: string) =>
      tokenRequest(issuer, {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: 'playground',
        resource,
      });

    const second = await refresh(first.refresh_token ?? '');
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).toBeTruthy();
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(decodeJwt(second.body.access_token ?? '').aud).toBe(resource);

    const replay = await refresh(first.refresh_token ?? '');
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    // The replay revoked the whole grant, so the rotated token is dead too.
    const afterReplay = await refresh(second.body.refresh_token ?? '');
    expect(afterReplay.status).toBe(400);
    expect(afterReplay.body.error).toBe('invalid_grant');
  });

  it('issues no refresh token for offline_access without prompt=consent', async () => {
    const { issuer, resource } = defaults();
    const tokens = await obtainTokens(new Browser(), {
      issuer,
      resource,
      scope: 'mcp:read offline_access',
    });
    expect(tokens.access_token).toBeTruthy();
    expect(tokens.refresh_token).toBeUndefined();
  });
});

describe('the MCP server', () => {
  it('answers initialize, tools/list and read_notes to a token with mcp:read', async () => {
    const { issuer, resource, serverUrl } = defaults();
    const tokens = await obtainTokens(new Browser(), { issuer, resource, scope: 'mcp:read' });
    const token = tokens.access_token ?? '';

    const initialize = await mcpRequest(serverUrl, token, 'initialize', INITIALIZE_PARAMS);
    expect(initialize.status).toBe(200);
    expect(initialize.body).toMatchObject({
      result: { serverInfo: { name: 'testbed-default' }, capabilities: { tools: {} } },
    });

    const list = await mcpRequest(serverUrl, token, 'tools/list');
    expect(list.status).toBe(200);
    const tools = (list.body as { result: { tools: { name: string }[] } }).result.tools;
    expect(tools.map((tool) => tool.name).sort()).toEqual(['read_notes', 'write_note']);

    const read = await mcpRequest(serverUrl, token, 'tools/call', {
      name: 'read_notes',
      arguments: {},
    });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).toContain('Welcome to the testbed');
  });

  it('answers write_note without mcp:write with a 403 step-up challenge, and with it succeeds', async () => {
    const { issuer, resource, serverUrl } = defaults();
    const browser = new Browser();
    const reader = await obtainTokens(browser, { issuer, resource, scope: 'mcp:read' });
    const call = { name: 'write_note', arguments: { text: 'written after step-up' } };

    const denied = await mcpRequest(serverUrl, reader.access_token, 'tools/call', call);
    expect(denied.status).toBe(403);
    const challenge = findChallenge(
      parseWwwAuthenticate(denied.headers.get('www-authenticate') ?? ''),
      'Bearer',
    );
    expect(challenge?.params).toMatchObject({
      error: 'insufficient_scope',
      scope: 'mcp:write',
      resource_metadata: testbed.defaultPair.resourceMetadataUrl,
    });

    const writer = await obtainTokens(browser, { issuer, resource, scope: 'mcp:read mcp:write' });
    expect(decodeJwt(writer.access_token ?? '').scope).toBe('mcp:read mcp:write');
    const written = await mcpRequest(serverUrl, writer.access_token, 'tools/call', call);
    expect(written.status).toBe(200);
    expect(written.body).toMatchObject({ result: { content: [{ type: 'text' }] } });
    expect(JSON.stringify(written.body)).not.toContain('isError');

    const read = await mcpRequest(serverUrl, writer.access_token, 'tools/call', {
      name: 'read_notes',
      arguments: {},
    });
    expect(JSON.stringify(read.body)).toContain('(alice): written after step-up');
  });

  it('refuses tokens it cannot verify with 401 invalid_token', async () => {
    const { issuer, resource, serverUrl } = defaults();
    const tokens = await obtainTokens(new Browser(), { issuer, resource, scope: 'mcp:read' });
    const token = tokens.access_token ?? '';
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(342)}`;

    for (const bad of [forged, 'not-a-jwt']) {
      const response = await mcpRequest(serverUrl, bad, 'tools/list');
      expect(response.status).toBe(401);
      const challenge = findChallenge(
        parseWwwAuthenticate(response.headers.get('www-authenticate') ?? ''),
        'Bearer',
      );
      expect(challenge?.params.error).toBe('invalid_token');
    }
  });
});
