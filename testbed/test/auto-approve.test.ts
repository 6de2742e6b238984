import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoApproveRequested } from '../src/config.ts';
import type { Testbed } from '../src/server.ts';
import { createTestbed } from '../src/server.ts';
import {
  authorize,
  Browser,
  exchangeCode,
  INITIALIZE_PARAMS,
  mcpRequest,
  pkcePair,
  type AuthorizeResult,
  type TokenResponse,
} from './support.ts';

// TESTBED_AUTO_APPROVE: the opt-in that lets a client without a person (the CLI's
// `flow --headless`, the conformance suite) complete the flow by following redirects. The
// contract tested here is the one the CLI relies on: 303s only, cookies carried between hops,
// ending at the redirect_uri with code, state and iss, granting what the consent page would.

let auto: Testbed;
let interactive: Testbed;
beforeAll(async () => {
  [auto, interactive] = await Promise.all([
    createTestbed({ port: 0, autoApprove: true }),
    createTestbed({ port: 0 }),
  ]);
});
afterAll(() => Promise.all([auto.close(), interactive.close()]));

/** A native client with a loopback redirect, as `mcp-auth-playground flow` registers one. */
async function registerNativeClient(testbed: Testbed, redirectUri: string): Promise<string> {
  const response = await fetch(`${testbed.defaultPair.issuer}/reg`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      client_name: 'headless test client',
      application_type: 'native',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { client_id: string }).client_id;
}

interface Hop {
  status: number;
  location: string | null;
}

/** Follows the authorization endpoint's redirects with plain fetches, as a headless client does. */
async function follow(
  browser: Browser,
  start: URL,
  redirectUri: string,
): Promise<{ hops: Hop[]; callback?: URL; last: Response }> {
  const hops: Hop[] = [];
  let url = start;
  for (let hop = 0; hop < 10; hop++) {
    const response = await browser.fetch(url);
    const location = response.headers.get('location');
    hops.push({ status: response.status, location });
    if (response.status < 300 || response.status >= 400 || location === null) {
      return { hops, last: response };
    }
    url = new URL(location, url);
    if (url.href.startsWith(redirectUri)) return { hops, callback: url, last: response };
  }
  throw new Error('more than 10 redirects');
}

function authorizationUrl(
  testbed: Testbed,
  params: { clientId: string; redirectUri: string; scope?: string; prompt?: string },
) {
  const { challenge, verifier } = pkcePair();
  const state = randomBytes(8).toString('hex');
  const url = new URL(`${testbed.defaultPair.issuer}/auth`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    resource: testbed.defaultPair.resource,
    ...(params.scope === undefined ? {} : { scope: params.scope }),
    ...(params.prompt === undefined ? {} : { prompt: params.prompt }),
  }).toString();
  return { url, state, verifier };
}

