import { findChallenge, parseWwwAuthenticate } from '@mcp-auth-playground/core';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Testbed } from '../src/server.ts';
import { createTestbed } from '../src/server.ts';
import {
  authorize,
  Browser,
  getJson,
  INITIALIZE_PARAMS,
  mcpRequest,
  obtainTokens,
  postScenario,
} from './support.ts';

let testbed: Testbed;
beforeAll(async () => {
  testbed = await createTestbed({ port: 0 });
});
afterAll(() => testbed.close());

/** A scenario as a user would paste it from their own deployment. */
function editedScenario(authServerChanges: Record<string, unknown> = {}) {
  return {
    serverUrl: 'https://mcp.example.com/mcp',
    wwwAuthenticate:
      'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="files:read"',
    resourceMetadata: {
      resource: 'https://mcp.example.com/mcp',
      authorization_servers: ['https://auth.example.com'],
      scopes_supported: ['files:read', 'files:write'],
      resource_name: 'Example files',
    },
    authServerMetadata: {
      issuer: 'https://auth.example.com',
      authorization_endpoint: 'https://auth.example.com/authorize',
      token_endpoint: 'https://auth.example.com/token',
      registration_endpoint: 'https://auth.example.com/register',
      introspection_endpoint: 'https://auth.example.com/introspect',
      scopes_supported: ['files:read', 'files:write', 'offline_access'],
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      client_id_metadata_document_supported: true,
      service_documentation: 'https://auth.example.com/docs',
      ...authServerChanges,
    },
    profile: 'mcp-2026-07-28',
  };
}

interface Live {
  id: string;
  serverUrl: string;
  issuer: string;
  expiresAt: string;
  notes: string[];
}

async function goLive(scenario: unknown): Promise<Live> {
  const response = await postScenario(testbed.url, scenario);
  if (response.status !== 201) throw new Error(`POST /scenarios: ${JSON.stringify(response.body)}`);
  return response.body as unknown as Live;
}

function metadataUrls(live: Live): string[] {
  const path = new URL(live.issuer).pathname;
  return [
    `${testbed.url}/.well-known/oauth-authorization-server${path}`,
    `${testbed.url}/.well-known/openid-configuration${path}`,
    `${live.issuer}/.well-known/openid-configuration`,
  ];
}

async function authServerMetadata(live: Live): Promise<Record<string, unknown>> {
  const documents = await Promise.all(metadataUrls(live).map((url) => getJson(url)));
  for (const document of documents) expect(document.body).toEqual(documents[0]?.body);
  return documents[0]?.body ?? {};
}

