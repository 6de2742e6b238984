import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote, toCurl, toCurlScript, toHar } from '../../src/flow/export.ts';
import type { HttpExchange } from '../../src/flow/http-log.ts';

const post: HttpExchange = {
  id: '3',
  step: 'registration',
  label: 'Dynamic Client Registration',
  kind: 'fetch',
  startedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
  durationMs: 12.6,
  request: {
    method: 'POST',
    url: 'http://localhost:4000/as/default/reg',
    headers: [
      ['content-type', 'application/json'],
      ['content-length', '42'],
    ],
    body: `{"client_name":"O'Brien's client"}`,
  },
  response: {
    status: 201,
    statusText: 'Created',
    headers: [['content-type', 'application/json; charset=utf-8']],
    body: '{"client_id":"abc"}',
  },
};

const get: HttpExchange = {
  id: '1',
  step: 'resource-metadata',
  kind: 'fetch',
  startedAt: 0,
  request: {
    method: 'GET',
    url: 'http://localhost:4000/.well-known/oauth-protected-resource/mcp?x=1',
    headers: [],
  },
  failure: { kind: 'cors', message: 'Blocked by CORS.' },
};

const navigation: HttpExchange = {
  id: '2',
  step: 'authorization-response',
  kind: 'navigation',
  startedAt: 0,
  request: { method: 'GET', url: 'http://localhost:4000/as/default/auth?client_id=x', headers: [] },
};

describe('HAR-like export', () => {
  it('writes requests, responses, timings and the step of each entry', () => {
    const har = toHar([post, get, navigation]);
    expect(har.log.version).toBe('1.2');
    const [entry, failed, nav] = har.log.entries;
    expect(entry).toMatchObject({
      startedDateTime: '2026-01-02T03:04:05.000Z',
      time: 13,
      _step: 'registration',
      _label: 'Dynamic Client Registration',
      request: {
        method: 'POST',
        postData: { mimeType: 'application/json', text: post.request.body },
        headers: [
          { name: 'content-type', value: 'application/json' },
          { name: 'content-length', value: '42' },
        ],
      },
      response: {
        status: 201,
        content: { mimeType: 'application/json; charset=utf-8', text: '{"client_id":"abc"}' },
      },
    });
    expect(failed?.request.queryString).toEqual([{ name: 'x', value: '1' }]);
    expect(failed?.response).toMatchObject({ status: 0, _failure: 'Blocked by CORS.' });
    expect(nav?.response._failure).toMatch(/navigation/);
    expect(JSON.parse(JSON.stringify(har))).toEqual(har);
  });
});

describe('curl export', () => {
  it('quotes every argument so the shell passes it through unchanged', () => {
    for (const value of [`O'Brien`, '$HOME `id` "x" \\n', '']) {
      const echoed = execFileSync('sh', ['-c', `printf %s ${shellQuote(value)}`], {
        encoding: 'utf8',
      });
      expect(echoed).toBe(value);
    }
  });

  it('builds a POST with its headers and body, leaving out the length curl computes', () => {
    const command = toCurl(post);
    expect(command).toContain(`-X POST`);
    expect(command).toContain(`'http://localhost:4000/as/default/reg'`);
    expect(command).toContain(`-H 'content-type: application/json'`);
    expect(command).not.toContain('content-length');
    expect(command).toContain(`--data-raw '{"client_name":"O'\\''Brien'\\''s client"}'`);
  });

  it('gives the shell exactly the arguments of the request', () => {
    const args = execFileSync('sh', ['-c', `curl() { printf '%s\\n' "$@"; }\n${toCurl(post)}`], {
      encoding: 'utf8',
    });
    expect(args.split('\n').slice(0, -1)).toEqual([
      '-X',
      'POST',
      'http://localhost:4000/as/default/reg',
      '-H',
      'content-type: application/json',
      '--data-raw',
      post.request.body,
    ]);
  });

  it('leaves -X out of a plain GET and skips navigations in a script', () => {
    expect(toCurl(get)).toBe(
      `curl 'http://localhost:4000/.well-known/oauth-protected-resource/mcp?x=1'`,
    );
    const script = toCurlScript([get, navigation, post]);
    expect(script).toContain('# resource-metadata\ncurl');
    expect(script).toContain('# registration: Dynamic Client Registration\ncurl');
    expect(script).not.toContain('/auth?client_id');
  });
});
