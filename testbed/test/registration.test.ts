import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Testbed } from '../src/server.ts';
import { createTestbed } from '../src/server.ts';
import { Browser, getJson, obtainTokens } from './support.ts';

let testbed: Testbed;
beforeAll(async () => {
  testbed = await createTestbed({ port: 0 });
});
afterAll(() => testbed.close());

const PLAYGROUND = 'http://localhost:5173';

describe('Dynamic Client Registration from a browser', () => {
  it('answers the preflight and the registration with CORS headers', async () => {
    const registrationUrl = `${testbed.defaultPair.issuer}/reg`;
    const preflight = await fetch(registrationUrl, {
      method: 'OPTIONS',
      headers: {
        Origin: PLAYGROUND,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PLAYGROUND);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'content-type',
    );

    const registration = await fetch(registrationUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: PLAYGROUND },
      body: JSON.stringify({
        client_name: 'Registered in a test',
        redirect_uris: ['http://localhost:5173/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        // A client's registered scope limits what it may request later, offline_access included.
        scope: 'mcp:read mcp:write offline_access',
      }),
    });
    expect(registration.status).toBe(201);
    expect(registration.headers.get('access-control-allow-origin')).toBe(PLAYGROUND);
    const client = (await registration.json()) as { client_id: string };

    const { issuer, resource } = testbed.defaultPair;
    const tokens = await obtainTokens(new Browser(), {
      issuer,
      resource,
      clientId: client.client_id,
      scope: 'mcp:read offline_access',
      prompt: 'consent',
    });
    expect(decodeJwt(tokens.access_token ?? '').client_id).toBe(client.client_id);
    expect(tokens.refresh_token).toBeTruthy();
  });
});

describe('the client ID metadata document', () => {
  it('is readable by a browser at its document URL, naming its https client_id', async () => {
    const { clientId, documentUrl } = testbed.clientIdMetadataDocument;
    expect(clientId).toBe(documentUrl.replace(/^http:/, 'https:'));
    const { status, headers, body } = await getJson(documentUrl, { Origin: PLAYGROUND });
    expect(status).toBe(200);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(body).toMatchObject({
      client_id: clientId,
      redirect_uris: ['http://localhost:5173/callback'],
      token_endpoint_auth_method: 'none',
    });
  });

  it('lets a client use its URL as client_id in a full flow', async () => {
    const { issuer, resource } = testbed.defaultPair;
    const { clientId } = testbed.clientIdMetadataDocument;
    const tokens = await obtainTokens(new Browser(), {
      issuer,
      resource,
      clientId,
      scope: 'mcp:read',
    });
    expect(decodeJwt(tokens.access_token ?? '').client_id).toBe(clientId);
  });

  it('refuses any other client_id URL', async () => {
    const { issuer, resource } = testbed.defaultPair;
    const browser = new Browser();
    const url = new URL(`${issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: 'https://client.example/metadata.json',
      response_type: 'code',
      redirect_uri: 'http://localhost:5173/callback',
      scope: 'mcp:read',
      resource,
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    }).toString();
    const response = await browser.fetch(url);
    // An unknown client cannot be redirected to: the error is shown on the AS's own page.
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('invalid_client');
  });
});
