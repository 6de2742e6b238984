import { request } from 'node:http';
import {
  authServerMetadataUrls,
  findChallenge,
  parseWwwAuthenticate,
} from '@mcp-auth-playground/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointUrls } from '../src/provider-routes.ts';
import type { Testbed } from '../src/server.ts';
import { createTestbed } from '../src/server.ts';
import { Browser, getJson } from './support.ts';

let testbed: Testbed;
beforeAll(async () => {
  testbed = await createTestbed({ port: 0 });
});
afterAll(() => testbed.close());

describe('the default authorization server metadata', () => {
  it('is the same document at every URL a client may try for a path issuer', async () => {
    const { issuer } = testbed.defaultPair;
    const urls = [
      `${testbed.url}/.well-known/oauth-authorization-server/as/default`,
      `${testbed.url}/.well-known/openid-configuration/as/default`,
      `${issuer}/.well-known/openid-configuration`,
    ];
    const documents = await Promise.all(
      urls.map((url) => getJson(url, { Origin: 'http://localhost:5173' })),
    );
    for (const document of documents) {
      expect(document.status).toBe(200);
      expect(document.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(document.body).toEqual(documents[0]?.body);
    }
    expect(documents[0]?.body.issuer).toBe(issuer);
  });

  it('advertises what the issue asks for, at the endpoints the provider really serves', async () => {
    const { issuer } = testbed.defaultPair;
    const { body } = await getJson(
      `${testbed.url}/.well-known/oauth-authorization-server/as/default`,
    );
    expect(body).toMatchObject({
      issuer,
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'offline_access', 'mcp:read', 'mcp:write'],
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      authorization_response_iss_parameter_supported: true,
      client_id_metadata_document_supported: true,
      ...endpointUrls(issuer, { registration: true }),
    });
  });

  it('serves its signing keys with CORS, public parts only', async () => {
    const { body, headers } = await getJson(`${testbed.defaultPair.issuer}/jwks`, {
      Origin: 'http://localhost:5173',
    });
    expect(headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const keys = body.keys as Record<string, unknown>[];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('serves nothing at the root well-known URLs, which name no issuer here', async () => {
    for (const path of [
      '/.well-known/oauth-authorization-server',
      '/.well-known/oauth-protected-resource',
      '/.well-known/oauth-authorization-server/as/other',
    ]) {
      expect((await fetch(testbed.url + path)).status).toBe(404);
    }
  });
});

describe('the 401 → PRM → authorization server chain', () => {
  it('leads a client from the MCP server to its authorization server', async () => {
    const { serverUrl, resource, resourceMetadataUrl, issuer } = testbed.defaultPair;
    const unauthenticated = await fetch(serverUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:5173' },
      body: '{}',
    });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('access-control-allow-origin')).toBe('*');
    expect(unauthenticated.headers.get('access-control-expose-headers')).toContain(
      'WWW-Authenticate',
    );
    const challenge = findChallenge(
      parseWwwAuthenticate(unauthenticated.headers.get('www-authenticate') ?? ''),
      'Bearer',
    );
    // RFC 6750 §3.1: no error code when the request carried no credentials.
    expect(challenge?.params).toEqual({
      scope: 'mcp:read',
      resource_metadata: resourceMetadataUrl,
    });

    const prm = await getJson(challenge?.params.resource_metadata ?? '');
    expect(prm.status).toBe(200);
    expect(prm.headers.get('access-control-allow-origin')).toBe('*');
    expect(prm.body).toMatchObject({
      resource,
      authorization_servers: [issuer],
      scopes_supported: ['mcp:read', 'mcp:write'],
    });

    const [first] = authServerMetadataUrls((prm.body.authorization_servers as string[])[0] ?? '');
    const metadata = await getJson(first ?? '');
    expect(metadata.status).toBe(200);
    expect(metadata.body.issuer).toBe(issuer);
  });

  it('answers any method without a token with the challenge, as curl -i shows it', async () => {
    const response = await fetch(testbed.defaultPair.serverUrl);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer scope="mcp:read", resource_metadata="${testbed.defaultPair.resourceMetadataUrl}"`,
    );
  });

  it('lets a browser preflight the MCP endpoint with the headers MCP clients send', async () => {
    const response = await fetch(testbed.defaultPair.serverUrl, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers':
          'authorization, content-type, mcp-protocol-version, mcp-session-id',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of [
      'authorization',
      'content-type',
      'mcp-protocol-version',
      'mcp-session-id',
    ]) {
      expect(allowed).toContain(header);
    }
  });

  it('sends no CORS headers from the authorization endpoint or the login pages', async () => {
    const url = new URL(`${testbed.defaultPair.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: 'playground',
      response_type: 'code',
      redirect_uri: 'http://localhost:5173/callback',
      scope: 'mcp:read',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      resource: testbed.defaultPair.resource,
    }).toString();
    const browser = new Browser();
    const authorization = await browser.fetch(url, {
      headers: { Origin: 'http://localhost:5173' },
    });
    expect(authorization.status).toBe(303);
    expect(authorization.headers.get('access-control-allow-origin')).toBeNull();
    const login = await browser.fetch(new URL(authorization.headers.get('location') ?? '', url), {
      headers: { Origin: 'http://localhost:5173' },
    });
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('name="login"');
    expect(login.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the testbed itself', () => {
  it('lists what it serves at /', async () => {
    const { body, headers } = await getJson(`${testbed.url}/`);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(body).toMatchObject({
      default: {
        serverUrl: testbed.defaultPair.serverUrl,
        issuer: testbed.defaultPair.issuer,
        resourceMetadataUrl: testbed.defaultPair.resourceMetadataUrl,
      },
      clients: {
        preRegistered: { client_id: 'playground', redirect_uri: 'http://localhost:5173/callback' },
        clientIdMetadataDocument: { client_id: testbed.clientIdMetadataDocument.clientId },
      },
    });
  });

  it('names localhost in its URLs but listens on 127.0.0.1 only', async () => {
    const port = Number(new URL(testbed.url).port);
    expect(new URL(testbed.url).hostname).toBe('localhost');
    expect(testbed.address).toEqual({ address: '127.0.0.1', family: 'IPv4', port });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/health' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
  });

  it('refuses a request naming another host, as a DNS rebinding page would', async () => {
    const port = Number(new URL(testbed.url).port);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/mcp', headers: { Host: 'attacker.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});
