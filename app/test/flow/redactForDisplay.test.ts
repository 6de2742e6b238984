import type { HttpExchange } from '@mcp-auth-playground/core';
import { describe, expect, it } from 'vitest';
import { redactForDisplay } from '../../src/flow/components/redactForDisplay.ts';

const TOKEN = 'at-0123456789abcdefghijklmnop';

function exchange(
  id: string,
  request: Partial<HttpExchange['request']>,
  body?: string,
): HttpExchange {
  return {
    id,
    step: 'token',
    kind: 'fetch',
    startedAt: 0,
    request: { method: 'POST', url: 'http://localhost:4000/token', headers: [], ...request },
    ...(body === undefined
      ? {}
      : { response: { status: 200, statusText: 'OK', headers: [], body } }),
  };
}

const echo = exchange('1', { headers: [['x-echo', TOKEN]] });
const tokenResponse = exchange(
  '2',
  {},
  JSON.stringify({ access_token: TOKEN, token_type: 'Bearer' }),
);

describe('redactForDisplay', () => {
  it('hides a secret in every entry, including one logged before the secret was known', () => {
    const first = redactForDisplay([echo], []);
    expect(JSON.stringify(first)).toContain(TOKEN);

    const both = redactForDisplay([echo, tokenResponse], []);
    expect(JSON.stringify(both)).not.toContain(TOKEN);
  });

  it('hides the secrets it is given, such as the code verifier kept outside the log', () => {
    const shown = redactForDisplay([echo], [TOKEN]);
    expect(JSON.stringify(shown)).not.toContain(TOKEN);
  });

  it('gives the same redacted entries back while the secrets stay the same', () => {
    const log = [echo, tokenResponse];
    const once = redactForDisplay(log, []);
    const again = redactForDisplay(log, []);
    expect(again[0]).toBe(once[0]);
    expect(again[1]).toBe(once[1]);
  });

  it('never changes the entries it was given', () => {
    const copy = structuredClone(tokenResponse);
    redactForDisplay([tokenResponse], [TOKEN]);
    expect(tokenResponse).toEqual(copy);
  });
});
