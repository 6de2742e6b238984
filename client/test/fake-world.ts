// A fake MCP server and authorization server behind one fetch, for the engine's unit tests. Each
// option turns on one behaviour the official conformance suite's client scenarios exercise.

import { pkceChallenge } from '@mcp-auth-playground/core';

export const MCP = 'https://mcp.example.com/mcp';
export const PRM_PATH_INSERTED = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';
export const PRM_ROOT = 'https://mcp.example.com/.well-known/oauth-protected-resource';
export const PRM_CHALLENGE = 'https://mcp.example.com/meta/prm.json';
export const ISSUER = 'https://auth.example.com';
export const ISSUER_2 = 'https://auth2.example.com';
export const REDIRECT = 'http://127.0.0.1:8765/callback';

export interface WorldOptions {
  /** Where the PRM is served; `challenge` also names it in the 401. */
  prmAt?: 'challenge' | 'path-inserted' | 'root';
  /** Extra PRM members, e.g. scopes_supported or a wrong resource. */
  prm?: Record<string, unknown>;
  /** The scope in the 401 challenge. */
  challengeScope?: string;
  /** Where the AS metadata is served. */
  asMetadataAt?: 'oauth' | 'openid';
  /** Extra AS metadata members (null removes one). */
  asMetadata?: Record<string, unknown>;
  /** What the callback carries as iss. */
  iss?: 'correct' | 'wrong' | 'omit';
  /** Scopes tools/list and tools/call need; a token without them gets 403 insufficient_scope. */
  listScope?: string;
  callScope?: string;
  /** A 403 on every authenticated call, whatever the token. */
  alwaysForbidden?: boolean;
  /** Refuses initialize like a 2026-07-28 server (SEP-2575). */
  stateless?: boolean;
  /** Issue refresh tokens. */
  refreshTokens?: boolean;
  /** The registration response's extra members (client_secret, token_endpoint_auth_method). */
  registered?: Record<string, unknown>;
  /** After the first authenticated call, move to a second authorization server (SEP-2352). */
  migrate?: boolean;
}