describe('auto-approve', () => {
  it('is off unless TESTBED_AUTO_APPROVE=1 or --auto-approve asks for it', () => {
    expect(autoApproveRequested([], {})).toBe(false);
    expect(autoApproveRequested([], { TESTBED_AUTO_APPROVE: '0' })).toBe(false);
    expect(autoApproveRequested([], { TESTBED_AUTO_APPROVE: 'yes' })).toBe(false);
    expect(autoApproveRequested([], { TESTBED_AUTO_APPROVE: '1' })).toBe(true);
    expect(autoApproveRequested(['--auto-approve'], {})).toBe(true);
  });

  it('ends a plain redirect chain at the loopback redirect_uri with code, state and iss, which exchange for a token that lists tools', async () => {
    const redirectUri = 'http://127.0.0.1:49152/callback';
    const clientId = await registerNativeClient(auto, redirectUri);
    const { url, state, verifier } = authorizationUrl(auto, {
      clientId,
      redirectUri,
      scope: 'mcp:read',
    });
    const { hops, callback } = await follow(new Browser(), url, redirectUri);

    // Login, then consent, each answered without a page: 303s only (a redirect's body may be
    // a "Redirecting to" line, never a form).
    expect(hops.map(({ status }) => status)).toEqual([303, 303, 303, 303, 303]);
    expect(hops.map(({ location }) => new URL(location ?? '', url).pathname)).toEqual([
      expect.stringMatching(/^\/as\/default\/interaction\/[\w-]+$/),
      expect.stringMatching(/^\/as\/default\/auth\/[\w-]+$/),
      expect.stringMatching(/^\/as\/default\/interaction\/[\w-]+$/),
      expect.stringMatching(/^\/as\/default\/auth\/[\w-]+$/),
      '/callback',
    ]);
    expect(callback?.origin + (callback?.pathname ?? '')).toBe(redirectUri);
    expect(callback?.searchParams.get('state')).toBe(state);
    expect(callback?.searchParams.get('iss')).toBe(auto.defaultPair.issuer);
    const code = callback?.searchParams.get('code') ?? '';
    expect(code).not.toBe('');

    // From a terminal: no Origin header, no resource (the granted one is used).
    const answer = await fetch(`${auto.defaultPair.issuer}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: clientId,
        code_verifier: verifier,
      }),
    });
    const tokens = { status: answer.status, body: (await answer.json()) as TokenResponse };
    expect(tokens.body.error_description).toBeUndefined();
    expect(tokens.status).toBe(200);
    expect(tokens.body.scope).toBe('mcp:read');
    const claims = decodeJwt(tokens.body.access_token ?? '');
    expect(claims.sub).toBe('headless');
    expect(claims.aud).toBe(auto.defaultPair.resource);

    const token = tokens.body.access_token;
    const init = await mcpRequest(
      auto.defaultPair.serverUrl,
      token,
      'initialize',
      INITIALIZE_PARAMS,
    );
    expect(init.status).toBe(200);
    const list = await mcpRequest(auto.defaultPair.serverUrl, token, 'tools/list');
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).toContain('read_notes');
  });

  it('grants exactly what the interactive consent grants, offline_access included', async () => {
    const cases = [
      { scope: 'mcp:read', prompt: undefined },
      { scope: 'mcp:read mcp:write offline_access', prompt: 'consent' },
      // Without prompt=consent oidc-provider drops offline_access, on the page and here alike.
      { scope: 'mcp:read offline_access', prompt: undefined },
      { scope: undefined, prompt: undefined },
    ];
    // The playground's own client and callback, on both testbeds (localhost is loopback).
    const run = async (testbed: Testbed, scope: string | undefined, prompt: string | undefined) => {
      const result: AuthorizeResult = await authorize(new Browser(), {
        issuer: testbed.defaultPair.issuer,
        resource: testbed.defaultPair.resource,
        scope,
        prompt,
      });
      expect(result.callback.searchParams.get('error')).toBeNull();
      const tokens = await exchangeCode(
        testbed.defaultPair.issuer,
        result,
        testbed.defaultPair.resource,
      );
      expect(tokens.status).toBe(200);
      return { scope: tokens.body.scope, refresh: tokens.body.refresh_token !== undefined };
    };
    for (const { scope, prompt } of cases) {
      const byPage = await run(interactive, scope, prompt);
      const byAuto = await run(auto, scope, prompt);
      expect(byAuto, `${scope} ${prompt}`).toEqual(byPage);
    }
  });

  it('shows the pages as usual for a redirect_uri that is not loopback', async () => {
    const redirectUri = 'https://client.example/callback';
    const response = await fetch(`${auto.defaultPair.issuer}/reg`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      }),
    });
    const { client_id: clientId } = (await response.json()) as { client_id: string };
    const { url } = authorizationUrl(auto, { clientId, redirectUri, scope: 'mcp:read' });
    const { callback, last } = await follow(new Browser(), url, redirectUri);
    expect(callback).toBeUndefined();
    expect(last.status).toBe(200);
    expect(await last.text()).toContain('name="login"');
  });

  it('says the cookies are missing when a hop arrives without them', async () => {
    const redirectUri = 'http://127.0.0.1:49153/callback';
    const clientId = await registerNativeClient(auto, redirectUri);
    const { url } = authorizationUrl(auto, { clientId, redirectUri, scope: 'mcp:read' });
    const first = await fetch(url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const interaction = new URL(first.headers.get('location') ?? '', url);
    const cookieless = await fetch(interaction, { redirect: 'manual' });
    expect(cookieless.status).toBe(400);
    const body = (await cookieless.json()) as { error_description: string };
    expect(body.error_description).toContain('Send the cookies');
  });

  it('is off by default: the same chain stops at the login page', async () => {
    const redirectUri = 'http://127.0.0.1:49154/callback';
    const clientId = await registerNativeClient(interactive, redirectUri);
    const { url } = authorizationUrl(interactive, { clientId, redirectUri, scope: 'mcp:read' });
    const { callback, last } = await follow(new Browser(), url, redirectUri);
    expect(callback).toBeUndefined();
    expect(last.status).toBe(200);
    expect(last.headers.get('content-type')).toContain('html');
    const index = (await (await fetch(`${interactive.url}/`)).json()) as {
      interactions: { autoApprove: boolean };
    };
    expect(index.interactions.autoApprove).toBe(false);
  });
});