describe('POST /scenarios', () => {
  it('creates a pair that serves the edited documents at live URLs, and says what it rewrote', async () => {
    const before = Date.now();
    const response = await postScenario(testbed.url, editedScenario());
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const live = response.body as unknown as Live;
    expect(live.serverUrl).toBe(`${testbed.url}/s/${live.id}/mcp`);
    expect(live.issuer).toBe(`${testbed.url}/s/${live.id}/as`);
    const lifetime = Date.parse(live.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(59 * 60 * 1000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60 * 1000 + 5_000);
    const resourceMetadataUrl = `${testbed.url}/.well-known/oauth-protected-resource/s/${live.id}/mcp`;
    expect(live.notes).toEqual(
      expect.arrayContaining([
        `The PRM's resource "https://mcp.example.com/mcp" was rewritten to ${live.serverUrl}.`,
        `The PRM's authorization_servers ["https://auth.example.com"] was rewritten to ["${live.issuer}"].`,
        `The challenge's resource_metadata "https://mcp.example.com/.well-known/oauth-protected-resource/mcp" was rewritten to ${resourceMetadataUrl}.`,
        'introspection_endpoint was left out: the live authorization server has no such endpoint.',
      ]),
    );

    const unauthenticated = await fetch(live.serverUrl);
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('www-authenticate')).toBe(
      `Bearer scope="files:read", resource_metadata="${resourceMetadataUrl}"`,
    );

    const prm = await getJson(resourceMetadataUrl);
    expect(prm.body).toEqual({
      resource: live.serverUrl,
      authorization_servers: [live.issuer],
      scopes_supported: ['files:read', 'files:write'],
      resource_name: 'Example files',
    });

    expect(await authServerMetadata(live)).toEqual({
      issuer: live.issuer,
      authorization_endpoint: `${live.issuer}/auth`,
      token_endpoint: `${live.issuer}/token`,
      registration_endpoint: `${live.issuer}/reg`,
      scopes_supported: ['files:read', 'files:write', 'offline_access'],
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      client_id_metadata_document_supported: true,
      service_documentation: 'https://auth.example.com/docs',
    });
  });

  it('issues tokens for the live server only, which serves MCP to them', async () => {
    const live = await goLive(editedScenario());
    const tokens = await obtainTokens(new Browser(), {
      issuer: live.issuer,
      resource: live.serverUrl,
      scope: 'files:read mcp:read',
    });
    const claims = decodeJwt(tokens.access_token ?? '');
    expect(claims).toMatchObject({
      aud: live.serverUrl,
      iss: live.issuer,
      scope: 'files:read mcp:read',
    });

    const initialize = await mcpRequest(
      live.serverUrl,
      tokens.access_token,
      'initialize',
      INITIALIZE_PARAMS,
    );
    expect(initialize.status).toBe(200);
    expect(initialize.body).toMatchObject({
      result: { serverInfo: { name: `testbed-scenario-${live.id}` } },
    });
    const read = await mcpRequest(live.serverUrl, tokens.access_token, 'tools/call', {
      name: 'read_notes',
      arguments: {},
    });
    expect(read.status).toBe(200);

    // Audience checks keep a token from being replayed at another server.
    const elsewhere = await mcpRequest(
      testbed.defaultPair.serverUrl,
      tokens.access_token,
      'tools/list',
    );
    expect(elsewhere.status).toBe(401);
    const challenge = findChallenge(
      parseWwwAuthenticate(elsewhere.headers.get('www-authenticate') ?? ''),
      'Bearer',
    );
    expect(challenge?.params.error).toBe('invalid_token');
  });

  it('issues refresh tokens only when the AS metadata lists offline_access', async () => {
    const withOffline = await goLive(editedScenario());
    const withoutOffline = await goLive(
      editedScenario({ scopes_supported: ['files:read', 'files:write'] }),
    );
    expect(withoutOffline.notes).toContain(
      'scopes_supported does not list offline_access, so the live authorization server issues no refresh tokens.',
    );

    for (const [live, expected] of [
      [withOffline, true],
      [withoutOffline, false],
    ] as const) {
      const tokens = await obtainTokens(new Browser(), {
        issuer: live.issuer,
        resource: live.serverUrl,
        scope: 'files:read offline_access',
        prompt: 'consent',
      });
      expect(tokens.access_token).toBeTruthy();
      expect(Boolean(tokens.refresh_token)).toBe(expected);
    }
  });

  it('offers Dynamic Client Registration only when the metadata has a registration_endpoint', async () => {
    const withRegistration = await goLive(editedScenario());
    const withoutRegistration = await goLive(editedScenario({ registration_endpoint: undefined }));
    expect(await authServerMetadata(withoutRegistration)).not.toHaveProperty(
      'registration_endpoint',
    );

    const register = (live: Live) =>
      fetch(`${live.issuer}/reg`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          redirect_uris: ['http://localhost:5173/callback'],
          token_endpoint_auth_method: 'none',
        }),
      });
    expect((await register(withRegistration)).status).toBe(201);
    expect((await register(withoutRegistration)).status).toBe(404);
  });

  it('accepts the CIMD client_id only when the metadata says it supports CIMD', async () => {
    const { clientId } = testbed.clientIdMetadataDocument;
    const withCimd = await goLive(editedScenario());
    const withoutCimd = await goLive(
      editedScenario({ client_id_metadata_document_supported: false }),
    );
    expect(await authServerMetadata(withoutCimd)).toMatchObject({
      client_id_metadata_document_supported: false,
    });

    const tokens = await obtainTokens(new Browser(), {
      issuer: withCimd.issuer,
      resource: withCimd.serverUrl,
      clientId,
      scope: 'files:read',
    });
    expect(decodeJwt(tokens.access_token ?? '').client_id).toBe(clientId);
    await expect(
      authorize(new Browser(), {
        issuer: withoutCimd.issuer,
        resource: withoutCimd.serverUrl,
        clientId,
        scope: 'files:read',
      }),
    ).rejects.toThrow(/invalid_client/);
  });

  it('serves a misconfiguration it cannot enact exactly as edited, and still enforces PKCE', async () => {
    const live = await goLive(editedScenario({ code_challenge_methods_supported: undefined }));
    expect(await authServerMetadata(live)).not.toHaveProperty('code_challenge_methods_supported');
    expect(live.notes).toContain(
      'code_challenge_methods_supported does not list S256; it is served as edited, but the live authorization server still requires PKCE with S256.',
    );
    const result = await authorize(new Browser(), {
      issuer: live.issuer,
      resource: live.serverUrl,
      scope: 'files:read',
      params: { code_challenge: undefined, code_challenge_method: undefined },
    });
    expect(result.callback.searchParams.get('error')).toBe('invalid_request');
  });

  it('follows a challenge without scope or resource_metadata, and a scenario without PRM', async () => {
    const live = await goLive({
      wwwAuthenticate: 'Bearer realm="example"',
      authServerMetadata: editedScenario().authServerMetadata,
    });
    const response = await fetch(live.serverUrl);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="example"');
    const prm = await fetch(`${testbed.url}/.well-known/oauth-protected-resource/s/${live.id}/mcp`);
    expect(prm.status).toBe(404);
    expect(live.notes).toContain('The challenge has no scope, as edited.');
  });

  it('serves no AS metadata for a scenario without it, while the AS still runs', async () => {
    const live = await goLive({ resourceMetadata: editedScenario().resourceMetadata });
    for (const url of metadataUrls(live)) expect((await fetch(url)).status).toBe(404);
    const tokens = await obtainTokens(new Browser(), {
      issuer: live.issuer,
      resource: live.serverUrl,
      scope: 'files:read',
    });
    expect(decodeJwt(tokens.access_token ?? '').aud).toBe(live.serverUrl);
  });

  it('keeps hostile keys as plain data and notes ignored fields', async () => {
    const body = `{"resourceMetadata":{"__proto__":{"polluted":true},"resource":"x"},"extra":1}`;
    const response = await fetch(`${testbed.url}/scenarios`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(response.status).toBe(201);
    const live = (await response.json()) as Live;
    expect(live.notes).toContain('Ignored unknown field "extra".');
    const prm = await fetch(`${testbed.url}/.well-known/oauth-protected-resource/s/${live.id}/mcp`);
    expect(await prm.text()).toBe(`{"__proto__":{"polluted":true},"resource":"${live.serverUrl}"}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 404 for an id it does not know', async () => {
    for (const path of [
      '/s/unknown-id/mcp',
      '/.well-known/oauth-protected-resource/s/unknown-id/mcp',
    ]) {
      const response = await getJson(testbed.url + path);
      expect(response.status).toBe(404);
      expect(response.body.error_description).toMatch(/POST the scenario to \/scenarios again/);
    }
  });
});

describe('POST /scenarios with bad input', () => {
  const post = (body: string, contentType = 'application/json') =>
    fetch(`${testbed.url}/scenarios`, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body,
    });

  it.each([
    ['text that is not JSON', '{"serverUrl": ', /The body is not valid JSON/],
    ['an array', '[]', /A scenario must be a JSON object/],
    ['a field of the wrong type', '{"serverUrl": 5}', /serverUrl must be a string\./],
    ['an unknown profile', '{"profile": "netscape"}', /profile must be one of/],
    [
      'PRM that is not an object',
      '{"resourceMetadata": "hello"}',
      /Serve the protected resource metadata as a JSON object; this document is a string\./,
    ],
    [
      'AS metadata that is not an object',
      '{"authServerMetadata": [1, 2]}',
      /Serve the authorization server metadata as a JSON object; this document is an array\./,
    ],
    [
      'a document nested too deep',
      `{"clientMetadata": ${'['.repeat(100)}${']'.repeat(100)}}`,
      /is nested more than 64 levels deep\./,
    ],
  ])('refuses %s with 400 and the reason', async (_name, body, message) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const reply = (await response.json()) as { error: string; messages: string[] };
    expect(reply.error).toBe('invalid_scenario');
    expect(reply.messages.join(' ')).toMatch(message);
  });

  it('refuses a body that is not JSON by its media type', async () => {
    expect((await post('{}', 'text/plain')).status).toBe(415);
  });

  it('answers 413 to a body over 64 KB, and the client reads the answer', async () => {
    for (const size of [64 * 1024 + 1, 5 * 1024 * 1024]) {
      const response = await post(JSON.stringify({ serverUrl: 'x'.repeat(size) }));
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: string }).error).toBe('scenario_too_large');
    }
  });

  it('allows only POST, and a browser preflight', async () => {
    expect((await fetch(`${testbed.url}/scenarios`)).status).toBe(405);
    const preflight = await fetch(`${testbed.url}/scenarios`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
