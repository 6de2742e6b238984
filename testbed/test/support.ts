import { createHash, randomBytes } from 'node:crypto';
import { PLAYGROUND_CLIENT_ID, PLAYGROUND_REDIRECT_URI } from '../src/config.ts';

/**
 * A browser reduced to what an authorization flow needs: a cookie jar and redirects followed by
 * hand, so a test sees every hop. The testbed is one host, so cookies are matched by name only.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set(
        'Cookie',
        [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      );
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) this.store(cookie);
    return response;
  }

  private store(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator).trim();
    const expired = attributes.some((attribute) => {
      const [key = '', value = ''] = attribute.trim().split('=');
      if (key.toLowerCase() === 'max-age') return Number(value) <= 0;
      if (key.toLowerCase() === 'expires') return Date.parse(value) <= Date.now();
      return false;
    });
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, pair.slice(separator + 1));
  }
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizeOptions {
  issuer: string;
  resource: string;
  scope?: string;
  prompt?: string;
  clientId?: string;
  redirectUri?: string;
  /** Extra or overriding parameters; undefined removes one. */
  params?: Record<string, string | undefined>;
}

export interface AuthorizeResult {
  /** The URL the authorization server finally redirected the browser to. */
  callback: URL;
  verifier: string;
  state: string;
  clientId: string;
  redirectUri: string;
}

/**
 * Runs the authorization endpoint like a user would: follows each redirect, signs in on the dev
 * login page with any name, presses Continue on the consent page, and stops at the redirect to
 * the client's callback.
 */
export async function authorize(
  browser: Browser,
  options: AuthorizeOptions,
): Promise<AuthorizeResult> {
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(8).toString('hex');
  const clientId = options.clientId ?? PLAYGROUND_CLIENT_ID;
  const redirectUri = options.redirectUri ?? PLAYGROUND_REDIRECT_URI;
  const url = new URL(`${options.issuer}/auth`);
  const params: Record<string, string | undefined> = {
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: options.scope,
    resource: options.resource,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    prompt: options.prompt,
    ...options.params,
  };
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }

  let response = await browser.fetch(url);
  let current = url;
  for (let hop = 0; hop < 12; hop++) {
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location') ?? '', current);
      if (next.href.startsWith(redirectUri))
        return { callback: next, verifier, state, clientId, redirectUri };
      current = next;
      response = await browser.fetch(next);
      continue;
    }
    const html = await response.text();
    if (response.status !== 200)
      throw new Error(`Authorization failed at ${current.href}: ${response.status} ${html}`);
    const form = readForm(html);
    const fields = new URLSearchParams(form.hidden);
    if (form.names.includes('login')) {
      fields.set('login', 'alice');
      fields.set('password', 'any password');
    }
    current = new URL(form.action, current);
    response = await browser.fetch(current, { method: 'POST', body: fields });
  }
  throw new Error('The authorization flow did not reach the callback.');
}

/** The first form of a dev interaction page: where it posts, its hidden fields, its field names. */
function readForm(html: string): { action: string; hidden: [string, string][]; names: string[] } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`No form on the page:\n${html}`);
  const hidden: [string, string][] = [];
  const names: string[] = [];
  for (const input of html.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(input[0])?.[1];
    if (!name) continue;
    names.push(name);
    const value = /value="([^"]*)"/.exec(input[0])?.[1];
    if (/type="hidden"/.test(input[0]) && value !== undefined) hidden.push([name, value]);
  }
  return { action: action.replaceAll('&amp;', '&'), hidden, names };
}

export interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  scope?: string;
  token_type?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

export async function tokenRequest(
  issuer: string,
  params: Record<string, string>,
  origin = 'http://localhost:5173',
): Promise<{ status: number; headers: Headers; body: TokenResponse }> {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { Origin: origin },
    body: new URLSearchParams(params),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as TokenResponse,
  };
}

/** Exchanges the code of a completed authorization for tokens, with `resource` (RFC 8707). */
export function exchangeCode(issuer: string, result: AuthorizeResult, resource: string) {
  return tokenRequest(issuer, {
    grant_type: 'authorization_code',
    code: result.callback.searchParams.get('code') ?? '',
    redirect_uri: result.redirectUri,
    client_id: result.clientId,
    code_verifier: result.verifier,
    resource,
  });
}

/** Authorizes and exchanges the code in one go, failing the test if either step fails. */
export async function obtainTokens(
  browser: Browser,
  options: AuthorizeOptions,
): Promise<TokenResponse> {
  const result = await authorize(browser, options);
  const error = result.callback.searchParams.get('error');
  if (error) {
    throw new Error(
      `Authorization failed: ${error} ${result.callback.searchParams.get('error_description')}`,
    );
  }
  const tokens = await exchangeCode(options.issuer, result, options.resource);
  if (tokens.status !== 200)
    throw new Error(`Token request failed: ${JSON.stringify(tokens.body)}`);
  return tokens.body;
}

let nextRpcId = 1;

/** A JSON-RPC request to an MCP server, with the headers the Streamable HTTP transport requires. */
export async function mcpRequest(
  serverUrl: string,
  accessToken: string | undefined,
  method: string,
  params: Record<string, unknown> = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(serverUrl, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      'Mcp-Protocol-Version': '2025-06-18',
      ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: nextRpcId++, method, params }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

export const INITIALIZE_PARAMS = {
  protocolVersion: '2025-06-18',
  capabilities: {},
  clientInfo: { name: 'testbed-tests', version: '1.0.0' },
};

export async function getJson(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

export async function postScenario(testbedUrl: string, scenario: unknown) {
  const response = await fetch(`${testbedUrl}/scenarios`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:5173' },
    body: JSON.stringify(scenario),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}