export interface Recorded {
  authorizations: URL[];
  tokens: { issuer: string; headers: Headers; body: URLSearchParams }[];
  registrations: { issuer: string; body: Record<string, unknown> }[];
  mcp: { headers: Headers; body: Record<string, unknown> }[];
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const tokens = (scope: string | undefined): string[] => (scope ?? '').split(' ').filter(Boolean);

export function fakeWorld(options: WorldOptions = {}) {
  const recorded: Recorded = { authorizations: [], tokens: [], registrations: [], mcp: [] };
  const grants = new Map<string, { scope?: string; challenge: string; issuer: string }>();
  const issued = new Map<string, { scopes: string[]; issuer: string }>();
  let migrated = false;
  let counter = 0;
  const prmUrl =
    options.prmAt === 'root'
      ? PRM_ROOT
      : options.prmAt === 'challenge'
        ? PRM_CHALLENGE
        : PRM_PATH_INSERTED;
  const currentIssuer = () => (migrated ? ISSUER_2 : ISSUER);

  const challenge = (status: 401 | 403, scope?: string) => {
    const parts = [
      ...(status === 403 ? ['error="insufficient_scope"'] : []),
      ...(scope ? [`scope="${scope}"`] : []),
      ...(options.prmAt === 'challenge' ? [`resource_metadata="${PRM_CHALLENGE}"`] : []),
    ];
    return `Bearer${parts.length ? ` ${parts.join(', ')}` : ''}`;
  };

  function metadata(issuer: string): Record<string, unknown> {
    const document: Record<string, unknown> = {
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      registration_endpoint: `${issuer}/register`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      authorization_response_iss_parameter_supported: true,
      ...options.asMetadata,
    };
    for (const [key, value] of Object.entries(document)) {
      if (value === null) delete document[key];
    }
    return document;
  }

  async function authServer(issuer: string, url: URL, request: Request): Promise<Response> {
    const path = url.pathname;
    const wellKnown =
      options.asMetadataAt === 'openid'
        ? '/.well-known/openid-configuration'
        : '/.well-known/oauth-authorization-server';
    if (request.method === 'GET' && path === wellKnown) return json(200, metadata(issuer));
    if (request.method === 'GET' && path === '/authorize') {
      recorded.authorizations.push(url);
      const code = `code-${++counter}`;
      const scope = url.searchParams.get('scope') ?? undefined;
      grants.set(code, {
        ...(scope ? { scope } : {}),
        challenge: url.searchParams.get('code_challenge') ?? '',
        issuer,
      });
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      if (options.iss !== 'omit') {
        back.searchParams.set('iss', options.iss === 'wrong' ? 'https://evil.example.com' : issuer);
      }
      return new Response(null, { status: 302, headers: { location: back.href } });
    }
    if (request.method === 'POST' && path === '/token') {
      const body = new URLSearchParams(await request.text());
      recorded.tokens.push({ issuer, headers: request.headers, body });
      let scopes: string[];
      if (body.get('grant_type') === 'authorization_code') {
        const grant = grants.get(body.get('code') ?? '');
        const verifier = body.get('code_verifier') ?? '';
        if (
          !grant ||
          grant.issuer !== issuer ||
          (await pkceChallenge(verifier)) !== grant.challenge
        ) {
          return json(400, { error: 'invalid_grant' });
        }
        scopes = tokens(grant.scope);
      } else if (body.get('grant_type') === 'refresh_token') {
        scopes = issued.get(body.get('refresh_token') ?? '')?.scopes ?? [];
      } else {
        return json(400, { error: 'unsupported_grant_type' });
      }
      const access = `at-${issuer === ISSUER_2 ? 'as2-' : ''}${++counter}-secretvalue`;
      issued.set(access, { scopes, issuer });
      const refresh = `rt-${++counter}-secretvalue`;
      if (options.refreshTokens) issued.set(refresh, { scopes, issuer });
      return json(200, {
        access_token: access,
        token_type: 'Bearer',
        expires_in: 3600,
        ...(scopes.length ? { scope: scopes.join(' ') } : {}),
        ...(options.refreshTokens ? { refresh_token: refresh } : {}),
      });
    }
    if (request.method === 'POST' && path === '/register') {
      const body = (await request.json()) as Record<string, unknown>;
      recorded.registrations.push({ issuer, body });
      return json(201, {
        client_id: `client-of-${new URL(issuer).host}`,
        ...body,
        ...options.registered,
      });
    }
    return json(404, { error: 'not_found' });
  }

  async function mcp(request: Request): Promise<Response> {
    const body = (await request.json()) as Record<string, unknown>;
    recorded.mcp.push({ headers: request.headers, body });
    const method = body.method as string;
    const auth = request.headers.get('authorization');
    if (!auth?.startsWith('Bearer ')) {
      return json(
        401,
        { error: 'invalid_token' },
        {
          'www-authenticate': challenge(401, options.challengeScope),
        },
      );
    }
    const token = issued.get(auth.slice(7));
    if (!token)
      return json(401, { error: 'invalid_token' }, { 'www-authenticate': challenge(401) });
    if (options.stateless) {
      const meta = (body.params as { _meta?: Record<string, unknown> } | undefined)?._meta;
      if (method === 'initialize' || !request.headers.get('mcp-protocol-version') || !meta) {
        return json(400, {
          jsonrpc: '2.0',
          id: body.id ?? null,
          error: { code: -32020, message: 'stateless' },
        });
      }
    } else if (method === 'initialize') {
      return json(
        200,
        {
          jsonrpc: '2.0',
          id: body.id,
          result: { protocolVersion: '2025-11-25', serverInfo: { name: 'fake' } },
        },
        { 'mcp-session-id': 'session-1' },
      );
    } else if (method.startsWith('notifications/')) {
      return new Response(null, { status: 202 });
    }
    if (options.migrate) {
      if (!migrated) {
        migrated = true;
      } else if (token.issuer !== ISSUER_2) {
        return json(401, { error: 'invalid_token' }, { 'www-authenticate': challenge(401) });
      }
    }
    const needed = options.alwaysForbidden
      ? ['mcp:admin']
      : tokens(method === 'tools/call' ? options.callScope : options.listScope);
    if (options.alwaysForbidden || !needed.every((scope) => token.scopes.includes(scope))) {
      return json(
        403,
        { error: 'insufficient_scope' },
        {
          'www-authenticate': challenge(403, needed.join(' ')),
        },
      );
    }
    const result =
      method === 'tools/list'
        ? { tools: [{ name: 'test-tool', inputSchema: { type: 'object' } }] }
        : { content: [{ type: 'text', text: 'done' }] };
    return json(200, { jsonrpc: '2.0', id: body.id, result });
  }

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.href === MCP && request.method === 'POST') return mcp(request);
    if (request.method === 'GET' && url.href === prmUrl) {
      return json(200, {
        resource: options.prmAt === 'root' ? 'https://mcp.example.com' : MCP,
        authorization_servers: [currentIssuer()],
        ...options.prm,
      });
    }
    if (url.origin === ISSUER) return authServer(ISSUER, url, request);
    if (url.origin === ISSUER_2) return authServer(ISSUER_2, url, request);
    return json(404, { error: 'not_found' });
  };

  return { fetch: fetch, recorded };
}

/** Deterministic octets: the tests compare requests, not randomness. */
export function countingBytes(): (length: number) => Uint8Array {
  let next = 0;
  return (length) => Uint8Array.from({ length }, () => next++ % 256);
}
