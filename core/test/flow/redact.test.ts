import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HttpExchange } from '../../src/flow/http-log.ts';
import {
  REMOVED,
  collectSecrets,
  redactLog,
  redactText,
  shortenSecret,
} from '../../src/flow/redact.ts';

const ACCESS =
  'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIiwic2NvcGUiOiJtY3A6cmVhZCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const REFRESH = 'rt_Qm9vUmVmcmVzaFRva2VuVmFsdWVUaGF0SXNMb25n';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CODE = 'SplxlOBeZQQYbYS6WxSbIA-code-value';

function exchange(partial: Partial<HttpExchange>): HttpExchange {
  return {
    id: '1',
    step: 'token',
    kind: 'fetch',
    startedAt: 0,
    request: { method: 'GET', url: 'http://localhost:4000/mcp', headers: [] },
    ...partial,
  };
}

const tokenExchange = exchange({
  request: {
    method: 'POST',
    url: 'http://localhost:4000/as/default/token',
    headers: [['content-type', 'application/x-www-form-urlencoded;charset=UTF-8']],
    body: `grant_type=authorization_code&code=${CODE}&code_verifier=${VERIFIER}&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2Fcallback&resource=http%3A%2F%2Flocalhost%3A4000%2Fmcp&client_id=playground`,
  },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [['content-type', 'application/json']],
    body: JSON.stringify({
      access_token: ACCESS,
      refresh_token: REFRESH,
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'mcp:read offline_access',
    }),
  },
});

const mcpExchange = exchange({
  step: 'mcp',
  request: {
    method: 'POST',
    url: 'http://localhost:4000/mcp',
    headers: [
      ['authorization', `Bearer ${ACCESS}`],
      ['content-type', 'application/json'],
    ],
    body: '{"jsonrpc":"2.0","id":2,"method":"tools/list"}',
  },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [['content-type', 'text/event-stream']],
    body: `event: message\ndata: {"jsonrpc":"2.0","id":2,"result":{"tools":[],"echo":"${ACCESS}"}}\n\n`,
  },
});

const everything = (exchanges: HttpExchange[]) => JSON.stringify(exchanges);

describe('log redaction', () => {
  it('finds codes, verifiers, tokens and bearer credentials', () => {
    const secrets = collectSecrets([tokenExchange, mcpExchange]);
    for (const secret of [ACCESS, REFRESH, VERIFIER, CODE]) expect(secrets).toContain(secret);
    expect(secrets).not.toContain('playground');
  });

  it('leaves no secret in the redacted log, in either mode', () => {
    for (const mode of ['shorten', 'remove'] as const) {
      const text = everything(redactLog([tokenExchange, mcpExchange], mode));
      for (const secret of [ACCESS, REFRESH, VERIFIER, CODE]) expect(text).not.toContain(secret);
    }
  });

  it('shortens to the first six and last four characters, keeping the scheme', () => {
    const [, mcp] = redactLog([tokenExchange, mcpExchange], 'shorten');
    expect(mcp?.request.headers[0]).toEqual(['authorization', `Bearer ${shortenSecret(ACCESS)}`]);
    expect(shortenSecret(ACCESS)).toBe('eyJhbG…VyZQ');
    expect(shortenSecret('short-secret')).toBe('…');
    const [token] = redactLog([tokenExchange], 'shorten');
    expect(token?.request.body).toContain(`code_verifier=${shortenSecret(VERIFIER)}`);
    expect(token?.response?.body).toContain(`"refresh_token":"${shortenSecret(REFRESH)}"`);
  });

  it('keeps what is not secret exactly as it was', () => {
    const [token] = redactLog([tokenExchange], 'remove');
    expect(token?.request.body).toContain('grant_type=authorization_code');
    expect(token?.request.body).toContain('client_id=playground');
    expect(token?.request.body).toContain('resource=http%3A%2F%2Flocalhost%3A4000%2Fmcp');
    expect(token?.request.body).toContain(`code=${REMOVED}&`);
    expect(token?.response?.body).toContain('"scope":"mcp:read offline_access"');
    expect(token?.response?.body).toContain('"expires_in":3600');
  });

  it('does not take code_challenge or JSON-RPC error codes for secrets', () => {
    const text =
      'https://as/auth?code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&state=abc';
    expect(redactText(text, new Set(), 'remove')).toBe(text);
    const rpc = '{"jsonrpc":"2.0","id":1,"error":{"code":-32600,"message":"bad"}}';
    expect(
      redactText(
        rpc,
        collectSecrets([
          exchange({ response: { status: 200, statusText: '', headers: [], body: rpc } }),
        ]),
        'remove',
      ),
    ).toBe(rpc);
  });

  it('hides the code in a callback URL and a percent-encoded value', () => {
    const url = `http://localhost:5173/callback?code=${CODE}&state=xyz&iss=http%3A%2F%2Flocalhost%3A4000%2Fas%2Fdefault`;
    const [nav] = redactLog(
      [exchange({ kind: 'navigation', request: { method: 'GET', url, headers: [] } })],
      'remove',
    );
    expect(nav?.request.url).toBe(
      `http://localhost:5173/callback?code=${REMOVED}&state=xyz&iss=http%3A%2F%2Flocalhost%3A4000%2Fas%2Fdefault`,
    );
  });

  it('hides a secret wherever it is echoed once it was seen in a structured place', () => {
    const echo = exchange({
      response: {
        status: 400,
        statusText: 'Bad Request',
        headers: [],
        body: `token ${REFRESH} was revoked`,
      },
    });
    const [, redacted] = redactLog([tokenExchange, echo], 'remove');
    expect(redacted?.response?.body).toBe(`token ${REMOVED} was revoked`);
  });

  it('hides extra secrets the caller knows about, such as a client secret kept in memory', () => {
    const [redacted] = redactLog(
      [
        exchange({
          request: { method: 'GET', url: 'http://x/?q=my-client-secret-value', headers: [] },
        }),
      ],
      'remove',
      ['my-client-secret-value'],
    );
    expect(redacted?.request.url).toBe(`http://x/?q=${REMOVED}`);
  });

  it('never leaves a form-body secret behind, whatever its characters', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme-ascii' }),
        fc.constantFrom('code', 'code_verifier', 'refresh_token', 'client_secret'),
        (secret, name) => {
          const body = `grant_type=x&${name}=${encodeURIComponent(secret)}&client_id=c`;
          const [redacted] = redactLog(
            [exchange({ request: { method: 'POST', url: 'http://as/token', headers: [], body } })],
            'remove',
          );
          expect(redacted?.request.body).toBe(`grant_type=x&${name}=${REMOVED}&client_id=c`);
        },
      ),
    );
  });
});
