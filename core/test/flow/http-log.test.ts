import { describe, expect, it } from 'vitest';
import { MAX_LOGGED_BODY, navigationExchange, recordingFetch } from '../../src/flow/http-log.ts';
import type { HttpExchange } from '../../src/flow/http-log.ts';

function recorder(respond: (request: Request) => Promise<Response>) {
  const log: HttpExchange[] = [];
  let next = 0;
  const fetch = recordingFetch({
    fetch: (input) => respond(input as Request),
    onExchange: (exchange) => log.push(exchange),
    step: 'token',
    label: (request) => `${request.method} attempt`,
    now: () => 1_000,
    nextId: () => `x${++next}`,
  });
  return { fetch, log };
}

describe('recordingFetch', () => {
  it('logs the request and the response, and still hands the body to the caller', async () => {
    const { fetch, log } = recorder(async (request) => {
      expect(await request.text()).toBe('grant_type=refresh_token');
      return new Response('{"ok":true}', {
        status: 201,
        statusText: 'Created',
        headers: { 'content-type': 'application/json' },
      });
    });
    const response = await fetch('http://localhost:4000/token', {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token' }),
    });
    expect(await response.json()).toEqual({ ok: true });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      id: 'x1',
      step: 'token',
      label: 'POST attempt',
      kind: 'fetch',
      startedAt: 1_000,
      request: {
        method: 'POST',
        url: 'http://localhost:4000/token',
        body: 'grant_type=refresh_token',
      },
      response: { status: 201, statusText: 'Created', body: '{"ok":true}' },
    });
    expect(log[0]?.request.headers).toContainEqual([
      'content-type',
      'application/x-www-form-urlencoded;charset=UTF-8',
    ]);
    expect(log[0]?.response?.headers).toContainEqual(['content-type', 'application/json']);
    expect(log[0]?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps the beginning of a huge body and says it was cut', async () => {
    const { fetch, log } = recorder(() => Promise.resolve(new Response('x'.repeat(5_000_000))));
    const response = await fetch('http://localhost:4000/big');
    expect((await response.text()).length).toBe(5_000_000);
    expect(log[0]?.response).toMatchObject({ truncated: true });
    expect(log[0]?.response?.body?.length).toBe(MAX_LOGGED_BODY);
  });

  it('logs a failed request with the classifier’s reason and rethrows', async () => {
    const log: HttpExchange[] = [];
    const failing = recordingFetch({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      onExchange: (exchange) => log.push(exchange),
      step: 'probe',
      classifyFailure: () =>
        Promise.resolve({ kind: 'cors', message: 'Send Access-Control-Allow-Origin.' }),
      nextId: () => '1',
    });
    await expect(failing('http://localhost:4000/mcp')).rejects.toThrow('Failed to fetch');
    expect(log[0]).toMatchObject({ failure: { kind: 'cors' } });
    expect(log[0]?.response).toBeUndefined();
  });

  it('calls an aborted request cancelled', async () => {
    const log: HttpExchange[] = [];
    const aborting = recordingFetch({
      fetch: () => Promise.reject(new DOMException('stop', 'AbortError')),
      onExchange: (exchange) => log.push(exchange),
      step: 'probe',
      nextId: () => '1',
    });
    await expect(aborting('http://localhost:4000/mcp')).rejects.toThrow();
    expect(log[0]?.failure).toEqual({ kind: 'aborted', message: 'The request was cancelled.' });
  });
});

describe('navigationExchange', () => {
  it('holds the request only', () => {
    expect(
      navigationExchange({
        id: 'n',
        step: 'authorization-response',
        url: 'http://a/auth',
        label: 'To the AS',
        at: 5,
      }),
    ).toEqual({
      id: 'n',
      step: 'authorization-response',
      label: 'To the AS',
      kind: 'navigation',
      startedAt: 5,
      request: { method: 'GET', url: 'http://a/auth', headers: [] },
    });
  });
});
