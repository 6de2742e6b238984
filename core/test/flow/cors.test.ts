import { describe, expect, it } from 'vitest';
import { corsAdvice, needsPreflight, preflightHeaders } from '../../src/flow/cors.ts';

const ORIGIN = 'http://localhost:5173';

describe('corsAdvice', () => {
  it('asks only for the allow-origin header for a simple form POST', () => {
    const request = {
      method: 'POST',
      url: 'http://localhost:4000/as/default/token',
      headers: [
        ['Content-Type', 'application/x-www-form-urlencoded;charset=UTF-8'],
        ['accept', 'application/json'],
      ] as const,
    };
    expect(needsPreflight(request)).toBe(false);
    expect(corsAdvice(request, ORIGIN).message).toBe(
      'The browser blocked the answer from http://localhost:4000: the server answered without CORS headers for this page. Send Access-Control-Allow-Origin: http://localhost:5173 (or *) on the POST response.',
    );
  });

  it('names the preflight headers of an authenticated JSON request and the headers to expose', () => {
    const request = {
      method: 'POST',
      url: 'http://localhost:4000/mcp',
      headers: [
        ['content-type', 'application/json'],
        ['Authorization', 'Bearer x'],
        ['mcp-protocol-version', '2025-11-25'],
      ] as const,
    };
    expect(preflightHeaders(request)).toEqual([
      'authorization',
      'content-type',
      'mcp-protocol-version',
    ]);
    const advice = corsAdvice(request, ORIGIN, ['WWW-Authenticate', 'Mcp-Session-Id']);
    expect(advice.message).toContain(
      'Access-Control-Expose-Headers: WWW-Authenticate, Mcp-Session-Id',
    );
    expect(advice.message).toContain(
      'answer the preflight OPTIONS request with Access-Control-Allow-Origin, Access-Control-Allow-Methods: POST and Access-Control-Allow-Headers: authorization, content-type, mcp-protocol-version',
    );
  });

  it('preflights methods other than GET, HEAD and POST', () => {
    expect(needsPreflight({ method: 'DELETE', url: 'http://x/', headers: [] })).toBe(true);
    expect(needsPreflight({ method: 'get', url: 'http://x/', headers: [] })).toBe(false);
  });
});
